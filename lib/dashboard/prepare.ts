// Pure shaping of the dashboard answer for the KPI cards (the charts' series are in
// prepare-charts.ts): every label, number format and sentence is decided here and unit-tested.
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
// Colours (the Pricing page uses the same ones, so a model looks the same everywhere)

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

/** The colour of the "other models" layer: a neutral grey, so it never reads as one more model. */
export const otherColor = "#64748b";

// ---------------------------------------------------------------------------------------------
// Tick formats (recharts hands ticks over as floats)

export const formatCountTick = (value: number): string => formatCompact(value);
/** A float tick as money: via fixed digits, so 1e-7 reads "$0.0000001" and 0.30000000000000004 "$0.30". */
export const formatMoneyTick = (value: number): string => formatMoney(value.toFixed(10));

// ---------------------------------------------------------------------------------------------
// Shared by the chart preparations (lib/dashboard/prepare-charts.ts)

export interface DayPoint {
  day: string;
  /** "Nov 10" */
  label: string;
}

/** "1 session", "1,234 sessions" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}
