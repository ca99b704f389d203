import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openMigratedDb, type DbHandle } from "@/lib/db/connection";

export interface TestDatabase extends DbHandle {
  close(): Promise<void>;
}

/** A fresh, migrated database of each dialect, for tests that must hold on both. */
export const DIALECTS = [
  {
    name: "sqlite",
    async open(): Promise<TestDatabase> {
      const handle = await openMigratedDb("file::memory:");
      return { ...handle, close: () => handle.db.destroy() };
    },
  },
  {
    name: "postgres",
    async open(): Promise<TestDatabase> {
      const adminUrl = inject("postgresUrl");
      const name = `console_test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const handle = await openMigratedDb(url.toString());
      return {
        ...handle,
        async close() {
          await handle.db.destroy();
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
          await cleanup.end();
        },
      };
    },
  },
] as const;
