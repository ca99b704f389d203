/**
 * Every word a page shows comes from the messages: a component that renders
 * English (or any) text written in its source fails here, naming the file,
 * the line and the text. The API's own names (Robot_Account, ErrorCode, a
 * command path) stay as they are in every language and may be written.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { untranslatedWords } from "./api-names";

const ROOT = join(__dirname, "..", "..");

/** Attributes whose string value a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  "title",
  "placeholder",
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "alt",
  "label",
  "description",
  "hint",
  "failure",
  "success",
  "confirmLabel",
  "cancelLabel",
  "heading",
  "emptyText",
]);

/** True when text has a word someone reads that is not a name. */
function needsMessage(text: string): boolean {
  // Chinese (or any script) written in a component is as wrong as English: it belongs in the messages.
  return untranslatedWords(text).length > 0 || /[^\p{Script=Latin}\p{P}\p{S}\p{N}\s]/u.test(text);
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith(".tsx") && !path.endsWith(".test.tsx") ? [path] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function literalsIn(path: string): Finding[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const file = relative(ROOT, path);
  const found: Finding[] = [];
  const add = (node: ts.Node, text: string) => {
    if (needsMessage(text)) found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer && READ_ATTRIBUTES.has(node.name.getText(source))) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) add(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)) add(init, init.expression.text);
    } else if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && ts.isJsxElement(node.parent)) {
      add(node, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Files whose text is not in the messages yet. The list only shrinks: a file
 * that became clean must leave it (the second test says which).
 */
const PENDING = new Set<string>([]);

const findings = [...tsxFiles(join(ROOT, "app")), ...tsxFiles(join(ROOT, "components"))].flatMap(literalsIn);

describe("text in components", () => {
  it("comes from the messages (outside the files still pending)", () => {
    const offending = findings.filter((f) => !PENDING.has(f.file)).map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`);
    expect(offending).toEqual([]);
  });

  it("the pending list names only files that still have literal text", () => {
    const withText = new Set(findings.map((f) => f.file));
    expect([...PENDING].filter((file) => !withText.has(file))).toEqual([]);
  });

  it("the check finds literal text (it is not blind)", () => {
    expect(needsMessage("Start call")).toBe(true);
    expect(needsMessage("开始呼叫")).toBe(true);
    expect(needsMessage("Robot_Account")).toBe(false);
    expect(needsMessage("ErrorCode: 70107")).toBe(false);
    expect(needsMessage("v4/call_engine_http_srv/start_call_by_robot")).toBe(false);
  });
});
