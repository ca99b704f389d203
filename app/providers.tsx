"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { followSystemTheme, useResolvedTheme } from "@/components/ui/preferences";
import { loadSonner, useToasterWanted } from "@/components/ui/toast";

const Toaster = lazy(() => loadSonner().then((m) => ({ default: m.Toaster })));

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true, retry: 1 } },
      }),
  );
  const theme = useResolvedTheme();
  const toasts = useToasterWanted();
  useEffect(followSystemTheme, []);
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* Bottom right: never over the header's account menu. Plain colours: rich colours miss the contrast ratio.
          Mounted with the first toast (components/ui/toast.ts). */}
      {toasts ? (
        <Suspense fallback={null}>
          <Toaster theme={theme} closeButton position="bottom-right" />
        </Suspense>
      ) : null}
    </QueryClientProvider>
  );
}
