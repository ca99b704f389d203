"use client";

import { lazy, Suspense, type ComponentProps } from "react";

/** The result, with the call panel it holds, is loaded when a start is sent, not with the page. */
export const loadResultPanel = () => import("./result-panel");

const Panel = lazy(() => loadResultPanel().then((m) => ({ default: m.ResultPanel })));

export function ResultPanel(props: ComponentProps<typeof Panel>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
