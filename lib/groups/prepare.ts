// Pure shaping for the Group page: every merging and labelling decision the components would
// otherwise make, here where it is unit-tested (components/ only draw the result). The Pricing
// page's charts and price table are shaped in prepare-pricing.ts.
import { formatDay, formatUtc } from "@/lib/format/dates";
import { formatInteger } from "@/lib/format/numbers";
import type { GetGroupResponse } from "./schemas";

type RunWithMessages = NonNullable<GetGroupResponse["runs"]>[number];
export type GroupRun = RunWithMessages["run"];
export type GroupMessage = RunWithMessages["messages"][number];
export type GroupUpload = NonNullable<GetGroupResponse["uploads"]>[number];
export type MessageRole = GroupMessage["role"];

export interface MergedRun {
  run: GroupRun;
  messages: GroupMessage[];
  /** A message position in the run: the same on every page, unlike the page's index. */
  previous_context_start_position: number;
}

export interface MergedGroup {
  runs: MergedRun[];
  models: Record<string, { name: string; provider: string }>;
  agents: Record<string, string>;
  profiles: Record<string, string>;
  uploads: Record<string, GroupUpload>;
  /** Where the first loaded page starts in the group's message sequence. */
  first_offset: number;
  loaded_message_count: number;
  total_message_count: number;
}

/** The offset of the page after `page`, or undefined when `page` reaches the end of the group. */
export function nextMessageOffset(page: Pick<GetGroupResponse, "message_offset" | "message_limit" | "total_message_count">): number | undefined {
  const next = (page.message_offset ?? 0) + (page.message_limit ?? 0);
  return next < (page.total_message_count ?? 0) ? next : undefined;
}

/**
 * Consecutive pages of one group's detail, joined into one tree. A run whose messages straddle a page
 * boundary comes back on both pages: its messages are concatenated (pages arrive in sequence order),
 * and a message seen twice (a page refetched) is kept once.
 */
export function mergeGroupPages(pages: readonly GetGroupResponse[]): MergedGroup {
  const merged: MergedGroup = {
    runs: [],
    models: {},
    agents: {},
    profiles: {},
    uploads: {},
    first_offset: pages[0]?.message_offset ?? 0,
    loaded_message_count: 0,
    total_message_count: 0,
  };
  const runsById = new Map<string, MergedRun>();
  const seenMessages = new Set<string>();
  for (const page of pages) {
    merged.total_message_count = page.total_message_count ?? merged.total_message_count;
    for (const entry of page.runs ?? []) {
      let run = runsById.get(entry.run.id);
      if (!run) {
        run = { run: entry.run, messages: [], previous_context_start_position: entry.previous_context_start_position };
        runsById.set(entry.run.id, run);
        merged.runs.push(run);
      }
      for (const message of entry.messages) {
        if (seenMessages.has(message.id)) continue;
        seenMessages.add(message.id);
        run.messages.push(message);
      }
    }
    for (const model of page.models ?? []) merged.models[model.model_id] = { name: model.name, provider: model.provider };
    for (const agent of page.agents ?? []) merged.agents[agent.agent_id] = agent.name;
    for (const profile of page.profiles ?? []) merged.profiles[profile.profile_id] = profile.name;
    for (const upload of page.uploads ?? []) merged.uploads[upload.upload_id] = upload;
  }
  merged.loaded_message_count = seenMessages.size;
  return merged;
}

export type ConversationEntry = { type: "context-start"; position: number } | { type: "message"; message: GroupMessage; carried_over: boolean };

/**
 * A run's loaded messages with the context-window marker: a divider before the message at
 * previous_context_start_position, the messages before it flagged as carried-over context. Position 0 (a
 * group's first run, or nothing carried over) needs no marker: the window is the whole run.
 */
export function conversationEntries(run: MergedRun): ConversationEntry[] {
  const start = run.previous_context_start_position;
  const entries: ConversationEntry[] = [];
  for (const message of run.messages) {
    if (start > 0 && message.position === start) entries.push({ type: "context-start", position: start });
    entries.push({ type: "message", message, carried_over: message.position < start });
  }
  return entries;
}

const roleLabels: Record<MessageRole, string> = {
  system: "System prompt",
  user: "TA",
  assistant: "Assistant",
  tool: "Tool result",
};

/**
 * Who speaks in a Glow conversation: the TA is the user; the assistant is the run's agent (a student
 * persona, or a grader), so it is named when known.
 */
export function roleLabel(role: MessageRole, agentName?: string): string {
  return role === "assistant" && agentName ? `${roleLabels.assistant} · ${agentName}` : roleLabels[role];
}

/** The "Load more" button's words: how many messages the click loads and how many are left. */
export function loadMoreLabel(remaining: number, limit: number): string {
  if (remaining <= limit) return `Load the last ${formatInteger(remaining)} ${remaining === 1 ? "message" : "messages"}`;
  return `Load ${formatInteger(limit)} more messages (${formatInteger(remaining)} left)`;
}

/** "13:15:33 UTC" for a message or tool call inside a run whose day the run header already shows. */
export function timeOfDay(iso: string): string {
  return formatUtc(iso).slice(11);
}

/** When a group's runs happened: "Oct 5, 2026, 13:15–13:19 UTC", or two days when it spans more. */
export function runSpan(first: string | null, last: string | null): string {
  if (!first || !last) return "No runs yet";
  if (first.slice(0, 10) !== last.slice(0, 10)) return `${formatDay(first)} – ${formatDay(last)}`;
  return `${formatDay(first)}, ${first.slice(11, 16)}–${last.slice(11, 16)} UTC`;
}
