import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Call Engine Console", template: "%s · Call Engine Console" },
  description: "Start, trace and troubleshoot Tencent Cloud Call Engine requests.",
};

const NAV = [
  { href: "/calls/new", label: "New call" },
  { href: "/history", label: "History" },
];

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-7xl items-center gap-8 px-6 py-3">
              <Link href="/" className="text-sm font-semibold tracking-tight text-slate-900">
                Call Engine Console
              </Link>
              <nav aria-label="Main" className="flex gap-1 text-sm">
                {NAV.map((item) => (
                  <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
                    {item.label}
                  </Link>
                ))}
              </nav>
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
