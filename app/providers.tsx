"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { followSystemTheme, useResolvedTheme } from "@/components/ui/preferences";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true, retry: 1 } },
      }),
  );
  const theme = useResolvedTheme();
  useEffect(followSystemTheme, []);
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* Bottom right: never over the header's account menu. Plain colours: rich colours miss the contrast ratio. */}
      <Toaster theme={theme} closeButton position="bottom-right" />
    </QueryClientProvider>
  );
}
