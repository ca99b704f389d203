/**
 * Recounts the overview's hourly rollups from history: `npm run rollups:rebuild`.
 * Uses DATABASE_URL like the console (default file:./data/console.db). Safe
 * while the console runs: on PostgreSQL the rollup table is locked for the
 * rebuild, on SQLite writes are serialized.
 */
import { openMigratedDb } from "../lib/db/connection";
import { rebuildRollups } from "../lib/db/rollups";

const url = process.env.DATABASE_URL?.trim() || "file:./data/console.db";
const started = performance.now();
const { db, dialect } = await openMigratedDb(url);
try {
  const { rows } = await rebuildRollups(db, dialect);
  console.log(`rollups rebuilt from history: ${rows} rows (${dialect}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await db.destroy();
}
