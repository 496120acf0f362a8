import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The layering of the house style, enforced rather than remembered. A module is server-only when it
// says so (`import "server-only"`), so the list below is read from the code and cannot fall behind
// it; lib/db, lib/storage and the generated Prisma client are server code that scripts also run.
const root = import.meta.dirname;
const serverOnlyFiles = readdirSync(path.join(root, "lib"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith("generated"))
  .filter((file) => /^import "server-only";$/m.test(readFileSync(path.join(root, "lib", file), "utf8")))
  .map((file) => `./lib/${file}`);
const serverOnly = [...serverOnlyFiles, "./lib/db", "./lib/storage", "./lib/generated"];

/** Files that must not reach server-only code, by any spelling of the import (alias or relative). */
const serverOnlyBoundary = (target, message) => ({
  "import/no-restricted-paths": ["error", { basePath: root, zones: [{ target, from: serverOnly, message }] }],
});

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
    rules: serverOnlyBoundary("./components", "Components never read the database: take data as props or fetch through the API."),
  },
  {
    files: ["lib/**/schemas.ts", "lib/**/schemas/*.ts", "cli/**/*.ts"],
    // The CLI's database tests host the real route handlers in-process, so they may reach server code.
    ignores: ["cli/**/*.db.test.ts"],
    rules: {
      ...serverOnlyBoundary(
        ["./lib/**/schemas.ts", "./lib/**/schemas/*.ts", "./cli"],
        "Schemas are shared with the browser and the CLI: import nothing server-only.",
      ),
      "no-restricted-imports": ["error", { paths: [{ name: "server-only", message: "Schemas are shared with the browser and the CLI." }] }],
    },
  },
];

export default config;
