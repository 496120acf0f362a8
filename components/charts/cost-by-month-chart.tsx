"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoneyTick } from "@/lib/dashboard/prepare";
import type { PricingChartsView } from "@/lib/groups/prepare-pricing";
import { ChartFigure } from "./chart-figure";
import { axisTick, chartHeight, ChartTooltipBox, gridProps, hoveredRow } from "./chart-parts";

type Row = PricingChartsView["byMonth"]["months"][number];

/** Cost per UTC month, stacked by model; months without runs stay on the axis as zero. */
export function CostByMonthChart({ view }: { view: PricingChartsView["byMonth"] }) {
  const title = "Cost by month";
  // The legend lists the models in stacking order (bottom first, "other models" last), not by name.
  const order = new Map(view.series.map((s, i) => [s.name, i]));
  return (
    <ChartFigure
      id="cost-by-month"
      title={title}
      summary={view.summary}
      table={{
        columns: ["Month", ...view.series.map((s) => s.name), "Total"],
        rows: view.months.map((row) => ({
          key: row.month,
          cells: [row.label, ...view.series.map((s) => row.labels[s.model_id] ?? "$0.00"), row.total_label],
        })),
      }}
    >
      {view.months.length === 0 ? (
        <p className="py-16 text-center text-sm">No runs match these filters. Widen the date range or clear the department filter.</p>
      ) : (
        <BarChart
          responsive
          data={view.months}
          aria-label={title}
          style={{ width: "100%", height: chartHeight + 30 }}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: "currentColor", strokeOpacity: 0.3 }} minTickGap={12} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} width={64} tickFormatter={formatMoneyTick} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={(props) => {
              const row = hoveredRow<Row>(props);
              if (!row) return null;
              const lines = view.series
                .filter((s) => (row.values[s.model_id] ?? 0) > 0)
                .map((s) => ({ key: s.model_id, name: s.name, color: s.color, value: row.labels[s.model_id] ?? "" }));
              return <ChartTooltipBox title={row.label} lines={lines} footer={`Total ${row.total_label}`} />;
            }}
          />
          <Legend
            wrapperStyle={{ fontSize: 12, color: "currentColor" }}
            iconType="square"
            itemSorter={(item) => order.get(String(item.value)) ?? 0}
          />
          {view.series.map((s) => (
            <Bar
              key={s.model_id}
              dataKey={(row: Row) => row.values[s.model_id] ?? 0}
              name={s.name}
              stackId="models"
              fill={s.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      )}
    </ChartFigure>
  );
}
