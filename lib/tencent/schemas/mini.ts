/**
 * Zod Mini for the schemas the call form also runs in the browser (user-id,
 * offline-push, start-call): the same rules and messages as classic Zod, in a
 * fraction of the JavaScript (classic Zod carries every method of every type).
 * Import it as a namespace (`import * as z from "./mini"`) so the bundler keeps
 * only what is used. Mini loads no locale by itself; English is set here so the
 * messages Zod writes (an unknown key, a wrong type) read the same in the
 * browser as on the server, where classic Zod sets the same locale.
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());

export * from "zod/mini";
