"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoneyTick } from "@/lib/dashboard/prepare";
import type { DepartmentCostView } from "@/lib/dashboard/prepare-charts";
import { ChartFigure } from "./chart-figure";
import { axisTick, ChartTooltipBox, gridProps, hoveredRow } from "./chart-parts";

type Row = DepartmentCostView["data"][number];
const color = "#0d9488";

/** Horizontal bars, most expensive department on top: long names stay readable on a phone. */
export function CostByDepartmentChart({ view }: { view: DepartmentCostView }) {
  const title = "Cost by department";
  const height = Math.max(120, view.data.length * 40 + 40);
  return (
    <ChartFigure
      id="cost-by-department"
      title={title}
      summary={view.summary}
      table={{ columns: ["Department", "Cost", "Tokens"], rows: view.data.map((d) => ({ key: d.key, cells: [d.label, d.exact, d.tokens] })) }}
    >
      <BarChart
        responsive
        layout="vertical"
        data={view.data}
        aria-label={title}
        style={{ width: "100%", height }}
        margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...gridProps} vertical horizontal={false} />
        <XAxis
          type="number"
          tick={axisTick}
          tickLine={false}
          axisLine={{ stroke: "currentColor", strokeOpacity: 0.3 }}
          tickFormatter={formatMoneyTick}
        />
        <YAxis type="category" dataKey="label" tick={axisTick} tickLine={false} axisLine={false} width={120} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={(props) => {
            const row = hoveredRow<Row>(props);
            return row ? (
              <ChartTooltipBox title={row.label} lines={[{ key: "c", name: "Cost", color, value: row.exact }]} footer={`${row.tokens} tokens`} />
            ) : null;
          }}
        />
        <Bar dataKey="cost" name="Cost" fill={color} radius={[0, 3, 3, 0]} isAnimationActive={false} barSize={22} />
      </BarChart>
    </ChartFigure>
  );
}
