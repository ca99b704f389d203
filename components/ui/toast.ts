"use client";

import { useSyncExternalStore } from "react";

/**
 * Toasts through sonner, loaded with the first toast rather than with every
 * page (it is 9 kB of the JavaScript each page would ship). Same calls as
 * sonner's: `toast.success(message, options)`. `useToasterWanted` tells
 * app/providers.tsx when to mount sonner's Toaster, which then shows the toasts
 * made before it was mounted.
 */
type Sonner = typeof import("sonner");
type Kind = "success" | "error" | "info";
type Message = Parameters<Sonner["toast"]["success"]>[0];
type Options = Parameters<Sonner["toast"]["success"]>[1];

let sonner: Promise<Sonner> | undefined;
let wanted = false;
const listeners = new Set<() => void>();

export const loadSonner = () => (sonner ??= import("sonner"));

function show(kind: Kind) {
  return (message: Message, options?: Options): void => {
    if (!wanted) {
      wanted = true;
      listeners.forEach((listener) => listener());
    }
    void loadSonner().then(({ toast }) => toast[kind](message, options));
  };
}

export const toast = { success: show("success"), error: show("error"), info: show("info") };

export function useToasterWanted(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => wanted,
    () => false,
  );
}
