#!/usr/bin/env node
// `glow`, the Glow Admin CLI: runs cli/main.ts through tsx, with the repository's tsconfig so the
// `@/` imports resolve wherever glow is called from.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
register({ tsconfig: path.join(root, "tsconfig.json") });
await import("../cli/main.ts");
