import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The layering of the house style, enforced rather than remembered.
const serverOnlyModules = [
  "@/lib/db",
  "@/lib/db/*",
  "@/lib/*/queries",
  "@/lib/*/mutations",
  "@/lib/*/queries/*",
  "@/lib/*/mutations/*",
  "@/lib/storage/*",
  "@/lib/api/*",
  // The API's schema building blocks, keyset cursors and error contract import only zod: shared
  // with browser and CLI.
  "!@/lib/api/common-schemas",
  "!@/lib/api/cursor",
  "!@/lib/api/errors",
];

const config = [
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: serverOnlyModules, message: "Components never read the database: take data as props or fetch through the API." }] }],
    },
  },
  {
    files: ["lib/**/schemas.ts", "lib/**/schemas/*.ts", "cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: [...serverOnlyModules, "server-only", "@/lib/generated/*"], message: "Schemas are shared with the browser and the CLI: import nothing server-only." }] }],
    },
  },
];

export default config;
