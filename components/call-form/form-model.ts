/**
 * Maps the call form (text inputs, a textarea of callees, selects) onto the
 * start_call_by_robot body, and the body's error paths back onto form fields.
 * The rules themselves live in the one API schema, startCallBodySchema.
 */
import type { FieldErrors as RhfFieldErrors, Resolver } from "react-hook-form";
import type { FieldErrors } from "@/lib/forms/action-result";
import { compactJson, splitUserIds } from "@/lib/tencent/text";
import type { StartCallBody } from "@/lib/tencent/schemas/start-call";
import { PUSH_FIELDS, pushKey } from "./push-fields";

export interface LanguageRow {
  Language: string;
  Title: string;
  Desc: string;
}

export interface CallFormValues {
  profileId: string;
  Robot_Account: string;
  /** One callee per line, or comma-separated. */
  CalleeList_Account: string;
  Timeout: string;
  UserData: string;
  CallInfo: { MediaType: "Audio" | "Video"; RoomIdType: "" | "1" | "2"; RoomId: string };
  /** OfflinePushInfo fields by pushKey(path), as typed. */
  push: Record<string, string>;
  languages: LanguageRow[];
}

export const DEFAULT_VALUES: CallFormValues = {
  profileId: "",
  Robot_Account: "",
  CalleeList_Account: "",
  Timeout: "30000",
  UserData: "",
  CallInfo: { MediaType: "Video", RoomIdType: "", RoomId: "" },
  push: Object.fromEntries(PUSH_FIELDS.map((f) => [pushKey(f.path), ""])),
  languages: [],
};

/** "" is left out; a whole number becomes a number; anything else stays text for the schema to name. */
function toInt(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = value;
    } else {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
  });
}

export interface FormToBodyResult {
  /** The body with empty fields left out: exactly what would be sent. */
  body: unknown;
  /** Problems found while reading the inputs (JSON that does not parse), keyed by body path. */
  errors: FieldErrors;
}

export function formToBody(values: CallFormValues): FormToBodyResult {
  const errors: FieldErrors = {};
  const push: Record<string, unknown> = {};
  for (const spec of PUSH_FIELDS) {
    const text = values.push[pushKey(spec.path)] ?? "";
    let value: unknown = text;
    if (spec.kind === "int" || spec.numeric) value = toInt(text);
    else if (spec.kind === "json" && text.trim() !== "") {
      try {
        value = JSON.parse(text);
      } catch {
        errors[`OfflinePushInfo.${spec.path}`] = ['must be valid JSON, e.g. {"key": "value"}'];
        value = text;
      }
    }
    setPath(push, spec.path.split("."), value);
  }
  push.MultiLanguageContent = values.languages;
  const body = compactJson({
    Robot_Account: values.Robot_Account.trim(),
    CalleeList_Account: splitUserIds(values.CalleeList_Account),
    Timeout: toInt(values.Timeout),
    UserData: values.UserData,
    CallInfo: {
      MediaType: values.CallInfo.MediaType,
      RoomIdType: toInt(values.CallInfo.RoomIdType),
      RoomId: values.CallInfo.RoomId.trim(),
    },
    OfflinePushInfo: push,
  });
  return { body: body ?? {}, errors };
}

/** The form field a body path belongs to. */
export function fieldForPath(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "CalleeList_Account") return "CalleeList_Account";
  if (parts[0] === "OfflinePushInfo") {
    if (parts[1] === "MultiLanguageContent" && parts.length >= 4) return `languages.${parts[2]}.${parts[3]}`;
    const rest = parts.slice(1).join(".");
    if (PUSH_FIELDS.some((f) => f.path === rest)) return `push.${pushKey(rest)}`;
    return "root";
  }
  if (path === "") return "root";
  return path;
}

/**
 * Body errors as form errors. A callee's error names the callee, since the
 * textarea holds them all.
 */
export function errorsByField(errors: FieldErrors, body: unknown): Record<string, string[]> {
  const callees = (body as Partial<StartCallBody> | null)?.CalleeList_Account ?? [];
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(errors)) {
    const field = fieldForPath(path);
    const parts = path.split(".");
    const prefix =
      parts[0] === "CalleeList_Account" && parts[1] !== undefined
        ? `callee "${callees[Number(parts[1])] ?? parts[1]}" `
        : field === "root" && path !== ""
          ? `${path} `
          : "";
    (out[field] ??= []).push(...messages.map((m) => `${prefix}${m}`));
  }
  return out;
}

/** react-hook-form's error tree from flat field errors. */
export function toRhfErrors(byField: Record<string, string[]>): RhfFieldErrors<CallFormValues> {
  const tree: Record<string, unknown> = {};
  for (const [field, messages] of Object.entries(byField)) {
    setPath(tree, field.split("."), { type: "validate", message: messages.join(" · ") });
  }
  return tree as RhfFieldErrors<CallFormValues>;
}

/** The form's rules (Zod and the API's schema): loaded on the first check, not with the page. */
export const loadRules = () => import("./form-rules");

export const callFormResolver: Resolver<CallFormValues> = async (values) => {
  const { validateForm } = await loadRules();
  const { byField } = validateForm(values);
  if (Object.keys(byField).length === 0) return { values, errors: {} };
  return { values: {}, errors: toRhfErrors(byField) };
};

/** A recorded body back into form values (for replay). Unknown fields are dropped; the schema checks again on send. */
export function bodyToFormValues(body: unknown, profileId: string): Partial<CallFormValues> {
  const b = (typeof body === "object" && body !== null ? body : {}) as Partial<StartCallBody>;
  const push: Record<string, string> = { ...DEFAULT_VALUES.push };
  const get = (path: string): unknown =>
    path
      .split(".")
      .reduce<unknown>(
        (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
        b.OfflinePushInfo,
      );
  for (const spec of PUSH_FIELDS) {
    const value = get(spec.path);
    if (value !== undefined) push[pushKey(spec.path)] = typeof value === "object" ? JSON.stringify(value) : String(value);
  }
  return {
    profileId,
    Robot_Account: b.Robot_Account ?? "",
    CalleeList_Account: (b.CalleeList_Account ?? []).join("\n"),
    Timeout: b.Timeout !== undefined ? String(b.Timeout) : DEFAULT_VALUES.Timeout,
    UserData: b.UserData ?? "",
    CallInfo: {
      MediaType: b.CallInfo?.MediaType ?? "Video",
      RoomIdType: b.CallInfo?.RoomIdType ? (String(b.CallInfo.RoomIdType) as "1" | "2") : "",
      RoomId: b.CallInfo?.RoomId ?? "",
    },
    push,
    languages: (b.OfflinePushInfo?.MultiLanguageContent ?? []).map((l) => ({
      Language: l.Language ?? "",
      Title: l.Title ?? "",
      Desc: l.Desc ?? "",
    })),
  };
}
