// Pure shaping of the dashboard answer for the KPI cards and charts: every label, number format,
// colour and summary sentence is decided here (and unit-tested), so the components only draw.
import { formatDay, formatShortDay } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { formatChange, formatCompact, formatInteger } from "@/lib/format/numbers";
import { addDays } from "./period";
import type { DashboardKpis, DashboardResponse } from "./schemas";

// ---------------------------------------------------------------------------------------------
// Window

/** "Nov 10 – Nov 22, 2026" (or "Dec 20, 2025 – Jan 5, 2026" across years); one day reads as a day. */
export function formatDayRange(firstDay: string, lastDay: string): string {
  if (firstDay === lastDay) return formatDay(firstDay);
  if (firstDay.slice(0, 4) === lastDay.slice(0, 4)) return `${formatShortDay(firstDay)} – ${formatDay(lastDay)}`;
  return `${formatDay(firstDay)} – ${formatDay(lastDay)}`;
}

export interface WindowView {
  /** "Nov 10 – Nov 22, 2026" */
  current: string;
  /** "Oct 28 – Nov 9, 2026" */
  previous: string;
  days: number;
}

export function prepareWindow(window: DashboardResponse["window"]): WindowView {
  const days = Math.round((Date.parse(`${window.last_day}T00:00:00Z`) - Date.parse(`${window.first_day}T00:00:00Z`)) / 86_400_000) + 1;
  const previousLast = addDays(window.first_day, -1);
  const previousFirst = window.previous_date_from.slice(0, 10);
  return { current: formatDayRange(window.first_day, window.last_day), previous: formatDayRange(previousFirst, previousLast), days };
}

// ---------------------------------------------------------------------------------------------
// KPI cards

export type KpiId = keyof DashboardKpis;
type Tone = "good" | "bad" | "neutral";

export interface ChangeView {
  direction: "up" | "down" | "flat";
  /** "+12%", "−3%", "0%", "new" */
  text: string;
  /** Whether the change is welcome: more sessions is good, more open problems is bad. */
  tone: Tone;
  /** The whole change in words, for screen readers and the tooltip: "Up 12% from 1,100 in the previous period". */
  description: string;
}

export interface KpiView {
  id: KpiId;
  label: string;
  /** For reading: "1.2M", "$3.41", "1,234". */
  value: string;
  /** Every digit, on hover: "1,234,567", "$3.4123". */
  exact: string;
  change: ChangeView;
}

interface KpiSpec {
  label: string;
  /** Which way is good news; tokens and cost are the price of training, neither good nor bad. */
  good: "up" | "down" | "neither";
  format: "integer" | "compact" | "money";
}

const kpiSpecs: Record<KpiId, KpiSpec> = {
  sessions: { label: "Sessions", good: "up", format: "integer" },
  active_tas: { label: "Active TAs", good: "up", format: "integer" },
  logins: { label: "Logins", good: "up", format: "integer" },
  emulations: { label: "Emulations", good: "neither", format: "integer" },
  tokens: { label: "Tokens", good: "neither", format: "compact" },
  cost: { label: "Cost", good: "neither", format: "money" },
  open_problems: { label: "Open problems", good: "down", format: "integer" },
};

export const kpiOrder: readonly KpiId[] = ["sessions", "active_tas", "logins", "emulations", "tokens", "cost", "open_problems"];

function formatValue(value: number | string, format: KpiSpec["format"]): { value: string; exact: string } {
  if (format === "money") return { value: formatMoney(String(value)), exact: formatMoney(String(value), { exact: true }) };
  const n = Number(value);
  return { value: format === "compact" ? formatCompact(n) : formatInteger(n), exact: formatInteger(n) };
}

/** Change from `previous` to `current`, in words a person and a screen reader can use. */
export function describeChange(current: number, previous: number, good: KpiSpec["good"], previousText: string): ChangeView {
  const direction = current > previous ? "up" : current < previous ? "down" : "flat";
  const text = formatChange(current, previous);
  const tone: Tone = direction === "flat" || good === "neither" ? "neutral" : direction === good ? "good" : "bad";
  const amount = text.replace(/^[+−]/, "");
  const description =
    direction === "flat"
      ? `No change from ${previousText} in the previous period`
      : previous === 0
        ? `${direction === "up" ? "Up" : "Down"} from none in the previous period`
        : `${direction === "up" ? "Up" : "Down"} ${amount} from ${previousText} in the previous period`;
  return { direction, text, tone, description };
}

export function prepareKpis(kpis: DashboardKpis): KpiView[] {
  return kpiOrder.map((id) => {
    const spec = kpiSpecs[id];
    const { current, previous } = kpis[id];
    const shown = formatValue(current, spec.format);
    const before = formatValue(previous, spec.format);
    // Percentages of money are fine as floats: they are rounded to whole percents for display.
    return { id, label: spec.label, ...shown, change: describeChange(Number(current), Number(previous), spec.good, before.value) };
  });
}

// ---------------------------------------------------------------------------------------------
// Colours

/**
 * One colour per model, the same on every chart and every visit: a model's name hashes to a slot
 * of the palette, and a clash within one chart moves the later name (by name order) to the next
 * free slot. Mid-tone hues that keep 3:1 against both the white and the slate-900 card.
 */
export const modelPalette = ["#6366f1", "#0d9488", "#d97706", "#db2777", "#0284c7", "#7c3aed", "#65a30d", "#dc2626", "#c026d3", "#ea580c"] as const;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export function modelColors(names: readonly string[]): Map<string, string> {
  const taken = new Set<number>();
  const colors = new Map<string, string>();
  for (const name of [...new Set(names)].sort()) {
    let slot = hash(name) % modelPalette.length;
    // Past the palette's size, colours repeat rather than loop forever.
    for (let tries = 0; taken.has(slot) && tries < modelPalette.length; tries++) slot = (slot + 1) % modelPalette.length;
    taken.add(slot);
    colors.set(name, modelPalette[slot] ?? modelPalette[0]);
  }
  return colors;
}

// ---------------------------------------------------------------------------------------------
// Tick formats (recharts hands ticks over as floats)

export const formatCountTick = (value: number): string => formatCompact(value);
/** A float tick as money: via fixed digits, so 1e-7 reads "$0.0000001" and 0.30000000000000004 "$0.30". */
export const formatMoneyTick = (value: number): string => formatMoney(value.toFixed(10));

// ---------------------------------------------------------------------------------------------
// Sessions per day

export interface DayPoint {
  day: string;
  /** "Nov 10" */
  label: string;
}

export interface SessionsPerDayView {
  data: (DayPoint & { sessions: number })[];
  summary: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
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
  const colors = modelColors(ordered.map(([, m]) => m.name));
  const keyOf = new Map(ordered.map(([id], i) => [id, `m${i}`]));
  const models = ordered.map(([id, m]) => ({ key: keyOf.get(id) ?? id, name: m.name, color: colors.get(m.name) ?? modelPalette[0] }));

  const tokens: UsagePerDayView["tokens"] = [];
  const cost: UsagePerDayView["cost"] = [];
  const exactCost: UsagePerDayView["exactCost"] = {};
  const dayTotals: UsagePerDayView["dayTotals"] = {};
  for (const day of rows) {
    const base = { day: day.day, label: formatShortDay(day.day) };
    const tokenRow: Record<string, number | string> = { ...base };
    const costRow: Record<string, number | string> = { ...base };
    const exact: Record<string, string> = {};
    for (const m of models) {
      tokenRow[m.key] = 0;
      costRow[m.key] = 0;
      exact[m.key] = "0";
    }
    for (const m of day.models) {
      const key = keyOf.get(m.model_id);
      if (!key) continue;
      tokenRow[key] = m.total_tokens;
      costRow[key] = Number(m.total_cost);
      exact[key] = m.total_cost;
    }
    tokens.push(tokenRow as DayPoint & Record<string, number | string>);
    cost.push(costRow as DayPoint & Record<string, number | string>);
    exactCost[day.day] = exact;
    dayTotals[day.day] = { tokens: formatInteger(day.total_tokens), cost: formatMoney(day.total_cost) };
  }

  const top = ordered[0]?.[1];
  const totalTokens = rows.reduce((sum, d) => sum + d.total_tokens, 0);
  const tokensSummary =
    totalTokens === 0 ? "No model runs in this period." : `${formatCompact(totalTokens)} tokens across ${plural(models.length, "model")}; ${top?.name} cost the most.`;
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

export function prepareCostByDepartment(rows: DashboardResponse["cost_by_department"]): DepartmentCostView {
  const data = rows.map((row) => ({
    key: row.department_id ?? "none",
    label: row.department_name ?? "No department",
    cost: Number(row.total_cost),
    exact: formatMoney(row.total_cost, { exact: true }),
    shown: formatMoney(row.total_cost),
    tokens: formatInteger(row.total_tokens),
  }));
  const first = data[0];
  const summary = first
    ? `${plural(data.length, "department")}; ${first.label} cost the most at ${first.shown}.`
    : "No model runs in this period.";
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
