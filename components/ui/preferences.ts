"use client";

import { useSyncExternalStore } from "react";

/**
 * Per-browser preferences, kept in localStorage: the theme (light, dark or
 * the system's) and whether times show in the browser's zone or in UTC.
 * The theme is applied before the first paint by THEME_SCRIPT (app/layout.tsx).
 */
export type ThemeChoice = "light" | "dark" | "system";
export type TimeChoice = "local" | "utc";

export const THEME_KEY = "console-theme";
export const TIME_KEY = "console-time";
const EVENT = "console-preferences";

/** Runs inline in <head> (with the CSP nonce) so the first paint has the right theme. */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("${THEME_KEY}");var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light"}catch(_){}})()`;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(EVENT, onChange);
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(EVENT, onChange);
    media.removeEventListener("change", onChange);
  };
}

function write(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // A browser that keeps nothing still switches for this page.
  }
  window.dispatchEvent(new Event(EVENT));
}

const themeOf = (value: string | null): ThemeChoice => (value === "light" || value === "dark" ? value : "system");

/** Puts the chosen (or the system's) theme on <html>. */
export function applyTheme(choice: ThemeChoice = themeOf(read(THEME_KEY))) {
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}

export function setTheme(choice: ThemeChoice) {
  applyTheme(choice);
  write(THEME_KEY, choice);
}

/** While the choice is "system", a change of the system's theme applies at once. */
export function followSystemTheme(): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const onChange = () => applyTheme();
  media.addEventListener("change", onChange);
  window.addEventListener("storage", onChange);
  return () => {
    media.removeEventListener("change", onChange);
    window.removeEventListener("storage", onChange);
  };
}

function subscribeThemeClass(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

export function setTimeChoice(choice: TimeChoice) {
  write(TIME_KEY, choice);
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(
    subscribe,
    () => themeOf(read(THEME_KEY)),
    () => "system",
  );
}

/** The theme in effect: the choice, or the system's when the choice is "system". */
export function useResolvedTheme(): "light" | "dark" {
  return useSyncExternalStore(
    subscribeThemeClass,
    () => (document.documentElement.classList.contains("dark") ? "dark" : "light"),
    () => "light",
  );
}

export function useTimeChoice(): TimeChoice {
  return useSyncExternalStore(
    subscribe,
    () => (read(TIME_KEY) === "utc" ? "utc" : "local"),
    () => "utc",
  );
}

const TICK_MS = 30_000;
function subscribeNow(onChange: () => void) {
  const timer = window.setInterval(onChange, TICK_MS);
  return () => window.clearInterval(timer);
}

/** The current time, to the last 30-second tick (null on the server). */
export function useNow(): number | null {
  const tick = useSyncExternalStore(
    subscribeNow,
    () => Math.floor(Date.now() / TICK_MS),
    () => null,
  );
  return tick === null ? null : tick * TICK_MS;
}
