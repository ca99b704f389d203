/** The master secret of the e2e server: fixed so the tests can derive the simulator's key. */
export const E2E_CONSOLE_SECRET = "e2e-console-secret-0123456789abcdef0123456789";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = ".e2e-data";

/** Accounts of the e2e run: the admin comes from CONSOLE_ADMIN_*, the others are made by auth.setup.ts. */
export const ACCOUNTS = {
  admin: { email: "admin@e2e.test", password: "e2e admin password 1" },
  operator: { email: "operator@e2e.test", password: "e2e operator password" },
  viewer: { email: "viewer@e2e.test", password: "e2e viewer password!" },
} as const;

export type Identity = keyof typeof ACCOUNTS;
export const storageStateOf = (identity: Identity) => `e2e/.auth/${identity}.json`;
