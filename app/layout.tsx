import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentUser } from "@/lib/auth/session";
import { PAGE_ACCESS, can, type Capability } from "@/lib/auth/access";
import { signOutAction } from "./login/actions";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Call Engine Console", template: "%s · Call Engine Console" },
  description: "Start, trace and troubleshoot Tencent Cloud Call Engine requests.",
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
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-7xl items-center gap-8 px-6 py-3">
              <Link href="/" className="text-sm font-semibold tracking-tight text-slate-900">
                Call Engine Console
              </Link>
              {user ? (
                <>
                  <nav aria-label="Main" className="flex gap-1 text-sm">
                    {NAV.filter((item) => mayOpen(user.role, item.href) && (!item.needs || can(user.role, item.needs))).map((item) => (
                      <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
                        {item.label}
                      </Link>
                    ))}
                  </nav>
                  <div className="ml-auto flex items-center gap-3 text-sm">
                    <span className="text-slate-600" data-testid="signed-in-as">
                      {user.email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{user.role}</span>
                    </span>
                    <SignOutButton action={signOutAction} />
                  </div>
                </>
              ) : null}
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
