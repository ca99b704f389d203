import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { THEME_SCRIPT } from "@/components/ui/preferences";
import { Shortcuts } from "@/components/ui/shortcuts";
import { SiteHeader } from "@/components/ui/site-header";
import { currentUser } from "@/lib/auth/session";
import { PAGE_ACCESS, can, type Capability } from "@/lib/auth/access";
import { signOutAction } from "./login/actions";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Call Engine Console", template: "%s · Call Engine Console" },
  description: "Start, trace and troubleshoot Tencent Cloud Call Engine requests.",
  manifest: "/manifest.webmanifest",
  icons: { apple: "/apple-touch-icon.png" },
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172a" },
  ],
};

const NAV: { href: keyof typeof PAGE_ACCESS; label: string; needs?: Capability }[] = [
  { href: "/", label: "Overview" },
  // Viewers may open the form (from a template) but not start: the header offers it to those who can.
  { href: "/calls/new", label: "New call", needs: "call.start" },
  { href: "/calls", label: "Calls" },
  { href: "/calls/templates", label: "Templates" },
  { href: "/history", label: "History" },
  { href: "/calls/records", label: "Records" },
  { href: "/tools/usersig", label: "UserSig" },
  { href: "/admin/profiles", label: "Profiles" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
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
  const nav = user ? NAV.filter((item) => mayOpen(user.role, item.href) && (!item.needs || can(user.role, item.needs))) : [];
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-600 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader
            nav={nav}
            account={
              user ? (
                <>
                  <span className="text-slate-600" data-testid="signed-in-as">
                    {user.email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{user.role}</span>
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
      </body>
    </html>
  );
}
