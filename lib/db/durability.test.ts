import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { DIALECTS } from "@/lib/testing/databases";
import { openDb } from "./connection";
import { commitWithoutFlush } from "./durability";

describe("SQLite's synchronous setting (SQLITE_SYNCHRONOUS)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "console-durability-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const synchronous = async (options: Parameters<typeof openDb>[1]) => {
    const { db } = openDb(`file:${path.join(dir, "a.db")}`, options);
    const { rows } = await sql<{ synchronous: number; journal_mode?: string }>`pragma synchronous`.execute(db);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    await db.destroy();
    return [mode.rows[0]?.journal_mode, rows[0]?.synchronous];
  };

  it("is WAL with NORMAL by default (safe from a crash of the console) and FULL when asked", async () => {
    expect(await synchronous({})).toEqual(["wal", 1]);
    expect(await synchronous({ sqliteSynchronous: "full" })).toEqual(["wal", 2]);
    expect(parseEnv({}).SQLITE_SYNCHRONOUS).toBe("normal");
    expect(parseEnv({ SQLITE_SYNCHRONOUS: "FULL" }).SQLITE_SYNCHRONOUS).toBe("full");
    expect(() => parseEnv({ SQLITE_SYNCHRONOUS: "off" })).toThrow(/SQLITE_SYNCHRONOUS: must be normal or full/);
  });
});

describe("commitWithoutFlush on PostgreSQL", () => {
  it("relaxes only the transaction it is called in: the pending row's commit still waits for the disk", async () => {
    const postgres = DIALECTS.find((d) => d.name === "postgres")!;
    const t = await postgres.open();
    try {
      const setting = async (db: Parameters<typeof commitWithoutFlush>[0]) =>
        (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db)).rows[0]?.synchronous_commit;
      const inside = await t.db.transaction().execute(async (trx) => {
        await commitWithoutFlush(trx);
        return setting(trx);
      });
      const next = await t.db.transaction().execute((trx) => setting(trx));
      expect([inside, next]).toEqual(["off", "on"]);
    } finally {
      await t.close();
    }
  });
});
