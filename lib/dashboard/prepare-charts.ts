// Pure shaping of the dashboard's series for the charts: labels, keys, colours, exact tooltip
// values and the one-sentence summaries. The chart components only draw what this returns.
import { formatShortDay } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { formatCompact, formatInteger } from "@/lib/format/numbers";
import { addDecimal } from "@/lib/format/decimal";
import { addDays } from "./period";
import { modelColors, modelPalette, otherColor, plural, type DayPoint } from "./prepare";
import type { DashboardResponse } from "./schemas";

// ---------------------------------------------------------------------------------------------
// Sessions per day

export interface SessionsPerDayView {
  data: (DayPoint & { sessions: number })[];
  summary: string;
}

export function prepareSessionsPerDay(rows: DashboardResponse["sessions_per_day"]): SessionsPerDayView {
  const data = rows.map((row) => ({ day: row.day, label: formatShortDay(row.day), sessions: row.sessions }));
  const total = data.reduce((sum, d) => sum + d.sessions, 0);
  const peak = data.reduce<(typeof data)[number] | undefined>((best, d) => (!best || d.sessions > best.sessions ? d : best), undefined);
  const summary =
    total === 0 || !peak
      ? "No sessions in this period."
      : `${plural(total, "session")} over ${plural(data.length, "day")}; the busiest day was ${peak.label} with ${plural(peak.sessions, "session")}.`;
  return { data, summary };
}

// ---------------------------------------------------------------------------------------------
// Tokens and cost per day, stacked by model

export interface ModelSeries {
  /** The recharts dataKey: "m0", "m1", ... (model names may contain dots, which recharts reads as paths). */
  key: string;
  name: string;
  color: string;
}

export interface UsagePerDayView {
  models: ModelSeries[];
  /** One row per day: label plus each model key's tokens (0 when the model did not run). */
  tokens: (DayPoint & Record<string, number | string>)[];
  /** The same with dollars as floats, for drawing only. */
  cost: (DayPoint & Record<string, number | string>)[];
  /** Exact dollar strings per day and model key, for tooltips and the data table. */
  exactCost: Record<string, Record<string, string>>;
  /** Exact day totals: tokens formatted and cost as money. */
  dayTotals: Record<string, { tokens: string; cost: string }>;
  tokensSummary: string;
  costSummary: string;
}

/** More models than this and the smallest are folded into one "other models" layer: a legend of 27 entries reads as noise. */
export const maxModelSeries = 7;

export function prepareUsagePerDay(rows: DashboardResponse["usage_per_day"]): UsagePerDayView {
  // Models by total cost, most expensive first, so the biggest layer sits at the bottom of the stack.
  const perModel = new Map<string, { name: string; cost: number; tokens: number }>();
  for (const day of rows) {
    for (const m of day.models) {
      const entry = perModel.get(m.model_id) ?? { name: m.name, cost: 0, tokens: 0 };
      entry.cost += Number(m.total_cost);
      entry.tokens += m.total_tokens;
      perModel.set(m.model_id, entry);
    }
  }
  const ordered = [...perModel].sort(([, a], [, b]) => b.cost - a.cost || b.tokens - a.tokens || (a.name < b.name ? -1 : 1));
  const shown = ordered.length > maxModelSeries ? ordered.slice(0, maxModelSeries - 1) : ordered;
  const folded = ordered.length - shown.length;
  const colors = modelColors(shown.map(([, m]) => m.name));
  const keyOf = new Map(ordered.map(([id], i) => [id, i < shown.length ? `m${i}` : "other"]));
  const models: ModelSeries[] = shown.map(([id, m]) => ({ key: keyOf.get(id) ?? id, name: m.name, color: colors.get(m.name) ?? modelPalette[0] }));
  if (folded > 0) models.push({ key: "other", name: `${plural(folded, "other model")}`, color: otherColor });

  const tokens: UsagePerDayView["tokens"] = [];
  const cost: UsagePerDayView["cost"] = [];
  const exactCost: UsagePerDayView["exactCost"] = {};
  const dayTotals: UsagePerDayView["dayTotals"] = {};
  for (const day of rows) {
    const base = { day: day.day, label: formatShortDay(day.day) };
    const tokenRow: Record<string, number> = {};
    const costRow: Record<string, number> = {};
    const exact: Record<string, string> = {};
    for (const m of models) {
      tokenRow[m.key] = 0;
      costRow[m.key] = 0;
      exact[m.key] = "0";
    }
    for (const m of day.models) {
      const key = keyOf.get(m.model_id);
      if (!key) continue;
      tokenRow[key] = (tokenRow[key] ?? 0) + m.total_tokens;
      costRow[key] = (costRow[key] ?? 0) + Number(m.total_cost);
      exact[key] = addDecimal(exact[key] ?? "0", m.total_cost);
    }
    tokens.push({ ...tokenRow, ...base });
    cost.push({ ...costRow, ...base });
    exactCost[day.day] = exact;
    dayTotals[day.day] = { tokens: formatInteger(day.total_tokens), cost: formatMoney(day.total_cost) };
  }

  const top = ordered[0]?.[1];
  const totalTokens = rows.reduce((sum, d) => sum + d.total_tokens, 0);
  const tokensSummary =
    totalTokens === 0
      ? "No model runs in this period."
      : `${formatCompact(totalTokens)} tokens across ${plural(ordered.length, "model")}; ${top?.name} cost the most.`;
  const costSummary =
    totalTokens === 0
      ? "No model runs in this period."
      : `Daily cost by model over ${plural(rows.length, "day")}; ${top?.name} cost the most (${formatMoney((top?.cost ?? 0).toFixed(10))}).`;
  return { models, tokens, cost, exactCost, dayTotals, tokensSummary, costSummary };
}

// ---------------------------------------------------------------------------------------------
// Cost by department

export interface DepartmentCostView {
  data: { key: string; label: string; cost: number; exact: string; shown: string; tokens: string }[];
  summary: string;
}

/** More departments than this and the cheapest are folded into one "other departments" bar. */
export const maxDepartmentBars = 12;

export function prepareCostByDepartment(rows: DashboardResponse["cost_by_department"]): DepartmentCostView {
  const bar = (key: string, label: string, totalCost: string, totalTokens: number) => ({
    key,
    label,
    cost: Number(totalCost),
    exact: formatMoney(totalCost, { exact: true }),
    shown: formatMoney(totalCost),
    tokens: formatInteger(totalTokens),
  });
  // The API answers most expensive first, so the folded rest is the cheapest.
  const shown = rows.length > maxDepartmentBars ? rows.slice(0, maxDepartmentBars - 1) : rows;
  const rest = rows.slice(shown.length);
  const data = shown.map((row) => bar(row.department_id ?? "none", row.department_name ?? "No department", row.total_cost, row.total_tokens));
  if (rest.length) {
    const restCost = rest.reduce((sum, row) => addDecimal(sum, row.total_cost), "0");
    data.push(
      bar(
        "other",
        plural(rest.length, "other department"),
        restCost,
        rest.reduce((sum, row) => sum + row.total_tokens, 0),
      ),
    );
  }
  const first = data[0];
  const summary = first ? `${plural(rows.length, "department")}; ${first.label} cost the most at ${first.shown}.` : "No model runs in this period.";
  return { data, summary };
}

// ---------------------------------------------------------------------------------------------
// Active TAs per week

export interface WeekPoint {
  week_start: string;
  /** "Nov 16": the axis tick. */
  label: string;
  /** "Week of Nov 16", with " (partial)" when the window covers only part of the week. */
  title: string;
  active_tas: number;
  partial: boolean;
}

export interface ActiveTasPerWeekView {
  data: WeekPoint[];
  summary: string;
}

export function prepareActiveTasPerWeek(
  rows: DashboardResponse["active_tas_per_week"],
  window: Pick<DashboardResponse["window"], "first_day" | "last_day">,
): ActiveTasPerWeekView {
  const data = rows.map((row) => {
    const partial = row.week_start < window.first_day || addDays(row.week_start, 6) > window.last_day;
    const label = formatShortDay(row.week_start);
    return { week_start: row.week_start, label, title: `Week of ${label}${partial ? " (partial)" : ""}`, active_tas: row.active_tas, partial };
  });
  const busiest = data.reduce<WeekPoint | undefined>((best, w) => (!best || w.active_tas > best.active_tas ? w : best), undefined);
  const summary =
    !busiest || busiest.active_tas === 0
      ? "No TA had a session in this period."
      : `Most active: the week of ${busiest.label} with ${plural(busiest.active_tas, "active TA")}.${data.some((w) => w.partial) ? " Weeks marked partial lie only partly inside the period." : ""}`;
  return { data, summary };
}
