// Makes (create) or removes (drop) the database of the two-instance browser
// tests: E2E_INSTANCES_DB on the server of TEST_POSTGRES_URL.
import pg from "pg";

const [action] = process.argv.slice(2);
const adminUrl = process.env.TEST_POSTGRES_URL;
const name = process.env.E2E_INSTANCES_DB ?? "";
if (!adminUrl || !/^console_e2e_instances_[0-9a-f]{12}$/.test(name) || !["create", "drop"].includes(action)) {
  console.error("usage: TEST_POSTGRES_URL=... E2E_INSTANCES_DB=console_e2e_instances_<12 hex> node scripts/instances-db.mjs create|drop");
  process.exit(2);
}
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  await admin.query(action === "create" ? `CREATE DATABASE ${name}` : `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} finally {
  await admin.end();
}
