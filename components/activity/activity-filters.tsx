"use client";

import Link from "next/link";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import type { FacetOptions } from "@/lib/facets/prepare";
import { ProfileSetFilters } from "./profile-set-filters";

/** Date range (for the profiles view), departments and roles; every change is a new URL. */
export function ActivityFilters({
  dateFrom,
  dateTo,
  departmentIds,
  roles,
  facets,
  showDates,
  clearHref,
}: {
  dateFrom?: string;
  dateTo?: string;
  departmentIds: string[];
  roles: string[];
  facets: FacetOptions;
  showDates: boolean;
  clearHref: string;
}) {
  const { update, pending } = useSearchParamsState();
  const filtered = Boolean(dateFrom || dateTo || departmentIds.length || roles.length);
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      {showDates ? <DateRangeFilter from={dateFrom} to={dateTo} onChange={(change) => update(change)} /> : null}
      <ProfileSetFilters departmentIds={departmentIds} roles={roles} facets={facets} />
      {filtered ? (
        <Link
          href={clearHref}
          className="rounded px-1 py-1.5 text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}
