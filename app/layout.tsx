import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { PhrasebookProvider } from "@/components/i18n/localize";
import { THEME_SCRIPT } from "@/components/ui/preferences";
import { Shortcuts } from "@/components/ui/shortcuts";
import { SiteHeader } from "@/components/ui/site-header";
import { currentUser } from "@/lib/auth/session";
import { PAGE_ACCESS, can, type Capability } from "@/lib/auth/access";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { phrasePairsFor } from "@/lib/i18n/messages";
import { setLocaleAction } from "./actions";
import { signOutAction } from "./login/actions";
import "./globals.css";
import { Providers } from "./providers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
    manifest: "/manifest.webmanifest",
    icons: { apple: "/apple-touch-icon.png" },
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172a" },
  ],
};

type NavKey = "overview" | "newCall" | "calls" | "templates" | "history" | "records" | "usersig" | "profiles" | "users" | "audit";

const NAV: { href: keyof typeof PAGE_ACCESS; label: NavKey; needs?: Capability }[] = [
  { href: "/", label: "overview" },
  // Viewers may open the form (from a template) but not start: the header offers it to those who can.
  { href: "/calls/new", label: "newCall", needs: "call.start" },
  { href: "/calls", label: "calls" },
  { href: "/calls/templates", label: "templates" },
  { href: "/history", label: "history" },
  { href: "/calls/records", label: "records" },
  { href: "/tools/usersig", label: "usersig" },
  { href: "/admin/profiles", label: "profiles" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/audit", label: "audit" },
];

/** The header shows a page when the user has the capability the page itself checks. */
const mayOpen = (role: Parameters<typeof can>[0], href: keyof typeof PAGE_ACCESS) => {
  const access = PAGE_ACCESS[href];
  return access === "public" || can(role, access);
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The header only shows what the user may open; each page checks access itself.
  const user = await currentUser();
  // The CSP nonce from proxy.ts: the theme script runs before the first paint, so no flash of the wrong theme.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const found = await getLocale();
  const locale = isLocale(found) ? found : DEFAULT_LOCALE;
  const t = await getTranslations("header");
  const tNav = await getTranslations("nav");
  const nav = user
    ? NAV.filter((item) => mayOpen(user.role, item.href) && (!item.needs || can(user.role, item.needs))).map((item) => ({
        href: item.href,
        label: tNav(item.label),
      }))
    : [];
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-600 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <PhrasebookProvider pairs={phrasePairsFor(locale)}>
            <Providers>
              <SiteHeader
                nav={nav}
                language={<LanguageSwitch action={setLocaleAction} />}
                account={
                  user ? (
                    <>
                      <span className="text-slate-600" data-testid="signed-in-as">
                        {user.email}{" "}
                        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t(`role.${user.role}`)}</span>
                      </span>
                      <SignOutButton action={signOutAction} />
                    </>
                  ) : null
                }
              />
              {user ? <Shortcuts pages={nav} /> : null}
              <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none sm:px-6 sm:py-8">
                {children}
              </main>
            </Providers>
          </PhrasebookProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
