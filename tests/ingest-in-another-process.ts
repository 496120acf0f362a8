// Sends one ingest batch from a separate Node process, through the same route handler the app
// serves, to prove that streams in the test's process hear writes made by another app process.
// Usage: node --conditions=react-server --import tsx tests/ingest-in-another-process.ts <token> <events-json>
import { POST as batchPost } from "@/app/ingest/batch/route";

const [token, events] = process.argv.slice(2);
const response = await batchPost(
  new Request("http://glow.test/ingest/batch", {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ events: JSON.parse(events ?? "[]") as unknown }),
  }),
);
process.stdout.write(`${response.status} ${await response.text()}\n`);
process.exit(response.ok ? 0 : 1);
