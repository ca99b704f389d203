import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentUser } from "@/lib/auth/session";
import { roleAtLeast, type Role } from "@/lib/forms/roles";
import { signOutAction } from "./login/actions";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Call Engine Console", template: "%s · Call Engine Console" },
  description: "Start, trace and troubleshoot Tencent Cloud Call Engine requests.",
};

const NAV: { href: string; label: string; role: Role }[] = [
  { href: "/", label: "Overview", role: "viewer" },
  { href: "/calls/new", label: "New call", role: "operator" },
  { href: "/history", label: "History", role: "viewer" },
  { href: "/calls/records", label: "Records", role: "viewer" },
  { href: "/tools/usersig", label: "UserSig", role: "viewer" },
  { href: "/admin/profiles", label: "Profiles", role: "admin" },
  { href: "/admin/users", label: "Users", role: "admin" },
  { href: "/admin/audit", label: "Audit log", role: "admin" },
];

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
                    {NAV.filter((item) => roleAtLeast(user.role, item.role)).map((item) => (
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
