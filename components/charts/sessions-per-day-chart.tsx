"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatCountTick } from "@/lib/dashboard/prepare";
import type { SessionsPerDayView } from "@/lib/dashboard/prepare-charts";
import { formatInteger } from "@/lib/format/numbers";
import { ChartFigure } from "./chart-figure";
import { axisTick, chartHeight, ChartTooltipBox, gridProps, hoveredRow } from "./chart-parts";

type Row = SessionsPerDayView["data"][number];
const color = "#6366f1";

export function SessionsPerDayChart({ view }: { view: SessionsPerDayView }) {
  const title = "Sessions per day";
  return (
    <ChartFigure
      id="sessions-per-day"
      title={title}
      summary={view.summary}
      table={{ columns: ["Day", "Sessions"], rows: view.data.map((d) => ({ key: d.day, cells: [d.label, formatInteger(d.sessions)] })) }}
    >
      <BarChart
        responsive
        data={view.data}
        aria-label={title}
        style={{ width: "100%", height: chartHeight }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: "currentColor", strokeOpacity: 0.3 }} minTickGap={16} />
        <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={40} tickFormatter={formatCountTick} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={(props) => {
            const row = hoveredRow<Row>(props);
            return row ? (
              <ChartTooltipBox title={row.label} lines={[{ key: "s", name: "Sessions", color, value: formatInteger(row.sessions) }]} />
            ) : null;
          }}
        />
        <Bar dataKey="sessions" name="Sessions" fill={color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
