import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function Forbidden() {
  const t = await getTranslations("chrome.forbidden");
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("body")}</p>
      <Link href="/" className="text-sm text-brand-600 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
