// The seed's public surface: the CLI (scripts/db/seed-cli.ts), `npm start` and the tests use these.
export { buildDemo, defaultSeed, insertDemoRows, seedDemo, seedIfEmpty, type SeedDemoOptions, type SeedReport } from "./demo.ts";
export { seedScale, type ScaleOptions, type ScaleReport } from "./scale.ts";
export { appTables, countRows, DatabaseNotEmptyError, formatCounts, nonEmptyTables, truncateAppTables } from "./tables.ts";
export { dayAnchor } from "./rows.ts";
