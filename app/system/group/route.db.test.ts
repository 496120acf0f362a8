import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getGroupResponse, type GetGroupResponse } from "@/lib/groups/schemas";
import { errorResponseSchema } from "@/lib/api/errors";
import { mediaStore } from "@/lib/storage/media-store";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models";
import { createDepartment } from "@/prisma/factories/people";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions";
import { createUpload } from "@/prisma/factories/uploads";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { POST } from "./route";

const path = "/system/group";
const base = new Date("2025-03-01T10:00:00Z");
const at = (seconds: number) => new Date(base.getTime() + seconds * 1000);

let admin: TestActor;
let ta: TestActor;
let otherTa: TestActor;
let coordinatorA: TestActor;
let coordinatorB: TestActor;
let group: Awaited<ReturnType<typeof createGroupWithRuns>>;
let tiedGroup: Awaited<ReturnType<typeof createGroupWithRuns>>;
let mediaIds: { audio1: string; audio2: string; image: string; video: string; file: string; extraText: string };
/** The group's messages in sequence order: (run.created_at, run.id, position). */
let sequence: Array<{ id: string; run_id: string; position: number }>;

async function fetchGroup(body: Record<string, unknown>, actor: TestActor = admin): Promise<GetGroupResponse> {
  const answer = await callJson(POST, path, body, { token: actor.token });
  return getGroupResponse.parse(answer);
}

beforeAll(async () => {
  const [deptA, deptB] = [await createDepartment(db()), await createDepartment(db())];
  admin = await createActor("admin");
  ta = await createActor("ta", { department_id: deptA.id });
  otherTa = await createActor("ta", { department_id: deptA.id });
  coordinatorA = await createActor("coordinator", { department_id: deptA.id });
  coordinatorB = await createActor("coordinator", { scoped_department_ids: [deptB.id] });

  const store = mediaStore();
  const bytes = (label: string) => new TextEncoder().encode(`${label} ${randomUUID()}`);
  const upload = async (label: string, original_name: string) => (await createUpload(db(), store, bytes(label), { original_name })).id;
  mediaIds = {
    audio1: await upload("audio one", "first.wav"),
    audio2: await upload("audio two", "second.ogg"),
    image: await upload("image", "diagram.png"),
    video: await upload("video", "clip.webm"),
    file: await upload("file", "syllabus.pdf"),
    extraText: await upload("text", "notes.md"),
  };

  const model = (await createModelWithPrices(db())).model;
  const agent = await createAgent(db());
  const { session } = await createSession(db(), ta.profile_id, { created_at: base });
  group = await createGroupWithRuns(db(), store, {
    session,
    name: "Recursion office hours",
    created_at: base,
    model_id: model.id,
    agent_id: agent.id,
    runs: [
      {
        created_at: at(10),
        messages: [
          { role: "system", text: "You are Jordan." },
          // Attachments in an order that is neither creation nor id order.
          {
            role: "user",
            text: "Look at these",
            upload_ids: [mediaIds.audio2, mediaIds.image, mediaIds.audio1, mediaIds.extraText, mediaIds.video, mediaIds.file],
          },
          {
            role: "assistant",
            text: "Let me check.",
            calls: [{ template_name: "fetch_syllabus", file_path: "cs101/syllabus.md" }, { template_name: "run_tests" }],
          },
        ],
      },
      { created_at: at(20), messages: [], status: "failed", error: "upstream timeout", duration_ms: 30_000 },
      {
        created_at: at(30),
        previous_context_start_index: 2,
        messages: [
          { role: "system", text: "a" },
          { role: "user", text: "b" },
          { role: "user", text: "c" },
          { role: "assistant", text: "d" },
        ],
      },
      {
        created_at: at(40),
        messages: [
          { role: "user", text: "e" },
          { role: "assistant", text: "f" },
        ],
      },
      { created_at: at(50), messages: [], status: "running" },
    ],
  });
  const runOrder = [...group.runs].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
  sequence = runOrder.flatMap((run) => group.messages.filter((m) => m.run_id === run.id).sort((a, b) => a.position - b.position));

  // Two runs started at the same instant: the tie is broken by run id.
  const tiedStart = at(100);
  tiedGroup = await createGroupWithRuns(db(), store, {
    session,
    created_at: at(90),
    model_id: model.id,
    agent_id: agent.id,
    runs: [
      {
        created_at: tiedStart,
        messages: [
          { role: "user", text: "x1" },
          { role: "assistant", text: "x2" },
        ],
      },
      {
        created_at: tiedStart,
        messages: [
          { role: "user", text: "y1" },
          { role: "assistant", text: "y2" },
        ],
      },
    ],
  });
});

describe("POST /system/group lean", () => {
  it("answers the identity only by default", async () => {
    const answer = await fetchGroup({ group_id: group.group.id });
    expect(answer).toEqual({
      group_exists: true,
      actor_name: admin.name,
      group_id: group.group.id,
      group_name: "Recursion office hours",
      session_id: group.group.session_id,
      profile_id: ta.profile_id,
      created_at: base.toISOString(),
    });
  });

  it("answers group_exists false for a missing group", async () => {
    const id = randomUUID();
    expect(await fetchGroup({ group_id: id, include_detail: true })).toEqual({
      group_exists: false,
      actor_name: admin.name,
      group_id: id,
      group_name: null,
      session_id: null,
      profile_id: null,
      created_at: null,
    });
  });

  it("hides out-of-scope groups exactly like missing ones", async () => {
    for (const outsider of [coordinatorB, otherTa]) {
      const answer = await fetchGroup({ group_id: group.group.id, include_detail: true }, outsider);
      expect(answer).toMatchObject({ group_exists: false, actor_name: outsider.name, group_name: null });
      expect(answer.runs).toBeUndefined();
    }
    for (const insider of [coordinatorA, ta]) {
      expect((await fetchGroup({ group_id: group.group.id }, insider)).group_exists).toBe(true);
    }
  });
});

describe("POST /system/group detail", () => {
  it("answers the whole tree with resources", async () => {
    const answer = await fetchGroup({ group_id: group.group.id, include_detail: true });
    expect(answer.total_message_count).toBe(9);
    expect(answer.message_limit).toBe(100);
    expect(answer.message_offset).toBe(0);
    expect(answer.runs?.map((r) => r.run.id)).toEqual([...group.runs].sort((a, b) => +a.created_at - +b.created_at).map((r) => r.id));
    expect(answer.runs?.flatMap((r) => r.messages.map((m) => m.id))).toEqual(sequence.map((m) => m.id));

    const [first, failed, third] = answer.runs ?? [];
    const source = group.runs.find((r) => r.id === first?.run.id);
    expect(first?.run).toEqual({
      id: source?.id,
      created_at: at(10).toISOString(),
      input_tokens: source?.input_tokens,
      output_tokens: source?.output_tokens,
      cached_input_tokens: source?.cached_input_tokens,
      cost: source?.cost.replace(/0+$/, "").replace(/\.$/, ""),
      currency: "USD",
      model_id: source?.model_id,
      agent_id: source?.agent_id,
      agent_version: 1,
      profile_id: ta.profile_id,
      finished_at: source?.finished_at?.toISOString(),
      duration_ms: source?.duration_ms,
      status: "succeeded",
      finish_reason: "stop",
      error: null,
    });
    expect(failed).toMatchObject({
      messages: [],
      run: { status: "failed", finish_reason: "error", error: "upstream timeout", duration_ms: 30_000 },
    });
    expect(third).toMatchObject({ previous_context_start_index: 2, previous_context_start_position: 2 });
    expect(answer.models).toHaveLength(1);
    expect(answer.agents).toHaveLength(1);
    expect(answer.profiles).toEqual([{ profile_id: ta.profile_id, name: ta.name }]);
  });

  it("keeps upload ids in message_uploads order, split by kind, and describes every upload", async () => {
    const answer = await fetchGroup({ group_id: group.group.id, include_detail: true, message_limit: 3 });
    const user = answer.runs?.[0]?.messages[1];
    const textUploads = group.messageUploads.filter((link) => link.message_id === user?.id).map((l) => l.upload_id);
    expect(user?.text_upload_ids).toEqual([textUploads[0], mediaIds.extraText]);
    expect(user?.audio_upload_ids).toEqual([mediaIds.audio2, mediaIds.audio1]);
    expect(user?.image_upload_ids).toEqual([mediaIds.image]);
    expect(user?.video_upload_ids).toEqual([mediaIds.video]);
    expect(user?.file_upload_ids).toEqual([mediaIds.file]);
    const referenced = answer.runs?.flatMap((r) =>
      r.messages.flatMap((m) => [...m.text_upload_ids, ...m.audio_upload_ids, ...m.image_upload_ids, ...m.video_upload_ids, ...m.file_upload_ids]),
    );
    expect(new Set(answer.uploads?.map((u) => u.upload_id))).toEqual(new Set(referenced));
    expect(answer.uploads?.find((u) => u.upload_id === mediaIds.audio2)).toMatchObject({
      kind: "audio",
      mime_type: "audio/ogg",
      original_name: "second.ogg",
    });

    // Calls have no position: they come in (created_at, id) order; these two share created_at.
    const assistant = answer.runs?.[0]?.messages[2];
    const expectedCalls = group.toolCalls
      .filter((c) => c.message_id === assistant?.id)
      .sort((a, b) => +a.created_at - +b.created_at || (a.id < b.id ? -1 : 1))
      .map(({ id, template_name, file_path, created_at }) => ({ id, template_name, file_path, created_at: created_at.toISOString() }));
    expect(expectedCalls.map((c) => [c.template_name, c.file_path]).sort()).toEqual([
      ["fetch_syllabus", "cs101/syllabus.md"],
      ["run_tests", null],
    ]);
    expect(assistant?.calls).toEqual(expectedCalls);
  });

  // Runs in order: r1 (3 messages), r2 (empty), r3 (4), r4 (2), r5 (empty): 9 messages.
  it.each([
    [0, 3, [0, 0, 0], [0]],
    [3, 4, [2, 2, 2, 2], [1, 2]],
    [2, 2, [0, 2], [0, 1, 2]],
    [4, 1, [2], [2]],
    [6, 1, [2], [2]],
    [7, 1, [3], [3]],
    [8, 1, [3], [3, 4]],
    [7, 100, [3, 3], [3, 4]],
    [9, 10, [], []],
    [1000, 10, [], []],
  ])("offset %i limit %i pages across runs", async (offset, limit, messageRuns, listedRuns) => {
    const runOrder = [...group.runs].sort((a, b) => +a.created_at - +b.created_at).map((r) => r.id);
    const answer = await fetchGroup({ group_id: group.group.id, include_detail: true, message_offset: offset, message_limit: limit });
    expect(answer.total_message_count).toBe(9);
    expect(answer.message_offset).toBe(offset);
    expect(answer.message_limit).toBe(limit);
    const messages = answer.runs?.flatMap((r) => r.messages.map((m) => ({ id: m.id, run_id: r.run.id, position: m.position })));
    expect(messages).toEqual(sequence.slice(offset, offset + limit).map(({ id, run_id, position }) => ({ id, run_id, position })));
    expect(messages?.map((m) => runOrder.indexOf(m.run_id))).toEqual(messageRuns);
    expect(answer.runs?.map((r) => runOrder.indexOf(r.run.id))).toEqual(listedRuns);
    // A partial run keeps its context start as a position in the run.
    for (const r of answer.runs ?? []) {
      expect(r.previous_context_start_position).toBe(group.runs.find((run) => run.id === r.run.id)?.previous_context_start_index);
    }
  });

  it("names every model and agent of the group, not only those of the runs on the page", async () => {
    const [first, second] = [(await createModelWithPrices(db())).model, (await createModelWithPrices(db())).model];
    const [agentA, agentB] = [await createAgent(db()), await createAgent(db())];
    const { session } = await createSession(db(), ta.profile_id, { created_at: base });
    const twoModels = await createGroupWithRuns(db(), mediaStore(), {
      session,
      created_at: base,
      runs: [
        { created_at: at(1), model_id: first.id, agent_id: agentA.id, messages: [{ role: "user", text: "one" }] },
        { created_at: at(2), model_id: second.id, agent_id: agentB.id, messages: [{ role: "user", text: "two" }] },
      ],
    });
    const answer = await fetchGroup({ group_id: twoModels.group.id, include_detail: true, message_offset: 0, message_limit: 1 });
    expect(answer.runs?.map((r) => r.run.model_id)).toEqual([first.id]);
    expect(answer.models?.map((m) => m.model_id).sort()).toEqual([first.id, second.id].sort());
    expect(answer.agents?.map((a) => a.agent_id).sort()).toEqual([agentA.id, agentB.id].sort());
  });

  it("gives the context start as an index into the page's messages of the run, null when that message is not on the page", async () => {
    const contextRun = group.runs.find((run) => run.previous_context_start_index === 2)!;
    const first = sequence.findIndex((message) => message.run_id === contextRun.id);
    const pageFrom = async (skip: number) => {
      const answer = await fetchGroup({ group_id: group.group.id, include_detail: true, message_offset: first + skip, message_limit: 100 });
      const entry = answer.runs!.find((r) => r.run.id === contextRun.id)!;
      return [entry.messages[0]!.position, entry.previous_context_start_index, entry.previous_context_start_position];
    };
    expect(await pageFrom(0)).toEqual([0, 2, 2]); // positions 0–3 on the page: the message at position 2 is the third
    expect(await pageFrom(1)).toEqual([1, 1, 2]); // the page starts at position 1: it is the second
    expect(await pageFrom(3)).toEqual([3, null, 2]); // the page starts after it
  });

  it("orders runs started at the same instant by id", async () => {
    const answer = await fetchGroup({ group_id: tiedGroup.group.id, include_detail: true, message_offset: 1, message_limit: 2 });
    const [low, high] = [...tiedGroup.runs].map((r) => r.id).sort();
    expect(answer.runs?.map((r) => r.run.id)).toEqual([low, high]);
    expect(answer.runs?.map((r) => r.messages.map((m) => m.position))).toEqual([[1], [0]]);
  });
});

describe("POST /system/group errors", () => {
  it("401 without a valid token", async () => {
    for (const token of [undefined, "glow_not_a_real_token"]) {
      const response = await call(POST, path, { group_id: group.group.id }, { token });
      expect(response.status).toBe(401);
      expect(errorResponseSchema.parse(await response.json()).error.code).toBe("unauthorized");
    }
  });

  it.each([
    [{ group_id: "not-a-uuid" }, "group_id"],
    [{}, "group_id"],
    [{ group_id: randomUUID(), extra: 1 }, "extra"],
    [{ group_id: randomUUID(), include_detail: "yes" }, "include_detail"],
    [{ group_id: randomUUID(), message_limit: 0 }, "message_limit"],
    [{ group_id: randomUUID(), message_limit: 501 }, "message_limit"],
    [{ group_id: randomUUID(), message_limit: 1.5 }, "message_limit"],
    [{ group_id: randomUUID(), message_offset: -1 }, "message_offset"],
    [{ group_id: 42 }, "group_id"],
  ])("400 for %j naming %s", async (body, field) => {
    const answer = errorResponseSchema.parse(await callJson(POST, path, body, { token: ta.token, expectedStatus: 400 }));
    expect(answer.error.code).toBe("invalid_body");
    expect(answer.error.issues?.map((i) => i.field)).toContain(field);
  });
});
