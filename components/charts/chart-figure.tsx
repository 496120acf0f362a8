import type { ReactNode } from "react";

export interface ChartDataTable {
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

/**
 * The frame of every chart: a heading, the chart, a one-sentence summary everyone can read, and the
 * numbers as a table for screen readers (a picture of bars says nothing to them).
 */
export function ChartFigure({
  id,
  title,
  summary,
  table,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  table: ChartDataTable;
  children: ReactNode;
}) {
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="relative min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <figcaption className="mt-1 text-sm text-slate-600 dark:text-slate-300">{summary}</figcaption>
      {/* Axis text inherits this colour (fill="currentColor"), so it keeps its contrast in both themes. */}
      <div className="mt-3 text-slate-600 dark:text-slate-300 [&_svg:focus-visible]:outline-2 [&_svg:focus-visible]:outline-offset-2 [&_svg:focus-visible]:outline-indigo-600 [&_svg]:outline-none">
        {children}
      </div>
      {/* sr-only on a wrapper: a <table> sizes to its content and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
