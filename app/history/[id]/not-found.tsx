import Link from "next/link";

export default function EntryNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">No such history entry</h1>
      <p className="text-sm text-slate-600">Nothing in history has this id or RequestId. It may belong to another console or database.</p>
      <Link href="/history" className="text-sm text-brand-600 hover:underline">
        Search history
      </Link>
    </div>
  );
}
