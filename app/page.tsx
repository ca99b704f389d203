import { getTranslations } from "next-intl/server";
import { OverviewCharts } from "@/components/overview/charts";
import { WindowStats } from "@/components/overview/window-stats";
import { guardPage } from "@/lib/auth/guards";
import { overview } from "@/lib/calls/overview";

export async function generateMetadata() {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  await guardPage("/");
  const t = await getTranslations("overview");
  const windows = await overview();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      {windows.map((w) => {
        const hours = w.series[0]?.hours.length ?? 0;
        const title = t("window", { hours });
        return (
          <div key={w.title} className="space-y-4">
            <WindowStats title={title} since={w.since} stats={w.stats} />
            {w.stats.length > 0 ? <OverviewCharts title={title} series={w.series} wide={hours !== 24} /> : null}
          </div>
        );
      })}
    </div>
  );
}
