"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { setTheme, setTimeChoice, useThemeChoice, useTimeChoice, type ThemeChoice, type TimeChoice } from "./preferences";

const select =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600";

/** The theme (light, dark, the system's) and the zone times are shown in, remembered by this browser. */
export function DisplayPreferences() {
  const id = useId();
  const t = useTranslations("preferences");
  const theme = useThemeChoice();
  const time = useTimeChoice();
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="display-preferences">
      <label htmlFor={`${id}-theme`} className="sr-only">
        {t("theme")}
      </label>
      <select id={`${id}-theme`} className={select} value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
        <option value="system">{t("themeSystem")}</option>
        <option value="light">{t("themeLight")}</option>
        <option value="dark">{t("themeDark")}</option>
      </select>
      <label htmlFor={`${id}-time`} className="sr-only">
        {t("timeIn")}
      </label>
      <select id={`${id}-time`} className={select} value={time} onChange={(event) => setTimeChoice(event.target.value as TimeChoice)}>
        <option value="local">{t("timeLocal")}</option>
        <option value="utc">{t("timeUtc")}</option>
      </select>
    </div>
  );
}
