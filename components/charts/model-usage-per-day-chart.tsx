"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatCountTick, formatMoneyTick } from "@/lib/dashboard/prepare";
import type { UsagePerDayView } from "@/lib/dashboard/prepare-charts";
import { formatMoney } from "@/lib/format/money";
import { formatInteger } from "@/lib/format/numbers";
import { ChartFigure } from "./chart-figure";
import { axisTick, chartHeight, ChartTooltipBox, gridProps, hoveredRow } from "./chart-parts";

type Row = UsagePerDayView["tokens"][number];

/** Tokens or cost per day, one stacked layer per model in the model's own colour. */
export function ModelUsagePerDayChart({ view, metric }: { view: UsagePerDayView; metric: "tokens" | "cost" }) {
  const isCost = metric === "cost";
  const title = isCost ? "Cost per day by model" : "Tokens per day by model";
  const data = isCost ? view.cost : view.tokens;
  // Exact strings for every number a person reads; floats only decide bar heights.
  const show = (day: string, key: string, row: Row) =>
    isCost ? formatMoney(view.exactCost[day]?.[key] ?? "0") : formatInteger(Number(row[key] ?? 0));
  const total = (day: string) => (isCost ? view.dayTotals[day]?.cost : view.dayTotals[day]?.tokens) ?? "";

  return (
    <ChartFigure
      id={`${metric}-per-day`}
      title={title}
      summary={isCost ? view.costSummary : view.tokensSummary}
      table={{
        columns: ["Day", ...view.models.map((m) => m.name), "Total"],
        rows: data.map((row) => ({ key: row.day, cells: [row.label, ...view.models.map((m) => show(row.day, m.key, row)), total(row.day)] })),
      }}
    >
      <BarChart
        responsive
        data={data}
        aria-label={title}
        style={{ width: "100%", height: chartHeight + 30 }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: "currentColor", strokeOpacity: 0.3 }} minTickGap={16} />
        <YAxis
          tick={axisTick}
          tickLine={false}
          axisLine={false}
          width={isCost ? 64 : 48}
          tickFormatter={isCost ? formatMoneyTick : formatCountTick}
        />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={(props) => {
            const row = hoveredRow<Row>(props);
            if (!row) return null;
            const lines = view.models
              .filter((m) => Number(row[m.key] ?? 0) > 0)
              .map((m) => ({ key: m.key, name: m.name, color: m.color, value: show(row.day, m.key, row) }));
            return <ChartTooltipBox title={row.label} lines={lines} footer={`Total ${total(row.day)}`} />;
          }}
        />
        {/* Legend in stack order (not recharts' alphabetical default), text in the body colour: model colours are for swatches, not for reading. */}
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          iconType="square"
          itemSorter={null}
          formatter={(name) => <span className="text-slate-700 dark:text-slate-200">{name}</span>}
        />
        {view.models.map((m) => (
          <Bar key={m.key} dataKey={m.key} name={m.name} stackId="models" fill={m.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
