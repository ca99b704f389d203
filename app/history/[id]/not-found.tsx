import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function EntryNotFound() {
  const t = await getTranslations("history.notFound");
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-slate-600">{t("text")}</p>
      <Link href="/history" className="text-sm text-brand-600 hover:underline">
        {t("search")}
      </Link>
    </div>
  );
}
