// Pure shaping for the Activity page: the summary cards, the per-profile table rows and their sort,
// and the follow-up list with the reason each TA is on it. Unit-tested beside this file.
import type { FollowUpResponse } from "@/lib/dashboard/schemas";
import { formatDay } from "@/lib/format/dates";
import { accessLevelLabels, taRoleLabels } from "@/lib/format/labels";
import { formatInteger } from "@/lib/format/numbers";
import type { ActivityResponse } from "./schemas";
import type { ActivitySortKey } from "./search-params";

/** Where a profile's sessions are listed: the Sessions page filtered to them (and to the same days, when given). */
export function sessionsHref(profileId: string, window: { date_from?: string; date_to?: string } = {}): string {
  const query = new URLSearchParams({ profile_id: profileId });
  if (window.date_from) query.set("date_from", window.date_from);
  if (window.date_to) query.set("date_to", window.date_to);
  return `/sessions?${query}`;
}

export interface SummaryCard {
  label: string;
  value: string;
}

export function prepareSummary(response: ActivityResponse): SummaryCard[] {
  return [
    { label: "Sessions", value: formatInteger(response.sessions_count) },
    { label: "Active profiles", value: formatInteger(response.active_profiles_count) },
    { label: "Logins", value: formatInteger(response.logins_count) },
    { label: "Failed logins", value: formatInteger(response.failed_logins_count) },
    { label: "Emulations", value: formatInteger(response.emulations_count) },
  ];
}

export interface ActivityRow {
  profile_id: string;
  profile_name: string;
  department_name: string | null;
  /** "Graduate TA"; for someone without a TA role, their access level ("Coordinator"). */
  ta_role: string;
  /** The role's rank for sorting: head, graduate, undergraduate, then the rest. */
  role_rank: number;
  /** Only TAs can be emulated ("View as"). */
  is_ta: boolean;
  sessions_count: number;
  logins_count: number;
  failed_logins_count: number;
  grants_count: number;
  problems_count: number;
  activity_count: number;
  sessions_href: string;
}

const roleRank = { head_ta: 0, graduate_ta: 1, undergraduate_ta: 2 } as const;

export function prepareActivityRows(response: ActivityResponse, window: { date_from?: string; date_to?: string } = {}): ActivityRow[] {
  return response.profile_summary.map((item) => {
    const resource = response.resources[item.profile_id];
    const role = resource?.ta_role ?? null;
    return {
      ...item,
      department_name: resource?.department_name ?? null,
      ta_role: role ? taRoleLabels[role] : resource ? accessLevelLabels[resource.access_level] : "—",
      role_rank: role ? roleRank[role] : 3,
      is_ta: resource?.access_level === "ta",
      sessions_href: sessionsHref(item.profile_id, window),
    };
  });
}

// One collation for the server and the browser, so the first paint and the hydrated table agree.
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * The table's order: by the chosen column, then by name (A–Z) and id, so equal rows never swap.
 * Missing departments sort last in either direction: an empty cell is never the most interesting one.
 */
export function sortActivityRows(rows: readonly ActivityRow[], sortBy: ActivitySortKey, order: "asc" | "desc"): ActivityRow[] {
  const sign = order === "asc" ? 1 : -1;
  const byName = (a: ActivityRow, b: ActivityRow) => collator.compare(a.profile_name, b.profile_name) || (a.profile_id < b.profile_id ? -1 : 1);
  const primary = (a: ActivityRow, b: ActivityRow): number => {
    switch (sortBy) {
      case "profile_name":
        return collator.compare(a.profile_name, b.profile_name);
      case "department_name":
        return collator.compare(a.department_name ?? "", b.department_name ?? "");
      case "ta_role":
        return a.role_rank - b.role_rank || collator.compare(a.ta_role, b.ta_role);
      default:
        return a[sortBy] - b[sortBy];
    }
  };
  return [...rows].sort((a, b) => {
    if (sortBy === "department_name" && (a.department_name === null) !== (b.department_name === null)) return a.department_name === null ? 1 : -1;
    return sign * primary(a, b) || byName(a, b);
  });
}

export interface FollowUpRow {
  profile_id: string;
  profile_name: string;
  department_name: string | null;
  ta_role: string;
  /** "Nov 3, 2026", or "Never" */
  last_session: string;
  last_session_at: string | null;
  /** Why they are on the list, in words: "No session for 23 days", "2 open problems". */
  reasons: { kind: "idle" | "open_problems"; text: string }[];
  sessions_href: string;
}

const dayMs = 86_400_000;

function countOf(n: number, one: string, many: string): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

export function prepareFollowUp(response: FollowUpResponse): FollowUpRow[] {
  const asOf = Date.parse(response.as_of);
  const daysSince = (iso: string) => Math.max(0, Math.floor((asOf - Date.parse(iso)) / dayMs));
  return response.items.map((item) => {
    const reasons: FollowUpRow["reasons"] = [];
    if (item.idle) {
      const text = item.last_session_at
        ? `No session for ${countOf(daysSince(item.last_session_at), "day", "days")}`
        : `No session yet (joined ${countOf(daysSince(item.joined_at), "day", "days")} ago)`;
      reasons.push({ kind: "idle", text });
    }
    if (item.open_problem_count > 0) reasons.push({ kind: "open_problems", text: countOf(item.open_problem_count, "open problem", "open problems") });
    return {
      profile_id: item.profile_id,
      profile_name: item.profile_name,
      department_name: item.department_name,
      ta_role: item.ta_role ? taRoleLabels[item.ta_role] : "TA",
      last_session: item.last_session_at ? formatDay(item.last_session_at) : "Never",
      last_session_at: item.last_session_at,
      reasons,
      sessions_href: sessionsHref(item.profile_id),
    };
  });
}
