"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { AgentUsageBucket, AgentUsageView } from "@/lib/agents/prepare";
import { formatCountTick } from "@/lib/dashboard/prepare";
import { formatInteger } from "@/lib/format/numbers";
import { ChartFigure } from "./chart-figure";
import { axisTick, chartHeight, ChartTooltipBox, gridProps, hoveredRow } from "./chart-parts";

const colors = { runs: "#6366f1", failed: "#dc2626" };

/** One agent's runs per day (or month), failed runs stacked on top in red. */
export function AgentUsageChart({ view }: { view: AgentUsageView }) {
  const title = view.grain === "day" ? "Runs per day" : "Runs per month";
  return (
    <ChartFigure
      id="agent-usage"
      title={title}
      summary={view.summary}
      table={{
        columns: [view.grain === "day" ? "Day" : "Month", "Runs", "Failed", "Sessions", "Cost"],
        rows: view.buckets.map((b) => ({
          key: b.key,
          cells: [b.label, formatInteger(b.succeeded_or_other + b.failed), formatInteger(b.failed), formatInteger(b.sessions), b.cost_label],
        })),
      }}
    >
      {view.buckets.length === 0 ? (
        <p className="py-16 text-center text-sm">No runs of this agent match these filters.</p>
      ) : (
        <BarChart
          responsive
          data={view.buckets}
          aria-label={title}
          style={{ width: "100%", height: chartHeight }}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: "currentColor", strokeOpacity: 0.3 }} minTickGap={16} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={40} tickFormatter={formatCountTick} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={(props) => {
              const row = hoveredRow<AgentUsageBucket>(props);
              return row ? (
                <ChartTooltipBox
                  title={row.label}
                  lines={[
                    { key: "runs", name: "Runs", color: colors.runs, value: formatInteger(row.succeeded_or_other + row.failed) },
                    { key: "failed", name: "Failed", color: colors.failed, value: formatInteger(row.failed) },
                  ]}
                  footer={`${formatInteger(row.sessions)} new sessions · ${row.cost_label}`}
                />
              ) : null;
            }}
          />
          <Bar dataKey="succeeded_or_other" name="Runs" stackId="runs" fill={colors.runs} isAnimationActive={false} />
          <Bar dataKey="failed" name="Failed" stackId="runs" fill={colors.failed} isAnimationActive={false} />
        </BarChart>
      )}
    </ChartFigure>
  );
}
