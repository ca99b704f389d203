"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("chrome.error");
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">
        {t("body")} {error.digest ? t.rich("reference", { digest: error.digest, code: (c) => <code>{c}</code> }) : null}
      </p>
      <button className="text-sm text-brand-600 underline" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
