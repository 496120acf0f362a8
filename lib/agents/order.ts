// The agents list's order (client-safe, pure): by one column, nulls last either way, ties by name
// then id. Exact decimals compare as decimals, never as floats.
import { compareDecimals } from "@/lib/format/decimal";
import type { AgentListItem, AgentSortKey } from "./schemas";

type Value = string | number | null;

const value: Record<AgentSortKey, (item: AgentListItem) => Value> = {
  name: (item) => item.name,
  kind: (item) => item.kind,
  session_count: (item) => item.session_count,
  run_count: (item) => item.run_count,
  total_tokens: (item) => item.total_tokens,
  total_cost: (item) => item.total_cost,
  avg_response_ms: (item) => item.avg_response_ms,
  error_rate: (item) => item.error_rate,
  last_used_at: (item) => item.last_used_at,
};

function compareValues(key: AgentSortKey, a: Value, b: Value): number {
  if (key === "total_cost") return compareDecimals(String(a), String(b));
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en");
}

export function compareAgents(key: AgentSortKey, order: "asc" | "desc"): (a: AgentListItem, b: AgentListItem) => number {
  const direction = order === "asc" ? 1 : -1;
  return (a, b) => {
    const [x, y] = [value[key](a), value[key](b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const compared = compareValues(key, x, y);
      if (compared !== 0) return compared * direction;
    }
    return a.name.localeCompare(b.name, "en") || a.agent_id.localeCompare(b.agent_id);
  };
}
