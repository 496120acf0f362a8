import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Money } from "@/components/ui/money";
import { Skeleton } from "@/components/ui/skeleton";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatCompact, formatInteger } from "@/lib/format/numbers";
import { runSpan } from "@/lib/groups/prepare";
import type { GroupListItem } from "@/lib/groups/schemas";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="mt-0.5 text-base font-semibold tabular-nums">{children}</dd>
    </div>
  );
}

/** TA and totals over all the group's runs (not only the loaded page), from the groups list. */
export function GroupTotals({ totals }: { totals: GroupListItem }) {
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6 dark:border-slate-800 dark:bg-slate-900">
      <Item label="TA">
        <Link
          href={`/sessions?profile_id=${totals.profile_id}`}
          className="text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          {totals.profile_name}
        </Link>
      </Item>
      <Item label="Runs">{formatInteger(totals.run_count)}</Item>
      <Item label="Tokens">
        <span title={`${formatInteger(totals.total_tokens)} tokens`}>{formatCompact(totals.total_tokens)}</span>
        <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">
          {formatCompact(totals.input_tokens)} in ({formatCompact(totals.cached_input_tokens)} cached) · {formatCompact(totals.output_tokens)} out
        </span>
      </Item>
      <Item label="Cost">
        <Money amount={totals.total_cost} />
      </Item>
      <Item label="When">
        <span className="text-sm font-normal">{runSpan(totals.first_run_at, totals.last_run_at)}</span>
        {totals.last_run_at ? (
          <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">
            last run <TimeAgo iso={totals.last_run_at} />
          </span>
        ) : null}
      </Item>
      <Item label="Models">
        <span className="flex flex-wrap gap-1">
          {totals.models.length ? totals.models.map((model) => <Badge key={model.model_id}>{model.name}</Badge>) : "—"}
        </span>
      </Item>
    </dl>
  );
}

export function GroupTotalsSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading totals"
      className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-slate-800"
    >
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="space-y-1.5">
          <Skeleton className="h-3 w-16" />
          <Skeleton className="h-5 w-24" />
        </div>
      ))}
    </div>
  );
}
