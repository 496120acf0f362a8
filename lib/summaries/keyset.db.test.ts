// Keyset pages of /system/sessions and /system/groups: following next_cursor visits every row once,
// in the same order as page numbers; prev_cursor walks back; a page in the back half (read in the
// reverse order) is the same page; a cursor from another sort, or not from us, is a 400 on `cursor`.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as groupsPost } from "@/app/system/groups/route";
import { POST as sessionsPost } from "@/app/system/sessions/route";
import { errorResponseSchema } from "@/lib/api/errors";
import { listGroupsResponse } from "@/lib/groups/schemas";
import { listSessionsResponseSchema, sessionSortKey } from "@/lib/sessions/schemas";
import { mediaStore } from "@/lib/storage/media-store";
import { callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models.ts";
import { createDepartment, createProfile } from "@/prisma/factories/people.ts";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions.ts";

let coordinator: TestActor;
const T0 = Date.UTC(2025, 5, 1, 12);

beforeAll(async () => {
  const d = db();
  const department = await createDepartment(d);
  coordinator = await createActor("coordinator", { department_id: department.id });
  const tas = await Promise.all([0, 1, 2].map((i) => createProfile(d, { department_id: department.id, name: `Keyset TA ${i % 2}` })));
  const { model } = await createModelWithPrices(d);
  const agent = await createAgent(d);
  // 23 sessions with many ties (same start for pairs, equal counts), some groups without runs.
  for (let i = 0; i < 23; i++) {
    const { session } = await createSession(
      d,
      tas[i % 3]!.id,
      { created_at: new Date(T0 + Math.floor(i / 2) * 3_600_000) },
      { chats: i % 4 ? [{}] : [] },
    );
    if (i % 3 !== 1) {
      const runs = Array.from({ length: i % 3 }, () => ({ messages: [{ role: "user" as const, text: "hi" }] }));
      await createGroupWithRuns(d, mediaStore(), { session, model_id: model.id, agent_id: agent.id, runs });
    }
  }
});

const sessions = async (body: Record<string, unknown>) =>
  listSessionsResponseSchema.parse(await callJson(sessionsPost, "/system/sessions", body, { token: coordinator.token }));
const groups = async (body: Record<string, unknown>) =>
  listGroupsResponse.parse(await callJson(groupsPost, "/system/groups", body, { token: coordinator.token }));

describe("keyset pages", () => {
  it.each(
    sessionSortKey.options.flatMap(
      (sort_by) =>
        [
          [sort_by, "asc"],
          [sort_by, "desc"],
        ] as const,
    ),
  )("sessions by %s %s: next_cursor visits the page numbers' rows, prev_cursor walks back", async (sort_by, sort_order) => {
    const all = await sessions({ sort_by, sort_order, page_size: 200 });
    expect(all.total_count).toBe(23);
    const expected = all.items.map((item) => item.session_id);
    const seen: string[] = [];
    const cursors: Array<string | null> = [];
    let answer = await sessions({ sort_by, sort_order, page_size: 5 });
    expect(answer.prev_cursor).toBeNull();
    for (;;) {
      seen.push(...answer.items.map((item) => item.session_id));
      cursors.push(answer.prev_cursor);
      if (!answer.next_cursor) break;
      answer = await sessions({ sort_by, sort_order, page_size: 5, cursor: answer.next_cursor });
    }
    expect(seen).toEqual(expected);
    // Back from the last page to the first by prev_cursor.
    const back: string[] = [];
    for (;;) {
      back.unshift(...answer.items.map((item) => item.session_id));
      if (!answer.prev_cursor) break;
      answer = await sessions({ sort_by, sort_order, page_size: 5, cursor: answer.prev_cursor });
    }
    expect(back).toEqual(expected);
    // Page numbers agree, the back half included (read from the other end).
    for (const page of [1, 2, 3, 4, 5]) {
      const numbered = await sessions({ sort_by, sort_order, page_size: 5, page });
      expect(numbered.items.map((item) => item.session_id)).toEqual(expected.slice((page - 1) * 5, page * 5));
      expect(numbered.next_cursor === null).toBe(page === 5);
    }
  });

  it("groups walk the same way, groups without runs last whichever the direction", async () => {
    for (const sort_order of ["asc", "desc"]) {
      const all = await groups({ sort_by: "last_run_at", sort_order, page_size: 200 });
      const expected = all.items.map((item) => item.group_id);
      expect(all.items.at(-1)?.last_run_at).toBeNull();
      const seen: string[] = [];
      let answer = await groups({ sort_by: "last_run_at", sort_order, page_size: 4 });
      for (;;) {
        seen.push(...answer.items.map((item) => item.group_id));
        if (!answer.next_cursor) break;
        answer = await groups({ sort_by: "last_run_at", sort_order, page_size: 4, cursor: answer.next_cursor });
      }
      expect(seen).toEqual(expected);
      expect(answer.total_count_is_estimate).toBe(false);
    }
  });

  it.each([
    ["not ours", "not-a-cursor", /not valid/],
    ["tampered", "eyJzIjoidG90YWxfY29zdCJ9", /not valid/],
  ])("a cursor that is %s is a 400 naming cursor", async (_label, cursor, message) => {
    const answer = errorResponseSchema.parse(
      await callJson(sessionsPost, "/system/sessions", { cursor }, { token: coordinator.token, expectedStatus: 400 }),
    );
    expect(answer.error.issues?.map((issue) => issue.field)).toEqual(["cursor"]);
    expect(answer.error.issues?.[0]?.message).toMatch(message);
  });

  it("a cursor from another sort is a 400 that says which sort it belongs to", async () => {
    const page = await sessions({ sort_by: "total_cost", page_size: 2 });
    const answer = errorResponseSchema.parse(
      await callJson(
        sessionsPost,
        "/system/sessions",
        { sort_by: "run_count", cursor: page.next_cursor },
        { token: coordinator.token, expectedStatus: 400 },
      ),
    );
    expect(answer.error.issues?.[0]).toMatchObject({ field: "cursor", message: expect.stringMatching(/sort_by=total_cost sort_order=desc/) });
  });
});
