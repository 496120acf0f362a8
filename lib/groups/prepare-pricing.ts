// Pure shaping for the Pricing page: chart series and their labels, month buckets, the model price
// history. Every decision is here and unit-tested; components/charts and components/pricing only draw.
import { modelColors, modelPalette } from "@/lib/dashboard/prepare";
import { sumDecimals } from "@/lib/format/decimal";
import { formatMoney } from "@/lib/format/money";
import type { PricingResponse } from "./schemas";

/** Each model's colour, the same as on the dashboard's charts (chosen there by model name). */
export function pricingColors(models: ReadonlyArray<{ model_id: string; name: string }>): Record<string, string> {
  const byName = modelColors(models.map((model) => model.name));
  return Object.fromEntries(models.map((model) => [model.model_id, byName.get(model.name) ?? modelPalette[0]]));
}

const monthFormat = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "2026-05" → "May 2026" (UTC months, as the API buckets them). */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** Every month from `first` to `last` inclusive ("YYYY-MM"), so a month without runs shows as zero. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split("-").map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** One bar of a cost-by-item chart (a model on Pricing, an agent on Agents). */
export interface CostBar {
  id: string;
  name: string;
  /** The name cut to fit the axis; the tooltip and the data table show it whole. */
  axis_label: string;
  /** For the bar's length only; labels come from the exact string. */
  cost: number;
  cost_label: string;
  exact_cost_label: string;
  total_tokens: number;
  run_count: number;
  color: string;
}

export function costByModelBars(rows: PricingResponse["cost_by_model"], colors: Record<string, string>): CostBar[] {
  return rows.map((row) => costBar({ ...row, id: row.model_id }, colors[row.model_id] ?? modelPalette[0]));
}

export function costBar(row: { id: string; name: string; total_cost: string; total_tokens: number; run_count: number }, color: string): CostBar {
  return {
    id: row.id,
    name: row.name,
    axis_label: row.name.length > 16 ? `${row.name.slice(0, 15)}…` : row.name,
    cost: Number(row.total_cost),
    cost_label: formatMoney(row.total_cost),
    exact_cost_label: formatMoney(row.total_cost, { exact: true }),
    total_tokens: row.total_tokens,
    run_count: row.run_count,
    color,
  };
}

export interface MonthSeries {
  model_id: string;
  name: string;
  color: string;
}

export interface MonthRow {
  month: string;
  label: string;
  /** Per model, for the stacked bars' heights. */
  values: Record<string, number>;
  /** Per model, exact amounts formatted for the tooltip and the data table. */
  labels: Record<string, string>;
  total_label: string;
}

/**
 * Cost by month stacked by model: one row per month from the first to the last month with runs (gaps
 * filled with zeros), one series per model that cost anything in the window, in the models' order.
 */
export function costByMonthStack(
  rows: PricingResponse["cost_by_month"],
  models: ReadonlyArray<{ model_id: string; name: string }>,
  colors: Record<string, string>,
): { months: MonthRow[]; series: MonthSeries[] } {
  if (rows.length === 0) return { months: [], series: [] };
  const used = new Set(rows.map((row) => row.model_id));
  const series = models
    .filter((model) => used.has(model.model_id))
    .map((model) => ({ model_id: model.model_id, name: model.name, color: colors[model.model_id] ?? modelPalette[0] }));
  const sorted = rows.map((row) => row.month).sort();
  const months = monthsBetween(sorted[0]!, sorted[sorted.length - 1]!).map((month) => {
    const inMonth = rows.filter((row) => row.month === month);
    const values: Record<string, number> = {};
    const labels: Record<string, string> = {};
    for (const { model_id } of series) {
      const amount = inMonth.filter((row) => row.model_id === model_id).map((row) => row.total_cost);
      const total = amount.length ? sumDecimals(amount) : "0";
      values[model_id] = Number(total);
      labels[model_id] = formatMoney(total);
    }
    return { month, label: monthLabel(month), values, labels, total_label: formatMoney(sumDecimals(inMonth.map((row) => row.total_cost))) };
  });
  return { months, series };
}

export type PriceStatus = "current" | "past" | "scheduled";

export interface PriceRow {
  effective_from: string;
  /** The next price's start, when this one was (or will be) replaced. */
  until: string | null;
  input: string;
  cached_input: string;
  output: string;
  currency: string;
  status: PriceStatus;
}

export interface ModelPriceHistory {
  model_id: string;
  name: string;
  provider: string;
  /** Newest first. */
  prices: PriceRow[];
}

/**
 * Each model's prices newest first. The current one is the latest that took effect by `now`; later
 * ones are scheduled. Per-million prices are shown with every digit: $0.025 must not read as $0.03.
 */
export function priceHistory(models: PricingResponse["models"], now: Date): ModelPriceHistory[] {
  return models.map((model) => {
    const oldestFirst = [...model.prices].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
    const started = oldestFirst.filter((price) => new Date(price.effective_from) <= now);
    const current = started[started.length - 1];
    const rows = oldestFirst.map((price, i): PriceRow => ({
      effective_from: price.effective_from,
      until: oldestFirst[i + 1]?.effective_from ?? null,
      input: formatMoney(price.input_per_million, { exact: true }),
      cached_input: formatMoney(price.cached_input_per_million, { exact: true }),
      output: formatMoney(price.output_per_million, { exact: true }),
      currency: price.currency,
      status: price === current ? "current" : new Date(price.effective_from) > now ? "scheduled" : "past",
    }));
    return { model_id: model.model_id, name: model.name, provider: model.provider, prices: rows.reverse() };
  });
}

/** The colour of the "other models" bar and layer: neutral, so it never reads as one more model. */
export const otherModelsColor = "#64748b";
export const otherModelsId = "other";

type ChartInput = Pick<PricingResponse, "models" | "cost_by_model" | "cost_by_month">;

/**
 * With many models the bars and the legend become unreadable: keep the `limit - 1` most expensive
 * models of the window and fold the rest into one "N other models" entry (exact sums, per month too).
 */
export function foldOtherModels(pricing: ChartInput, limit: number): ChartInput {
  if (pricing.cost_by_model.length <= limit) return pricing;
  const kept = pricing.cost_by_model.slice(0, limit - 1);
  const folded = pricing.cost_by_model.slice(limit - 1);
  const keptIds = new Set(kept.map((row) => row.model_id));
  const name = `${folded.length} other models`;
  const other = {
    model_id: otherModelsId,
    name,
    total_cost: sumDecimals(folded.map((row) => row.total_cost)),
    total_tokens: folded.reduce((sum, row) => sum + row.total_tokens, 0),
    run_count: folded.reduce((sum, row) => sum + row.run_count, 0),
  };
  return {
    models: [...pricing.models.filter((model) => keptIds.has(model.model_id)), { model_id: otherModelsId, name, provider: "", prices: [] }],
    cost_by_model: [...kept, other],
    cost_by_month: pricing.cost_by_month.map((row) => (keptIds.has(row.model_id) ? row : { ...row, model_id: otherModelsId })),
  };
}

export interface PricingChartsView {
  /** `bars` may fold the cheapest models into one; `table` lists every model for the data table. */
  byModel: CostBarsView;
  byMonth: { months: MonthRow[]; series: MonthSeries[]; summary: string };
}

export interface CostBarsView {
  bars: CostBar[];
  /** Every item, also those folded into "Other" in the bars. */
  table: CostBar[];
  summary: string;
}

/** Both pricing charts with the one-sentence summaries that say what the bars show. */
export function pricingCharts(all: ChartInput, limit = 8): PricingChartsView {
  // Colours come from every model, so a model keeps its colour whether or not others are folded.
  const colors = { ...pricingColors(all.models), [otherModelsId]: otherModelsColor };
  const pricing = foldOtherModels(all, limit);
  const bars = costByModelBars(pricing.cost_by_model, colors);
  const total = sumDecimals(pricing.cost_by_model.map((row) => row.total_cost));
  const top = all.cost_by_model[0];
  const count = all.cost_by_model.length;
  const byModelSummary = top
    ? `${formatMoney(total)} across ${count} ${count === 1 ? "model" : "models"}; ${top.name} cost the most (${formatMoney(top.total_cost)}).`
    : "No runs in this window.";

  const { months, series } = costByMonthStack(pricing.cost_by_month, pricing.models, colors);
  const monthTotals = months.map((row) => ({
    row,
    total: sumDecimals(pricing.cost_by_month.filter((c) => c.month === row.month).map((c) => c.total_cost)),
  }));
  const peak = monthTotals.reduce<(typeof monthTotals)[number] | undefined>(
    (best, item) => (!best || Number(item.total) > Number(best.total) ? item : best),
    undefined,
  );
  const byMonthSummary =
    months.length && peak
      ? `${months[0]!.label} to ${months[months.length - 1]!.label}; the most expensive month was ${peak.row.label} (${peak.row.total_label}).`
      : "No runs in this window.";
  return {
    byModel: { bars, table: costByModelBars(all.cost_by_model, colors), summary: byModelSummary },
    byMonth: { months, series, summary: byMonthSummary },
  };
}
