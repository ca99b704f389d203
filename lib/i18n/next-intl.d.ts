import type { Locale } from "./locales";
import type { Messages } from "./messages";

/** Keys and locales are type-checked: t("nav.nowhere") fails the type check. */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
