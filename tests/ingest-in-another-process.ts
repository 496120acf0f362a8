// Sends one ingest batch from a separate Node process, through the same ingestion code the app runs,
// to prove that streams in the test's process hear writes made by another app process. It loads
// lib/ingest alone (not the route and its sign-in graph), so the child starts in a few seconds.
// Usage: node --conditions=react-server --import tsx tests/ingest-in-another-process.ts <admin profile id> <events-json>
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { ingestBatch } from "@/lib/ingest/batch";

const [profileId = "", events = "[]"] = process.argv.slice(2);
const admin = await prisma.profile.findUniqueOrThrow({ where: { id: profileId } });
const actor = { profile_id: admin.id, name: admin.name, email: admin.email, access_level: admin.access_level, department_ids: [], token_id: null };
const answer = await ingestBatch(
  actor,
  { events: JSON.parse(events) as Array<Record<string, unknown>> },
  { headers: new Headers(), requestId: randomUUID() },
);
process.stdout.write(`${JSON.stringify(answer)}\n`);
await prisma.$disconnect();
process.exit(answer.rejected === 0 ? 0 : 1);
