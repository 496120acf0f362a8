import { defineConfig } from "prisma/config";

// The CLI only generates the client here; migrations run through scripts/db (WebAssembly engine),
// and the runtime connects through @prisma/adapter-pg with DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
