/** The master secret of the e2e server: fixed so the tests can derive the simulator's key. */
export const E2E_CONSOLE_SECRET = "e2e-console-secret-0123456789abcdef0123456789";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
