import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { PUSH_FIELDS } from "./push-fields";

/** The messages push-section.tsx reads for a field: callForm.push.fields.<path>. */
function fieldMessages(messages: typeof en, path: string): Record<string, unknown> | undefined {
  let node: unknown = messages.callForm.push.fields;
  for (const key of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  return node && typeof node === "object" ? (node as Record<string, unknown>) : undefined;
}

describe.each([
  ["en", en],
  ["zh-CN", zhCN as typeof en],
])("push field messages in %s", (_locale, messages) => {
  it("give every push field a hint, and every 0/1 switch both meanings", () => {
    const missing = PUSH_FIELDS.flatMap((spec) => {
      const m = fieldMessages(messages, spec.path);
      const leaves = spec.flag ? ["hint", "off", "on"] : ["hint"];
      return leaves.filter((leaf) => typeof m?.[leaf] !== "string").map((leaf) => `${spec.path}.${leaf}`);
    });
    expect(missing).toEqual([]);
  });

  it("have no message for a field the form does not have", () => {
    const paths = new Set(PUSH_FIELDS.map((f) => f.path));
    const walk = (node: unknown, prefix: string): string[] =>
      Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
        typeof value === "string" ? (paths.has(prefix) ? [] : [`${prefix}.${key}`]) : walk(value, prefix ? `${prefix}.${key}` : key),
      );
    expect(walk(messages.callForm.push.fields, "")).toEqual([]);
  });
});
