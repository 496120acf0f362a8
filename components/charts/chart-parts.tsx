"use client";

import type { TooltipContentProps, TooltipValueType } from "recharts";

// Shared look of the dashboard's recharts: axis text and grid follow the surrounding text colour
// (set per theme by ChartFigure), so nothing needs a theme prop.
export const axisTick = { fill: "currentColor", fontSize: 12 } as const;
export const gridProps = { stroke: "currentColor", strokeOpacity: 0.15, vertical: false } as const;
export const chartHeight = 260;

export interface TooltipLine {
  key: string;
  name: string;
  color: string;
  value: string;
}

/** A tooltip box that reads well in both themes; the chart decides the lines. */
export function ChartTooltipBox({ title, lines, footer }: { title: string; lines: TooltipLine[]; footer?: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <p className="mb-1 font-semibold">{title}</p>
      <ul className="space-y-0.5">
        {lines.map((line) => (
          <li key={line.key} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: line.color }} />
            <span className="flex-1">{line.name}</span>
            <span className="tabular-nums font-medium">{line.value}</span>
          </li>
        ))}
      </ul>
      {footer ? <p className="mt-1 border-t border-slate-200 pt-1 font-medium dark:border-slate-700">{footer}</p> : null}
    </div>
  );
}

/** The data row under the pointer (recharts puts it on every payload entry). */
export function hoveredRow<Row>(props: TooltipContentProps<TooltipValueType, string | number>): Row | undefined {
  if (!props.active) return undefined;
  return props.payload?.[0]?.payload as Row | undefined;
}
