// Stands in for the "server-only" guard under Vitest, which runs on the server anyway.
export {};
