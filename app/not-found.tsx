import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("chrome.notFound");
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <Link href="/calls/new" className="text-sm text-brand-600 hover:underline">
        {t("startCall")}
      </Link>
    </div>
  );
}
