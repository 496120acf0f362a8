"use client";

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoneyTick } from "@/lib/dashboard/prepare";
import { formatCompact, formatInteger } from "@/lib/format/numbers";
import type { CostBar, CostBarsView } from "@/lib/groups/prepare-pricing";
import { ChartFigure } from "./chart-figure";
import { axisTick, ChartTooltipBox, gridProps, hoveredRow } from "./chart-parts";

/**
 * The window's cost per item (a model, an agent) as horizontal bars, long names still readable,
 * most expensive first.
 */
export function CostBarsChart({
  id,
  title,
  itemLabel,
  empty,
  view,
}: {
  id: string;
  title: string;
  itemLabel: string;
  empty: string;
  view: CostBarsView;
}) {
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={view.summary}
      table={{
        columns: [itemLabel, "Cost", "Tokens", "Runs"],
        rows: view.table.map((bar) => ({
          key: bar.id,
          cells: [bar.name, bar.exact_cost_label, formatInteger(bar.total_tokens), formatInteger(bar.run_count)],
        })),
      }}
    >
      {view.bars.length === 0 ? (
        <p className="py-16 text-center text-sm">{empty}</p>
      ) : (
        <BarChart
          responsive
          layout="vertical"
          data={view.bars}
          aria-label={title}
          style={{ width: "100%", height: Math.max(160, view.bars.length * 34 + 40) }}
          margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid {...gridProps} vertical horizontal={false} />
          <XAxis
            type="number"
            tick={axisTick}
            tickLine={false}
            axisLine={{ stroke: "currentColor", strokeOpacity: 0.3 }}
            tickFormatter={formatMoneyTick}
          />
          <YAxis type="category" dataKey="axis_label" tick={axisTick} tickLine={false} axisLine={false} width={136} interval={0} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={(props) => {
              const row = hoveredRow<CostBar>(props);
              if (!row) return null;
              return (
                <ChartTooltipBox
                  title={row.name}
                  lines={[{ key: "cost", name: "Cost", color: row.color, value: row.exact_cost_label }]}
                  footer={`${formatCompact(row.total_tokens)} tokens · ${formatInteger(row.run_count)} runs`}
                />
              );
            }}
          />
          <Bar dataKey="cost" name="Cost" radius={[0, 3, 3, 0]} barSize={20} isAnimationActive={false}>
            {view.bars.map((bar) => (
              <Cell key={bar.id} fill={bar.color} />
            ))}
          </Bar>
        </BarChart>
      )}
    </ChartFigure>
  );
}
