import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** The architecture in docs/architecture.md, enforced: arrows point one way. */
const zones = [
  // lib/tencent is plain TypeScript: no app, no database, no React, no other lib room.
  {
    target: "./lib/tencent",
    from: [
      "./app",
      "./components",
      "./lib/db",
      "./lib/calls",
      "./lib/auth",
      "./lib/simulator",
      "./lib/secrets",
      "./lib/env.ts",
      "./lib/actions",
      "./lib/errors.ts",
    ],
  },
  {
    target: "./lib/simulator",
    from: [
      "./app",
      "./components",
      "./lib/db",
      "./lib/calls",
      "./lib/auth",
      "./lib/secrets",
      "./lib/env.ts",
      "./lib/actions",
      "./lib/errors.ts",
    ],
  },
  { target: "./lib/db", from: ["./app", "./components", "./lib/calls", "./lib/auth", "./lib/actions", "./lib/errors.ts"] },
  { target: "./lib/calls", from: ["./app", "./components", "./lib/actions"] },
  { target: "./lib/secrets", from: ["./app", "./components", "./lib/db", "./lib/calls", "./lib/actions", "./lib/errors.ts"] },
  // lib/forms is client-safe: shared by server and browser, so it imports no server room.
  {
    target: "./lib/forms",
    from: [
      "./app",
      "./components",
      "./lib/db",
      "./lib/calls",
      "./lib/auth",
      "./lib/secrets",
      "./lib/simulator",
      "./lib/env.ts",
      "./lib/actions",
      "./lib/errors.ts",
    ],
  },
  { target: "./lib/auth", from: ["./app", "./components", "./lib/calls", "./lib/actions"] },
  { target: "./lib/env.ts", from: ["./app", "./components", "./lib/db", "./lib/calls", "./lib/auth", "./lib/actions", "./lib/errors.ts"] },
  // Components run in the browser too: schemas and catalogs only, never the server's rooms.
  {
    target: "./components",
    from: [
      "./app",
      "./lib/db",
      "./lib/calls",
      "./lib/auth",
      "./lib/secrets",
      "./lib/simulator",
      "./lib/env.ts",
      "./lib/actions",
      "./lib/errors.ts",
      // Every language's messages and the request config stay on the server: the browser gets its own language's.
      "./lib/i18n/messages.ts",
      "./lib/i18n/request.ts",
      "./lib/i18n/server.ts",
    ],
  },
  // Languages: the catalog's English comes from lib/tencent; nothing else of the project.
  {
    target: "./lib/i18n",
    from: [
      "./app",
      "./components",
      "./lib/db",
      "./lib/calls",
      "./lib/auth",
      "./lib/secrets",
      "./lib/simulator",
      "./lib/actions",
      "./lib/env.ts",
    ],
  },
  // The action wrapper sits above the use cases: only app/ uses it.
  // (lib/errors.ts imports only lib/forms' types.)
  { target: "./lib/errors.ts", from: ["./app", "./components", "./lib/db", "./lib/calls", "./lib/auth", "./lib/actions", "./lib/env.ts"] },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "import/no-restricted-paths": ["error", { zones }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its errors, and a switch over a union must name every member.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
    },
  },
  {
    // lib/forms runs in the browser as well: no server-only module, directly or through a package.
    files: ["lib/forms/**"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "server-only", message: "lib/forms is client-safe." }] }] },
  },
  {
    // A route uses its own files and lib/ or components/, never another route's (shared code moves down into lib/).
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "../*"], message: "A route imports no other route's files: move what they share into lib/." }] },
      ],
    },
  },
  {
    // Playwright fixtures call a parameter named `use`; it is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
