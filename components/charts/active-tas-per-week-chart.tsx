"use client";

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import type { ActiveTasPerWeekView } from "@/lib/dashboard/prepare-charts";
import { formatInteger } from "@/lib/format/numbers";
import { ChartFigure } from "./chart-figure";
import { axisTick, chartHeight, ChartTooltipBox, gridProps, hoveredRow } from "./chart-parts";

type Row = ActiveTasPerWeekView["data"][number];
const color = "#d97706";

export function ActiveTasPerWeekChart({ view }: { view: ActiveTasPerWeekView }) {
  const title = "Active TAs per week";
  return (
    <ChartFigure
      id="active-tas-per-week"
      title={title}
      summary={view.summary}
      table={{ columns: ["Week", "Active TAs"], rows: view.data.map((w) => ({ key: w.week_start, cells: [w.title, formatInteger(w.active_tas)] })) }}
    >
      <BarChart
        responsive
        data={view.data}
        aria-label={title}
        style={{ width: "100%", height: chartHeight }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: "currentColor", strokeOpacity: 0.3 }} minTickGap={12} />
        <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={40} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={(props) => {
            const row = hoveredRow<Row>(props);
            return row ? (
              <ChartTooltipBox title={row.title} lines={[{ key: "a", name: "Active TAs", color, value: formatInteger(row.active_tas) }]} />
            ) : null;
          }}
        />
        {/* Partial weeks are drawn lighter: fewer days, so fewer TAs is expected, not a drop. */}
        <Bar dataKey="active_tas" name="Active TAs" fill={color} radius={[3, 3, 0, 0]} isAnimationActive={false}>
          {view.data.map((w) => (
            <Cell key={w.week_start} fillOpacity={w.partial ? 0.45 : 1} />
          ))}
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
