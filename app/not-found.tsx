import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <Link href="/calls/new" className="text-sm text-brand-600 hover:underline">
        Start a call
      </Link>
    </div>
  );
}
