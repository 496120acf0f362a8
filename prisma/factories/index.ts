// Data factories for the demo seed, integration tests and e2e tests. Every create* takes a
// PrismaClient (or a transaction) and makes rows with fresh unique ids and emails, so tests can add
// their own data to a database that already holds the demo set.
export * from "./cost.ts";
export * from "./ids.ts";
export * from "./models.ts";
export * from "./people.ts";
export * from "./problems.ts";
export * from "./sessions.ts";
export * from "./uploads.ts";
