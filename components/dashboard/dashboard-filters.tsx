"use client";

import { ProfileSetFilters } from "@/components/activity/profile-set-filters";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import type { FacetOptions } from "@/lib/facets/prepare";
import type { PeriodChoice } from "@/lib/dashboard/search-params";

const periods: { value: PeriodChoice; label: string }[] = [
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
  { value: "custom", label: "Custom" },
];

/** The period picker (presets or a custom range) and the department and role filters, all in the URL. */
export function DashboardFilters({
  period,
  dateFrom,
  dateTo,
  departmentIds,
  roles,
  facets,
}: {
  period: PeriodChoice;
  dateFrom: string;
  dateTo: string;
  departmentIds: string[];
  roles: string[];
  facets: FacetOptions;
}) {
  const { update, pending } = useSearchParamsState();
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      <div role="group" aria-label="Period" className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        {periods.map((choice) => {
          const active = choice.value === period;
          return (
            <button
              key={choice.value}
              type="button"
              aria-pressed={active}
              onClick={() =>
                // A custom range starts from the window on screen, so the date inputs are never empty.
                update(
                  choice.value === "custom"
                    ? { period: "custom", date_from: dateFrom, date_to: dateTo }
                    : { period: choice.value, date_from: null, date_to: null },
                )
              }
              className={`border-l border-slate-300 px-3 py-1.5 text-sm font-medium first:border-l-0 focus:outline-none focus-visible:relative focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-600 dark:border-slate-600 ${
                active
                  ? "bg-indigo-700 text-white dark:bg-indigo-300 dark:text-slate-950"
                  : "bg-white text-slate-800 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
              }`}
            >
              {choice.value === "custom" ? choice.label : <>Last {choice.label}</>}
            </button>
          );
        })}
      </div>
      {period === "custom" ? (
        <DateRangeFilter
          from={dateFrom}
          to={dateTo}
          onChange={(change) => update({ period: "custom", date_from: dateFrom, date_to: dateTo, ...change })}
        />
      ) : null}
      <ProfileSetFilters departmentIds={departmentIds} roles={roles} facets={facets} />
    </div>
  );
}
