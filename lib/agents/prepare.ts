// Pure shaping for the Agents pages (client-safe): the cost-by-agent bars and an agent's runs over
// time, with the sentences that say what they show. components/agents and components/charts draw.
import { modelColors } from "@/lib/dashboard/prepare";
import { addDecimal, sumDecimals } from "@/lib/format/decimal";
import { formatMoney } from "@/lib/format/money";
import { costBar, type CostBarsView } from "@/lib/groups/prepare-pricing";
import type { AgentDay, AgentListItem } from "./schemas";

/** Cost per agent, most expensive first; agents without runs in the window are left out of the bars. */
export function agentCostBars(items: readonly AgentListItem[]): CostBarsView {
  const used = [...items]
    .filter((item) => item.run_count > 0)
    .sort((a, b) => Number(b.total_cost) - Number(a.total_cost) || a.name.localeCompare(b.name));
  const colors = modelColors(used.map((item) => item.name));
  const bars = used.map((item) =>
    costBar(
      { id: item.agent_id, name: item.name, total_cost: item.total_cost, total_tokens: item.total_tokens, run_count: item.run_count },
      colors.get(item.name) ?? "#6366f1",
    ),
  );
  const top = used[0];
  const summary = top
    ? `${formatMoney(sumDecimals(used.map((item) => item.total_cost)))} across ${used.length} ${used.length === 1 ? "agent" : "agents"}; ${top.name} cost the most (${formatMoney(top.total_cost)}).`
    : "No agent ran in this window.";
  return { bars, table: bars, summary };
}

export interface AgentUsageBucket {
  /** The bucket's first day, "YYYY-MM-DD". */
  key: string;
  label: string;
  succeeded_or_other: number;
  failed: number;
  sessions: number;
  cost_label: string;
}

export interface AgentUsageView {
  grain: "day" | "month";
  buckets: AgentUsageBucket[];
  summary: string;
}

/** Days past which the chart shows months: a bar per day stops being readable. */
export const maxDailyBars = 92;

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** An agent's runs (failed ones apart) per day, or per month over a long span, empty days included. */
export function agentUsageView(days: readonly AgentDay[]): AgentUsageView {
  if (!days.length) return { grain: "day", buckets: [], summary: "No runs in this window." };
  const first = Date.parse(`${days[0]!.day}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1]!.day}T00:00:00Z`);
  const grain = (last - first) / 86_400_000 + 1 > maxDailyBars ? "month" : "day";
  const keyOf = (day: string) => (grain === "day" ? day : `${day.slice(0, 7)}-01`);
  const totals = new Map<string, { runs: number; failed: number; sessions: number; cost: string }>();
  for (const day of days) {
    const key = keyOf(day.day);
    const sum = totals.get(key) ?? { runs: 0, failed: 0, sessions: 0, cost: "0" };
    totals.set(key, {
      runs: sum.runs + day.run_count,
      failed: sum.failed + day.failed_run_count,
      sessions: sum.sessions + day.session_count,
      cost: addDecimal(sum.cost, day.total_cost),
    });
  }
  const buckets: AgentUsageBucket[] = [];
  for (
    let at = new Date(first);
    at.getTime() <= last;
    grain === "day" ? at.setUTCDate(at.getUTCDate() + 1) : at.setUTCMonth(at.getUTCMonth() + 1, 1)
  ) {
    const key = keyOf(at.toISOString().slice(0, 10));
    const sum = totals.get(key) ?? { runs: 0, failed: 0, sessions: 0, cost: "0" };
    const label = grain === "day" ? dayFormat.format(at) : monthFormat.format(at);
    buckets.push({
      key,
      label,
      succeeded_or_other: sum.runs - sum.failed,
      failed: sum.failed,
      sessions: sum.sessions,
      cost_label: formatMoney(sum.cost),
    });
  }
  const runs = days.reduce((n, day) => n + day.run_count, 0);
  const failed = days.reduce((n, day) => n + day.failed_run_count, 0);
  const span = `${buckets[0]!.label} to ${buckets[buckets.length - 1]!.label}`;
  return {
    grain,
    buckets,
    summary: `${runs.toLocaleString("en-US")} runs from ${span}, ${failed.toLocaleString("en-US")} of them failed, per ${grain}.`,
  };
}
