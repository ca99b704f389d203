import { describe, expect, it } from "vitest";
import { historyFiltersSchema } from "./history-filters";
import { normalizeSearch } from "./search-text";

const HEX = "5f0c1a2b3c4d5e6f708192a3b4c5d6e7";
const REQUEST_ID = `Id-${HEX}-O-Seq-42`;
const CALL_ID = "0b9f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
const ENTRY = "01JD3Q8Z6X7Y8Z9A0B1C2D3E4F";

describe("normalizeSearch", () => {
  it.each([
    // [pasted, q, kind]
    [REQUEST_ID, REQUEST_ID, "request-id"],
    [`RequestId: ${REQUEST_ID}`, REQUEST_ID, "request-id"],
    [`requestid:${REQUEST_ID}`, REQUEST_ID, "request-id"],
    [`  "${REQUEST_ID}"  `, REQUEST_ID, "request-id"],
    [`“${REQUEST_ID}”`, REQUEST_ID, "request-id"],
    [`'RequestId: ${REQUEST_ID}'`, REQUEST_ID, "request-id"],
    [REQUEST_ID.toUpperCase(), REQUEST_ID, "request-id"],
    [REQUEST_ID.toLowerCase(), REQUEST_ID, "request-id"],
    [`Id- ${HEX} -O-Seq-42`, REQUEST_ID, "request-id"],
    [`${REQUEST_ID}.`, REQUEST_ID, "request-id"],
    [`RequestId: ${REQUEST_ID}\n`, REQUEST_ID, "request-id"],
    [`http://127.0.0.1:3000/history/${REQUEST_ID}`, REQUEST_ID, "request-id"],
    [CALL_ID, CALL_ID, "call-id"],
    [`CallId: ${CALL_ID}`, CALL_ID, "call-id"],
    [`Call ID = ${CALL_ID.toUpperCase()}`, CALL_ID, "call-id"],
    [`"${CALL_ID}"`, CALL_ID, "call-id"],
    [`https://console.example.com/calls/${CALL_ID}`, CALL_ID, "call-id"],
    [`/calls/${CALL_ID}?tab=events`, CALL_ID, "call-id"],
    [`https://console.example.com/history/${ENTRY}`, ENTRY, "entry-id"],
    [`/history/${ENTRY.toLowerCase()}#events`, ENTRY, "entry-id"],
    [ENTRY, ENTRY, "entry-id"],
    ["5f0c1a", "5f0c1a", "partial-request-id"],
    [`Id-${HEX.slice(0, 10)}`, `Id-${HEX.slice(0, 10)}`, "partial-request-id"],
    // UserIDs keep their case and inner text.
    ["Alice_01", "Alice_01", "text"],
    ["  'bob'  ", "bob", "text"],
    ["UserID: Carol", "Carol", "text"],
    ["deadbeef-user", "deadbeef-user", "text"],
    ["", "", "text"],
  ])("%j -> %j (%s)", (pasted, q, kind) => {
    expect(normalizeSearch(pasted)).toEqual({ q, kind });
  });

  it("is applied by the filters' schema, so the list, its route and the export agree", () => {
    expect(historyFiltersSchema.parse({ q: `RequestId: ${REQUEST_ID.toUpperCase()}` }).q).toBe(REQUEST_ID);
    expect(historyFiltersSchema.parse({ q: ' "" ' }).q).toBeUndefined();
  });
});
