// Every request npm run bench times: the API at the targets (one request at a time), and
// the signed-in pages. Each case knows how a client sends it and how to do the same work inside
// this process, whose SQL statements make its baseline (sql-capture.ts).
import { groupSortBy } from "@/lib/groups/schemas";
import { sessionSortKey } from "@/lib/sessions/schemas";
import type { BenchWorld } from "./fixtures.ts";

export type Caller = "admin" | "coordinator" | "ta" | "browser";

export interface BenchCase {
  section: string;
  name: string;
  targetP95Ms: number;
  caller: Caller;
  method: "POST" | "GET";
  path: string;
  body?: Record<string, unknown>;
}

function filters(world: BenchWorld): Array<[string, Record<string, unknown>]> {
  return [
    ["", {}],
    [" · department", { department_ids: [world.departmentId] }],
    [" · role", { roles: ["graduate_ta"] }],
    [" · one month", world.month],
  ];
}

export function apiCases(world: BenchWorld, options: { full: boolean }): BenchCase[] {
  const cases: BenchCase[] = [];
  const statusTagAndFailureFilters: Array<[string, Record<string, unknown>]> = [
    [" · idle", { status: "idle" }],
    [" · completed or aborted", { status: ["completed", "aborted"] }],
    [" · tag lab", { tags: ["lab"] }],
    [" · tags lab and grading (all)", { tags: ["lab", "grading"], tags_match: "all" }],
    [" · with failed runs", { has_failed_runs: true }],
  ];
  const api = (section: string, name: string, targetP95Ms: number, path: string, body: Record<string, unknown>, caller: Caller = "admin") =>
    cases.push({ section, name, targetP95Ms, caller, method: "POST", path, body });

  // Sessions: every sort key both ways, with and without each filter (the full matrix with --full).
  const sessionFilters: Array<[string, Record<string, unknown>]> = [
    ...filters(world),
    [" · active", { active: true }],
    [" · inactive", { active: false }],
    [" · one TA", { profile_id: world.ta.profile_id }],
    ...statusTagAndFailureFilters,
  ];
  for (const sort_by of sessionSortKey.options) {
    for (const sort_order of ["desc", "asc"]) {
      for (const [label, filter] of options.full ? sessionFilters : sessionFilters.slice(0, 1)) {
        api("sessions", `sessions ${sort_by} ${sort_order}${label}`, 50, "/system/sessions", { page_size: 25, sort_by, sort_order, ...filter });
      }
    }
  }
  if (!options.full) {
    for (const [label, filter] of sessionFilters.slice(1)) {
      api("sessions", `sessions total_cost desc${label}`, 50, "/system/sessions", { page_size: 25, sort_by: "total_cost", ...filter });
    }
  }
  // The filters the rollups keep no count for (a bounded count instead), in the default order too.
  for (const [label, filter] of statusTagAndFailureFilters) {
    api("sessions", `sessions session_created_at desc${label}`, 50, "/system/sessions", { page_size: 25, ...filter });
  }
  api("sessions", "sessions as a coordinator", 50, "/system/sessions", { page_size: 25 }, "coordinator");
  api("sessions", "sessions as a TA", 50, "/system/sessions", { page_size: 25 }, "ta");
  for (const sort_by of ["session_created_at", "total_cost", "message_count"]) {
    api("sessions deep", `sessions page 20,000 by ${sort_by}`, 250, "/system/sessions", { page_size: 25, page: 20_000, sort_by });
    api("sessions deep", `sessions page 30,000 by ${sort_by}`, 250, "/system/sessions", { page_size: 25, page: 30_000, sort_by });
  }

  // Activity, dashboard, pricing: any window, department and role.
  for (const [label, filter] of [...filters(world), [" · all time", { date_from: "2000-01-01" }] as [string, Record<string, unknown>]]) {
    api("activity", `activity${label || " (everything)"}`, 100, "/system/activity", filter);
    api("pricing", `pricing${label || " (everything)"}`, 100, "/system/pricing", filter);
  }
  api("activity", "activity · role graduate_ta + one month", 100, "/system/activity", { roles: ["graduate_ta"], ...world.month });
  api("activity", "activity as a coordinator", 100, "/system/activity", {}, "coordinator");
  api("activity", "activity · window with times", 100, "/system/activity", {
    date_from: `${world.month.date_from}T09:30:00Z`,
    date_to: `${world.month.date_to}T17:45:00Z`,
  });
  for (const [label, filter] of [...filters(world), [" · 90 days", { date_from: undefined }] as [string, Record<string, unknown>]]) {
    api("dashboard", `dashboard${label || " (30 days)"}`, 100, "/system/dashboard", filter);
  }
  api("dashboard", "dashboard as a coordinator", 100, "/system/dashboard", {}, "coordinator");
  api("pricing", "pricing as a coordinator", 100, "/system/pricing", {}, "coordinator");

  // Groups: every sort key both ways, and the filters.
  for (const sort_by of groupSortBy.options) {
    for (const sort_order of ["desc", "asc"])
      api("groups", `groups ${sort_by} ${sort_order}`, 100, "/system/groups", { page_size: 25, sort_by, sort_order });
  }
  for (const [label, filter] of [...filters(world).slice(1), [" · one model", { model_ids: [world.modelId] }] as [string, Record<string, unknown>]]) {
    api("groups", `groups by total_cost${label}`, 100, "/system/groups", { page_size: 25, sort_by: "total_cost", ...filter });
  }
  api("groups", "groups as a coordinator", 100, "/system/groups", { page_size: 25 }, "coordinator");

  // Agents: the list for any window, department, role and model; one agent; sessions by agent.
  for (const [label, filter] of [
    ...filters(world),
    [" · one model", { model_ids: [world.modelId] }],
    [" · window with times", { date_from: `${world.month.date_from}T09:30:00Z`, date_to: `${world.month.date_to}T17:45:00Z` }],
  ] as Array<[string, Record<string, unknown>]>) {
    api("agents", `agents${label || " (everything)"}`, 100, "/system/agents", filter);
  }
  api("agents", "agents by last_used_at · department", 100, "/system/agents", { sort_by: "last_used_at", department_ids: [world.departmentId] });
  api("agents", "agents as a coordinator", 100, "/system/agents", {}, "coordinator");
  api("agents", "agents as a TA", 100, "/system/agents", {}, "ta");
  api("agents", "agent detail (busiest)", 100, "/system/agent", { agent_id: world.busyAgentId });
  api("agents", "agent detail (rarest) · one month", 100, "/system/agent", { agent_id: world.rareAgentId, ...world.month });
  api("agents", "agent detail as a TA", 100, "/system/agent", { agent_id: world.busyAgentId }, "ta");
  for (const [label, agent_id] of [
    ["busiest", world.busyAgentId],
    ["rarest", world.rareAgentId],
  ]) {
    api("sessions", `sessions total_cost desc · agent (${label})`, 50, "/system/sessions", { page_size: 25, sort_by: "total_cost", agent_id });
    api("sessions", `sessions session_created_at desc · agent (${label}) version 1`, 50, "/system/sessions", {
      page_size: 25,
      agent_id,
      agent_version: 1,
    });
  }

  // Details.
  api("details", "session detail", 20, "/system/session", { session_id: world.sessionId });
  api("details", "group, lean", 20, "/system/group", { group_id: world.groupId });
  api("details", "group detail, ordinary group", 50, "/system/group", { group_id: world.groupId, include_detail: true, message_limit: 100 });
  if (world.longGroupId) {
    const last = Math.max(0, world.longGroupMessages - 100);
    for (const offset of [0, Math.floor(last / 2), last]) {
      api("details", `group detail, ${world.longGroupMessages} messages, offset ${offset}`, 50, "/system/group", {
        group_id: world.longGroupId,
        include_detail: true,
        message_limit: 100,
        message_offset: offset,
      });
    }
  }
  return cases;
}

export function pageCases(world: BenchWorld): BenchCase[] {
  const page = (name: string, path: string): BenchCase => ({ section: "pages", name, targetP95Ms: 300, caller: "browser", method: "GET", path });
  return [
    page("page /", "/"),
    page("page /activity", "/activity"),
    page("page /sessions", "/sessions"),
    page("page /sessions by total_cost", "/sessions?sort_by=total_cost&sort_order=desc"),
    page("page /sessions by message_count, page 20,000", "/sessions?sort_by=message_count&page=20000"),
    page("page /sessions/[id]", `/sessions/${world.sessionId}`),
    page("page /groups/[id]", `/groups/${world.groupId}`),
    ...(world.longGroupId ? [page("page /groups/[id], 10,000 messages", `/groups/${world.longGroupId}`)] : []),
    page("page /pricing", "/pricing"),
    page("page /problems", "/problems"),
  ];
}

/** The dashboard's traffic, for the mixed load: what a coordinator's browsing sends to the API. */
export function mixedLoad(world: BenchWorld): Array<{ path: string; body: Record<string, unknown>; caller: Caller }> {
  return [
    { path: "/system/dashboard", body: {}, caller: "coordinator" },
    { path: "/system/sessions", body: { page_size: 25 }, caller: "admin" },
    { path: "/system/sessions", body: { page_size: 25, sort_by: "total_cost" }, caller: "coordinator" },
    { path: "/system/sessions", body: { page_size: 25, page: 3, sort_by: "message_count" }, caller: "admin" },
    { path: "/system/session", body: { session_id: world.sessionId }, caller: "admin" },
    { path: "/system/group", body: { group_id: world.groupId, include_detail: true, message_limit: 100 }, caller: "admin" },
    { path: "/system/activity", body: world.month, caller: "coordinator" },
    { path: "/system/activity", body: {}, caller: "admin" },
    { path: "/system/groups", body: { page_size: 25 }, caller: "admin" },
    { path: "/system/pricing", body: {}, caller: "admin" },
    { path: "/system/sessions", body: { page_size: 25, profile_id: world.ta.profile_id }, caller: "ta" },
  ];
}

/** The unrelated call timed during the sign-in burst: a lean group read, a few milliseconds when idle. */
export function burstProbe(world: BenchWorld): { path: string; body: Record<string, unknown>; caller: Caller } {
  return { path: "/system/group", body: { group_id: world.groupId, include_detail: false }, caller: "admin" };
}
