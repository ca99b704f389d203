import Database from "better-sqlite3";
import { E2E_DATA_DIR } from "./constants";

/** Read access to the e2e server's database, for what the browser cannot see. */
export function openDb(readonly = true) {
  const db = new Database(`${E2E_DATA_DIR}/console.db`, { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

export function userId(email: string): string {
  const db = openDb();
  try {
    const row = db.prepare("select id from users where email = ?").get(email) as { id: string } | undefined;
    if (!row) throw new Error(`no user ${email}`);
    return row.id;
  } finally {
    db.close();
  }
}

/** Every row of the tables that keep what users did, as text. */
export function dumpTables(tables: string[]): string {
  const db = openDb();
  try {
    return tables.map((t) => JSON.stringify(db.prepare(`select * from ${t}`).all())).join("\n");
  } finally {
    db.close();
  }
}
