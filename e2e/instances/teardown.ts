import { execFileSync } from "node:child_process";

/** Drops the run's database (the servers are still up: WITH (FORCE) closes their connections). */
export default function teardown() {
  execFileSync("node", ["scripts/instances-db.mjs", "drop"], { stdio: "inherit" });
}
