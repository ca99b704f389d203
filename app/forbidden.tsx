import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Not allowed</h1>
      <p className="text-sm text-slate-600">Your role does not include this page. Ask an admin if you need it.</p>
      <Link href="/" className="text-sm text-brand-600 hover:underline">
        Back to the console
      </Link>
    </div>
  );
}
