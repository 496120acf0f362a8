// Live updates: with a session's page open, a run ingested through POST /ingest/batch appears without
// a reload, the session's end clears its Active badge, a new session appears in the history, and a
// group with a run in flight shows the sender's generation progress until it completes.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { generateApiToken } from "@/lib/auth/api-token";
import type { IngestBatchResponse } from "@/lib/ingest/schemas";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models.ts";
import { expect as baseExpect, test } from "./fixtures";
import { api } from "./support/api";
import { e2eDb } from "./support/database";
import { lookAtEveryTheme } from "./support/looks";
import { settle, trackRequests } from "./support/settle";
import { createUser, signInThroughApi, type E2eUser } from "./support/users";

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 90_000 });

interface World {
  admin: E2eUser;
  ingestToken: string;
  ta: E2eUser;
  modelId: string;
  agentId: string;
  agentName: string;
}

async function world(): Promise<World> {
  const db = await e2eDb();
  const admin = await createUser("admin");
  const ta = await createUser("ta");
  const token = generateApiToken();
  await db.apiToken.create({
    data: {
      profile_id: admin.profile_id,
      name: "e2e ingest",
      token_hash: token.token_hash,
      token_prefix: token.token_prefix,
      scopes: ["read", "ingest"],
    },
  });
  const price = { effective_from: new Date("2020-01-01T00:00:00Z"), input_per_million: "2", cached_input_per_million: "1", output_per_million: "8" };
  const { model } = await createModelWithPrices(db, {}, [price]);
  const agent = await createAgent(db);
  return { admin, ingestToken: token.token, ta, modelId: model.id, agentId: agent.id, agentName: agent.name };
}

async function ingest(page: Page, w: World, events: unknown[]): Promise<void> {
  const answer = await api<IngestBatchResponse>(page.request, w.ingestToken, "/ingest/batch", { events });
  expect(answer.rejected, JSON.stringify(answer.results)).toBe(0);
}

const now = () => new Date().toISOString();
const event = <T extends object>(fields: T) => ({ event_id: randomUUID(), ...fields });

function runEvent(w: World, ids: { run: string; group: string }, status: "running" | "succeeded", createdAt: string) {
  return event({
    type: "run",
    run_id: ids.run,
    group_id: ids.group,
    model_id: w.modelId,
    agent_id: w.agentId,
    status,
    input_tokens: 1200,
    output_tokens: 300,
    created_at: createdAt,
    ...(status === "succeeded" ? { finished_at: now() } : {}),
  });
}

async function openLive(page: Page, path: string): Promise<void> {
  trackRequests(page);
  await page.goto(path);
  await settle(page);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

test("a session's page shows runs as they are ingested, and its end, without a reload", async ({ page }, testInfo) => {
  const w = await world();
  await signInThroughApi(page.request, w.admin);
  const ids = { session: randomUUID(), group: randomUUID(), run: randomUUID() };
  const title = `Live office hours ${ids.session.slice(0, 6)}`;
  await ingest(page, w, [
    event({ type: "session", session_id: ids.session, profile_id: w.ta.profile_id, title, started_at: now() }),
    event({ type: "group", group_id: ids.group, session_id: ids.session, name: "Live reply", created_at: now() }),
  ]);
  await openLive(page, `/sessions/${ids.session}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");
  const groupRows = page.getByRole("table", { name: "Generation groups of this session" }).locator("tbody tr");
  await expect(groupRows).toHaveCount(1);
  await expect(groupRows.first()).toContainText("Live reply");
  await expect(groupRows.first()).toContainText("No runs");
  const timeline = page.getByRole("list", { name: "Session timeline" });
  await expect(timeline).not.toContainText(w.agentName);
  // A mark on this document: it survives an in-place refresh and is lost by any reload.
  const stillThisDocument = () => page.evaluate(() => "glowLiveMark" in window);
  await page.evaluate(() => Object.assign(window, { glowLiveMark: true }));

  const createdAt = now();
  await ingest(page, w, [runEvent(w, ids, "succeeded", createdAt)]);
  // The run reaches the groups table and the timeline (by its agent) with no reload.
  await expect(groupRows.first()).not.toContainText("No runs");
  await expect(timeline).toContainText(w.agentName);
  expect(await stillThisDocument()).toBe(true);
  await lookAtEveryTheme(page, testInfo, "live-session");
  await page.evaluate(() => Object.assign(window, { glowLiveMark: true }));

  await ingest(page, w, [event({ type: "session", session_id: ids.session, profile_id: w.ta.profile_id, started_at: createdAt, ended_at: now() })]);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed");
  // The page refreshed its data in place, and the ended session stops listening.
  expect(await stillThisDocument()).toBe(true);
  await expect(page.locator("[data-live-status]")).toHaveCount(0);
});

test("the session history shows a new session as it starts", async ({ page }) => {
  const w = await world();
  await signInThroughApi(page.request, w.admin);
  await openLive(page, "/sessions");
  const title = `Just started ${randomUUID().slice(0, 6)}`;
  await ingest(page, w, [event({ type: "session", session_id: randomUUID(), profile_id: w.ta.profile_id, title, started_at: now() })]);
  await expect(page.getByRole("table").first()).toContainText(w.ta.name);
});

test("a group with a run in flight shows its generation progress until it completes", async ({ page }) => {
  const w = await world();
  await signInThroughApi(page.request, w.admin);
  const ids = { session: randomUUID(), group: randomUUID(), run: randomUUID() };
  const createdAt = now();
  await ingest(page, w, [
    event({ type: "session", session_id: ids.session, profile_id: w.ta.profile_id, title: "Generating", started_at: createdAt }),
    event({ type: "group", group_id: ids.group, session_id: ids.session, name: "Feedback", created_at: createdAt }),
    runEvent(w, ids, "running", createdAt),
  ]);
  await openLive(page, `/groups/${ids.group}`);
  const progress = page.getByRole("region", { name: "Generation in progress" });
  await expect(progress).toBeVisible();
  await ingest(page, w, [
    event({ type: "generation", run_id: ids.run, kind: "progress", completed_resources: 2, total_resources: 5, occurred_at: now() }),
  ]);
  await expect(progress.getByRole("progressbar")).toHaveAttribute("value", "40");
  await expect(progress).toContainText("40% (2 of 5)");

  await ingest(page, w, [runEvent(w, ids, "succeeded", createdAt)]);
  await expect(progress).toHaveCount(0);
});
