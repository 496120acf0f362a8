"use client";

import Link from "next/link";
import { ColumnChooser } from "@/components/data-table/column-chooser";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import type { FilterFacets } from "@/lib/sessions/prepare";
import { toExportFilters, type ActiveFilter, type SessionSearchParams } from "@/lib/sessions/search-params";
import { DateRangeFilter } from "./date-range-filter";
import { ExportButton } from "./export-button";
import { FacetedFilter } from "./faceted-filter";
import { controlClass, labelClass } from "./filter-styles";
import { sessionColumnChoices } from "./sessions-columns";
import { useSyncedState } from "./use-synced-state";

const activeChoices: { value: ActiveFilter; label: string }[] = [
  { value: "all", label: "All sessions" },
  { value: "active", label: "Active" },
  { value: "ended", label: "Ended" },
];

/** The session history's filters; each one lives in the URL and sends the list back to page 1. */
export function SessionsToolbar({ params, facets }: { params: SessionSearchParams; facets: FilterFacets }) {
  const { update, searchParams } = useSearchParamsState();
  // Resetting clears the filters but keeps how the list is shown (sort, page size, columns).
  const reset = new URLSearchParams();
  for (const key of ["sort_by", "sort_order", "page_size", "hide"]) searchParams.getAll(key).forEach((value) => reset.append(key, value));
  const [active, setActive] = useSyncedState<string>(params.active);
  const [profileId, setProfileId] = useSyncedState<string>(params.profile_id ?? "");
  const filtered =
    params.active !== "all" || !!params.date_from || !!params.date_to || params.department_ids.length > 0 || params.roles.length > 0 || !!params.profile_id;
  // The TA may have left the scope or have no activity yet; keep the choice visible anyway.
  const profileOptions =
    params.profile_id && !facets.profiles.some((option) => option.value === params.profile_id)
      ? [...facets.profiles, { value: params.profile_id, label: "Selected TA" }]
      : facets.profiles;

  return (
    <div role="search" aria-label="Filter sessions" className="flex flex-wrap items-end gap-3">
      <label className={labelClass}>
        Status
        <select
          className={controlClass}
          value={active}
          onChange={(event) => {
            setActive(event.target.value);
            update({ active: event.target.value === "all" ? null : event.target.value });
          }}
        >
          {activeChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <DateRangeFilter from={params.date_from} to={params.date_to} onChange={(change) => update(change)} />
      <label className={labelClass}>
        TA
        <select
          className={`${controlClass} max-w-[14rem]`}
          value={profileId}
          onChange={(event) => {
            setProfileId(event.target.value);
            update({ profile_id: event.target.value || null });
          }}
        >
          <option value="">All TAs</option>
          {profileOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <FacetedFilter
        label="Department"
        options={facets.departments}
        selected={params.department_ids}
        onChange={(department_ids) => update({ department_ids })}
      />
      <FacetedFilter label="Role" options={facets.roles} selected={params.roles} onChange={(roles) => update({ roles })} />
      {filtered ? (
        <Link
          href={reset.size ? `/sessions?${reset.toString()}` : "/sessions"}
          className="self-center rounded text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          Reset filters
        </Link>
      ) : null}
      <div className="ml-auto flex flex-wrap items-start gap-2">
        <ColumnChooser columns={sessionColumnChoices} hidden={params.hide} />
        <ExportButton
          body={toExportFilters(params)}
          label="Export (ZIP of CSV/JSONL)"
          description="Downloads every session and its activity matching the date range, department and role filters (the status and TA filters do not apply to exports)."
        />
      </div>
    </div>
  );
}
