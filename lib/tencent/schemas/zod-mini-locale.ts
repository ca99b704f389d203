/**
 * The schemas the call form also runs in the browser (user-id, offline-push,
 * start-call) are Zod Mini: the same rules and messages as classic Zod, in a
 * fraction of the JavaScript (classic Zod carries every method of every type).
 * Mini loads no locale by itself; each of those files imports this one, so the
 * messages Zod writes (an unknown key, a wrong type) read the same in the
 * browser as on the server, where classic Zod sets the same locale.
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());
