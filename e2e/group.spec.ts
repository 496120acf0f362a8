// The Group page: the run tree matches POST /system/group, media really play in Chromium, images load
// and open in a keyboard-operable lightbox, texts appear inline, and long groups page through messages.
import type { Locator, Page } from "@playwright/test";
import { finishReasonLabels } from "@/lib/format/labels";
import type { GetGroupResponse } from "@/lib/groups/schemas";
import { expect, test } from "./fixtures";
import { api } from "./support/api";
import { e2eDb } from "./support/database";
import { createUser, signInThroughApi } from "./support/users";
import { lookAtEveryTheme } from "./support/looks";

const pageSize = 50;

// Media playback and paging wait on real network and decoding; give a loaded machine some room.
test.describe.configure({ timeout: 60_000 });

interface MessageSpot {
  group_id: string;
  run_id: string;
  message_id: string;
  /** The message's index in the group's whole message sequence. */
  idx: number;
}

/**
 * A demo message found by what it holds, with where it sits in its group's sequence (the API's
 * order: run.created_at, run.id, position), so the test can open the page whose window holds it.
 */
async function findMessage(kinds: readonly string[]): Promise<MessageSpot> {
  const db = await e2eDb();
  const rows = await db.$queryRaw<Array<MessageSpot & { idx: bigint }>>`
    WITH seq AS (
      SELECT m.id AS message_id, r.id AS run_id, r.group_id,
             row_number() OVER (PARTITION BY r.group_id ORDER BY r.created_at, r.id, m.position) - 1 AS idx
      FROM messages m JOIN runs r ON r.id = m.run_id
    )
    SELECT s.group_id::text, s.run_id::text, s.message_id::text, s.idx
    FROM seq s
    JOIN message_uploads mu ON mu.message_id = s.message_id
    JOIN uploads u ON u.id = mu.upload_id
    WHERE u.kind::text = ANY(${kinds as string[]}) AND u.mime_type IN ('audio/ogg', 'audio/wav', 'video/webm', 'image/png')
    GROUP BY s.group_id, s.run_id, s.message_id, s.idx
    HAVING count(DISTINCT u.kind) = ${kinds.length}
    ORDER BY s.idx, s.group_id
    LIMIT 1`;
  const row = rows[0];
  if (!row) throw new Error(`the demo data has no message with ${kinds.join(" + ")} uploads`);
  return { ...row, idx: Number(row.idx) };
}

function groupDetail(request: Parameters<typeof api>[0], token: string, groupId: string, offset = 0, limit = pageSize) {
  return api<GetGroupResponse>(request, token, "/system/group", {
    group_id: groupId,
    include_detail: true,
    message_limit: limit,
    message_offset: offset,
  });
}

/** The page whose window holds the message, with the message's run opened. */
function pageUrl(spot: MessageSpot): string {
  const offset = Math.floor(spot.idx / pageSize) * pageSize;
  return `/groups/${spot.group_id}?${offset ? `offset=${offset}&` : ""}run=${spot.run_id}`;
}

async function playsThrough(media: Locator): Promise<void> {
  await media.scrollIntoViewIfNeeded();
  // Muted, because Chromium's autoplay policy lets a script start only muted media without a gesture.
  await media.evaluate(async (element: HTMLMediaElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(() => media.evaluate((element: HTMLMediaElement) => element.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => media.evaluate((element: HTMLMediaElement) => element.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.1);
  expect(await media.evaluate((element: HTMLMediaElement) => element.error)).toBeNull();
}

/** Waits until React has hydrated the run tree, so clicks on its buttons are handled. */
async function treeHydrated(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const button = document.querySelector("li[data-run-id] button[aria-expanded]");
      return !!button && Object.keys(button).some((key) => key.startsWith("__reactProps"));
    },
    undefined,
    { timeout: 20_000 },
  );
}

function runRow(page: Page, runId: string): Locator {
  return page.locator(`li[data-run-id="${runId}"]`);
}

test("audio and video play, served through range requests, and the view is one audit row", async ({ adminPage: page, admin }) => {
  const spot = await findMessage(["audio", "video"]);
  const ranged: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 206 && /\/system\/(audio|video)_download/.test(response.url())) ranged.push(response.url());
  });
  await page.goto(pageUrl(spot));
  const message = runRow(page, spot.run_id)
    .locator("article")
    .filter({ has: page.locator("audio") })
    .first();
  await expect(message).toBeVisible();
  await playsThrough(message.locator("audio").first());
  await playsThrough(message.locator("video").first());
  await expect(message.locator("audio").first()).toHaveAttribute("preload", "metadata");
  // The players fetched byte ranges: the endpoint's Range support is what lets them seek.
  expect(ranged.some((url) => url.includes("audio_download"))).toBe(true);
  expect(ranged.some((url) => url.includes("video_download"))).toBe(true);

  // One page view, one row: the group read names the media it offered, and their downloads (every
  // range request of both players) write none of their own.
  const played = await message.locator("audio, video").evaluateAll((players) => players.map((player) => player.getAttribute("data-upload-id")));
  const audit = await (await e2eDb()).auditLog.findMany({ where: { actor_id: admin.profile_id, action: { in: ["group.read", "upload.read"] } } });
  expect(audit.map((row) => [row.action, row.target_id])).toEqual([["group.read", spot.group_id]]);
  expect(audit[0]?.offered_upload_ids).toEqual(expect.arrayContaining(played));
});

test("an image loads inline and its lightbox works with the keyboard", async ({ adminPage: page, admin }) => {
  const spot = await findMessage(["image"]);
  const detail = await groupDetail(page.request, admin.token, spot.group_id, Math.floor(spot.idx / pageSize) * pageSize);
  const message = detail.runs?.flatMap((entry) => entry.messages).find((item) => item.id === spot.message_id);
  const upload = detail.uploads?.find((item) => item.upload_id === message?.image_upload_ids[0]);
  if (!upload) throw new Error("the API did not return the image upload");

  await page.goto(pageUrl(spot));
  await treeHydrated(page);
  const image = page.locator(`img[data-upload-id="${upload.upload_id}"]`);
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);

  const trigger = page.getByRole("button", { name: `${upload.original_name}` }).filter({ has: image });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: upload.original_name });
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.locator("img").evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});

test("expanding a run shows its conversation, texts inline and the context window", async ({ adminPage: page, admin }) => {
  const spot = await findMessage(["audio", "video"]);
  const offset = Math.floor(spot.idx / pageSize) * pageSize;
  const detail = await groupDetail(page.request, admin.token, spot.group_id, offset);
  // A run whose context marker falls inside this page.
  const entry = detail.runs?.find((item) => item.previous_context_start_position > 0 && item.previous_context_start_index !== null);
  if (!entry) throw new Error("no run with a carried-over context on this page");

  await page.goto(`/groups/${spot.group_id}${offset ? `?offset=${offset}` : ""}`);
  await treeHydrated(page);
  const row = runRow(page, entry.run.id);
  const toggle = row.getByRole("button", { expanded: false }).first();
  await expect(row.locator("article")).toHaveCount(0);
  // Why the run stopped, in words (every finished demo run has a reason).
  expect(entry.run.finish_reason).not.toBeNull();
  await expect(row.locator("h3")).toContainText(`Ended ${finishReasonLabels[entry.run.finish_reason!]}`);
  await toggle.click();
  await expect(row.getByRole("button", { expanded: true }).first()).toBeVisible();
  await expect(row.locator("article")).toHaveCount(entry.messages.length);
  await expect(row.locator("article").first()).toHaveAttribute("data-position", String(entry.messages[0]!.position));

  // The divider sits right before the message at previous_context_start_position (the page's
  // previous_context_start_index-th of the run); earlier ones are carried over.
  const marker = row.getByTestId("context-window-start");
  await expect(marker).toHaveText("Context window starts here");
  const next = marker.locator("xpath=following-sibling::li[1]//article");
  await expect(next).toHaveAttribute("data-position", String(entry.messages[entry.previous_context_start_index!]!.position));
  await expect(next).toHaveAttribute("data-position", String(entry.previous_context_start_position));
  const carried = entry.messages.filter((m) => m.position < entry.previous_context_start_position).length;
  await expect(row.locator('article[aria-label*="carried-over"]')).toHaveCount(carried);

  // The text of the first message, as the text download endpoint serves it.
  const textId = entry.messages[0]!.text_upload_ids[0]!;
  const text = await (await page.request.get(`/system/text_download?text_upload_id=${textId}`)).text();
  await expect(row.locator("article").first()).toContainText(text.trim().slice(0, 60));

  // Roles are written out, not only coloured.
  const roles = entry.messages.map((m) => m.role);
  for (const [i, role] of roles.entries()) await expect(row.locator("article").nth(i)).toHaveAttribute("data-role", role);
});

test("a long group pages through its messages", async ({ adminPage: page, admin }) => {
  const db = await e2eDb();
  const [long] = await db.$queryRaw<Array<{ group_id: string; total: bigint }>>`
    SELECT r.group_id::text, count(*) AS total FROM messages m JOIN runs r ON r.id = m.run_id
    GROUP BY r.group_id HAVING count(*) > ${pageSize} AND count(*) <= ${pageSize * 2} ORDER BY r.group_id LIMIT 1`;
  if (!long) throw new Error("the demo data has no group longer than one page");
  const total = Number(long.total);
  const everything = await groupDetail(page.request, admin.token, long.group_id, 0, 500);
  const firstPage = await groupDetail(page.request, admin.token, long.group_id, 0);

  await page.goto(`/groups/${long.group_id}`);
  await treeHydrated(page);
  await expect(page.getByTestId("message-count")).toHaveText(`Messages 1–${pageSize} of ${total}`);
  await expect(page.locator("li[data-run-id]")).toHaveCount(firstPage.runs!.length);

  await page.getByRole("button", { name: /^Load (the last|\d+ more)/ }).click();
  await expect(page.getByTestId("message-count")).toHaveText(`Messages 1–${total} of ${total}`);
  await expect(page.getByRole("button", { name: /^Load (the last|\d+ more)/ })).toHaveCount(0);
  const shown = await page.locator("li[data-run-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-run-id")));
  expect(shown).toEqual(everything.runs!.map((entry) => entry.run.id));

  // Every message is there once, in order, when all runs are open.
  await page.getByRole("button", { name: "Expand all runs" }).click();
  await expect(page.locator("article[data-position]")).toHaveCount(total);

  // The offset in the URL starts the first paint further in.
  await page.goto(`/groups/${long.group_id}?offset=${pageSize}`);
  await expect(page.getByTestId("message-count")).toHaveText(`Messages ${pageSize + 1}–${total} of ${total}`);
  await expect(page.getByRole("link", { name: "Show from the first message" })).toBeVisible();
});

test("a missing or out-of-scope group shows the not-found page", async ({ page }) => {
  // A coordinator sees their own department only: another department's group must look missing.
  const coordinator = await createUser("coordinator", { department_id: "dept-bio" });
  await signInThroughApi(page.request, coordinator);
  const db = await e2eDb();
  const [other] = await db.$queryRaw<Array<{ id: string }>>`
    SELECT g.id::text FROM groups g JOIN sessions s ON s.id = g.session_id JOIN profiles p ON p.id = s.profile_id
    WHERE p.department_id = 'dept-cs' ORDER BY g.id LIMIT 1`;
  if (!other) throw new Error("the demo data has no dept-cs group");
  for (const id of [other.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
    expect((await page.goto(`/groups/${id}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Group not found" })).toBeVisible();
    await expect(page.locator("li[data-run-id]")).toHaveCount(0);
  }
});

test("the group page looks right and passes axe", async ({ adminPage: page }, testInfo) => {
  // Four screenshots and two axe runs, each a full page load.
  test.setTimeout(180_000);
  const spot = await findMessage(["audio", "video"]);
  await page.goto(pageUrl(spot));
  await expect(runRow(page, spot.run_id).locator("video")).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "group");
});
