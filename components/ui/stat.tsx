import type { ReactNode } from "react";

/** One figure of a page's header row (a session's, an agent's): a label above a large value. */
export function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="mt-1 whitespace-nowrap text-lg font-semibold tabular-nums">{children}</dd>
    </div>
  );
}
