import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** An admin URL of a PostgreSQL server the repository tests make throwaway databases in. */
    postgresUrl: string;
  }
}

/**
 * The repository tests run on SQLite and PostgreSQL alike. PostgreSQL comes
 * from TEST_POSTGRES_URL, or is started on this machine by scripts/postgres-up.sh.
 * If neither works the run fails: the PostgreSQL half is never skipped silently.
 */
export default function setup(project: TestProject) {
  let url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    const script = fileURLToPath(new URL("../../scripts/postgres-up.sh", import.meta.url));
    try {
      url = execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
    } catch (error) {
      throw new Error(
        `PostgreSQL is needed by the repository tests: set TEST_POSTGRES_URL or let scripts/postgres-up.sh start it (${String(error)})`,
      );
    }
  }
  project.provide("postgresUrl", url);
}
