"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-slate-600">
        The console could not show this page.{" "}
        {error.digest ? (
          <>
            Reference for the server log: <code>{error.digest}</code>.
          </>
        ) : null}
      </p>
      <button className="text-sm text-brand-600 underline" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
