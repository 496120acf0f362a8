"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useSearchParamsState } from "./use-search-params-state";

/**
 * Every list's filter bar: its filters, then "Reset filters" while any is set, then the list's own
 * actions at the far end. Each filter lives in the URL and sends the list back to page 1.
 */
export function FilterToolbar({
  label,
  filtered,
  keep,
  actions,
  children,
}: {
  /** What the search landmark is called, e.g. "Filter sessions". */
  label: string;
  /** Whether any filter is set, which is when resetting means something. */
  filtered: boolean;
  /** URL keys a reset keeps: how the list is shown (sort, page size, columns, tab), not what it holds. */
  keep: readonly string[];
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div role="search" aria-label={label} className="flex flex-wrap items-end gap-3">
      {children}
      {filtered ? <ResetFilters keep={keep} /> : null}
      {actions ? <div className="ml-auto flex flex-wrap items-start gap-2">{actions}</div> : null}
    </div>
  );
}

function ResetFilters({ keep }: { keep: readonly string[] }) {
  const { pathname, searchParams } = useSearchParamsState();
  const kept = new URLSearchParams();
  for (const key of keep) searchParams.getAll(key).forEach((value) => kept.append(key, value));
  return (
    <Link
      href={kept.size ? `${pathname}?${kept.toString()}` : pathname}
      className="self-center rounded text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
    >
      Reset filters
    </Link>
  );
}
