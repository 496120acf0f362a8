import type { ChangeView, KpiView } from "@/lib/dashboard/prepare";

const toneClass: Record<ChangeView["tone"], string> = {
  good: "text-emerald-700 dark:text-emerald-300",
  bad: "text-red-700 dark:text-red-300",
  neutral: "text-slate-600 dark:text-slate-300",
};

const arrow: Record<ChangeView["direction"], string> = { up: "▲", down: "▼", flat: "▶" };

/** The period's key figures, each with its change against the previous period in arrow, sign and words. */
export function KpiCards({ kpis, previousLabel }: { kpis: KpiView[]; previousLabel: string }) {
  return (
    <ul aria-label="Key figures" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-7">
      {kpis.map((kpi) => (
        <li
          key={kpi.id}
          data-kpi={kpi.id}
          className="flex flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <p className="text-sm text-slate-600 dark:text-slate-300">{kpi.label}</p>
          {/* mt-auto: a label that wraps in a narrow card must not push its number out of line with the others. */}
          <p data-kpi-value className="mt-auto pt-1 text-2xl font-semibold tabular-nums" title={kpi.exact}>
            {kpi.value}
          </p>
          <p className={`mt-1 text-xs font-medium ${toneClass[kpi.change.tone]}`} title={`${kpi.change.description} (${previousLabel})`}>
            <span aria-hidden>{arrow[kpi.change.direction]} </span>
            <span aria-hidden data-kpi-change>
              {kpi.change.text}
            </span>
            <span className="sr-only">{kpi.change.description}</span>
            <span aria-hidden className="font-normal text-slate-600 dark:text-slate-300">
              {" "}
              vs previous
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
