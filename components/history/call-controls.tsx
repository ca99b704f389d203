/** Moved: a call's controls are components/calls/call-panel.tsx, keyed by CallId and driven by the call's one state. */
export { CallPanel, type CallActions } from "@/components/calls/call-panel";
