import { describe, expect, it } from "vitest";
import {
  conversationEntries,
  loadMoreLabel,
  mergeGroupPages,
  nextMessageOffset,
  roleLabel,
  runSpan,
  timeOfDay,
  type GroupMessage,
  type GroupRun,
  type MergedRun,
} from "./prepare";
import type { GetGroupResponse } from "./schemas";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function run(n: number): GroupRun {
  return {
    id: id(n),
    created_at: "2026-05-01T10:00:00.000Z",
    input_tokens: 100,
    output_tokens: 20,
    cached_input_tokens: 0,
    cost: "0.001",
    currency: "USD",
    model_id: id(900),
    agent_id: id(901),
    agent_version: 1,
    profile_id: id(902),
    finished_at: null,
    duration_ms: null,
    status: "succeeded",
    finish_reason: "stop",
    error: null,
  };
}

function message(n: number, position: number, role: GroupMessage["role"] = "user"): GroupMessage {
  return {
    id: id(100 + n),
    role,
    position,
    created_at: "2026-05-01T10:00:01.000Z",
    text_upload_ids: [],
    audio_upload_ids: [],
    image_upload_ids: [],
    video_upload_ids: [],
    file_upload_ids: [],
    calls: [],
  };
}

function page(offset: number, runs: NonNullable<GetGroupResponse["runs"]>, total = 5, limit = 2): GetGroupResponse {
  return {
    group_exists: true,
    actor_name: "A",
    group_id: id(1),
    group_name: "G",
    session_id: id(2),
    profile_id: id(902),
    created_at: "2026-05-01T10:00:00.000Z",
    total_message_count: total,
    message_limit: limit,
    message_offset: offset,
    runs,
    models: [{ model_id: id(900), name: "gpt-4o", provider: "openai" }],
    agents: [{ agent_id: id(901), name: "Jordan" }],
    profiles: [{ profile_id: id(902), name: "Amara" }],
    uploads: [],
  };
}

describe("group pages", () => {
  it("knows the next offset until the end", () => {
    expect(nextMessageOffset({ message_offset: 0, message_limit: 50, total_message_count: 87 })).toBe(50);
    expect(nextMessageOffset({ message_offset: 50, message_limit: 50, total_message_count: 87 })).toBeUndefined();
    expect(nextMessageOffset({ message_offset: 0, message_limit: 50, total_message_count: 50 })).toBeUndefined();
  });

  it("joins a run split across pages and keeps a refetched message once", () => {
    const first = page(0, [
      { run: run(1), messages: [message(1, 0)], previous_context_start_index: 0, previous_context_start_position: 0 },
      // Run 2's own context starts at position 1, which this page does not reach.
      { run: run(2), messages: [message(2, 0)], previous_context_start_index: null, previous_context_start_position: 1 },
    ]);
    const second = page(2, [
      { run: run(2), messages: [message(2, 0), message(3, 1), message(4, 2)], previous_context_start_index: 1, previous_context_start_position: 1 },
    ]);
    const merged = mergeGroupPages([first, second]);
    expect(merged.runs.map((r) => r.run.id)).toEqual([id(1), id(2)]);
    expect(merged.runs[1]!.messages.map((m) => m.position)).toEqual([0, 1, 2]);
    expect(merged.runs[1]!.previous_context_start_position).toBe(1);
    expect(merged.loaded_message_count).toBe(4);
    expect(merged.total_message_count).toBe(5);
    expect(merged.first_offset).toBe(0);
    expect(merged.models[id(900)]?.name).toBe("gpt-4o");
    expect(merged.agents[id(901)]).toBe("Jordan");
    expect(merged.profiles[id(902)]).toBe("Amara");
  });

  it("keeps empty runs in order", () => {
    const merged = mergeGroupPages([
      page(0, [{ run: run(1), messages: [], previous_context_start_index: null, previous_context_start_position: 0 }], 0),
    ]);
    expect(merged.runs).toHaveLength(1);
    expect(merged.loaded_message_count).toBe(0);
  });
});

describe("conversation entries", () => {
  const base: MergedRun = { run: run(1), messages: [0, 1, 2, 3].map((p) => message(p, p)), previous_context_start_position: 2 };

  it("puts the context-window marker before the message at the index and dims the ones before it", () => {
    const entries = conversationEntries(base);
    expect(entries.map((e) => (e.type === "message" ? `${e.message.position}${e.carried_over ? "c" : ""}` : "|"))).toEqual([
      "0c",
      "1c",
      "|",
      "2",
      "3",
    ]);
  });

  it("has no marker when nothing is carried over", () => {
    expect(conversationEntries({ ...base, previous_context_start_position: 0 }).some((e) => e.type === "context-start")).toBe(false);
  });

  it("has no marker while the message at the index is not loaded", () => {
    const entries = conversationEntries({ ...base, messages: base.messages.slice(0, 2) });
    expect(entries.some((e) => e.type === "context-start")).toBe(false);
    expect(entries.every((e) => e.type === "message" && e.carried_over)).toBe(true);
  });

  it("labels roles for a Glow conversation", () => {
    expect(roleLabel("user")).toBe("TA");
    expect(roleLabel("assistant")).toBe("Assistant");
    expect(roleLabel("assistant", "Jordan (struggling freshman)")).toBe("Assistant · Jordan (struggling freshman)");
    expect(roleLabel("system", "Jordan")).toBe("System prompt");
    expect(loadMoreLabel(37, 50)).toBe("Load the last 37 messages");
    expect(loadMoreLabel(1, 50)).toBe("Load the last 1 message");
    expect(loadMoreLabel(1250, 50)).toBe("Load 50 more messages (1,250 left)");
    expect(timeOfDay("2026-05-01T13:15:33.277Z")).toBe("13:15:33 UTC");
  });

  it("says when a group's runs happened", () => {
    expect(runSpan("2026-10-05T13:15:33.277Z", "2026-10-05T13:19:00.383Z")).toBe("Oct 5, 2026, 13:15–13:19 UTC");
    expect(runSpan("2026-10-05T23:59:00.000Z", "2026-10-06T00:01:00.000Z")).toBe("Oct 5, 2026 – Oct 6, 2026");
    expect(runSpan(null, null)).toBe("No runs yet");
  });
});
