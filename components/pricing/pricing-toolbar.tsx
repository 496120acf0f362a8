"use client";

import Link from "next/link";
import { ColumnChooser } from "@/components/data-table/column-chooser";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { DateRangeFilter } from "@/components/sessions/date-range-filter";
import { FacetedFilter } from "@/components/sessions/faceted-filter";
import { controlClass, labelClass } from "@/components/sessions/filter-styles";
import { useSyncedState } from "@/components/sessions/use-synced-state";
import type { PricingPageParams } from "@/lib/groups/search-params";
import type { FilterOption } from "@/lib/sessions/prepare";
import { groupColumnChoices } from "./groups-columns";

export interface PricingFacets {
  departments: FilterOption[];
  models: FilterOption[];
  profiles: FilterOption[];
}

/** The Pricing page's filters; each lives in the URL and sends the table back to page 1. */
export function PricingToolbar({ params, facets }: { params: PricingPageParams; facets: PricingFacets }) {
  const { update, searchParams } = useSearchParamsState();
  // Resetting clears the filters but keeps how the table is shown (sort, page size, columns).
  const reset = new URLSearchParams();
  for (const key of ["sort_by", "sort_order", "page_size", "hide"]) searchParams.getAll(key).forEach((value) => reset.append(key, value));
  const [profileId, setProfileId] = useSyncedState<string>(params.profile_id ?? "");
  const filtered = !!params.date_from || !!params.date_to || params.department_ids.length > 0 || params.model_ids.length > 0 || !!params.profile_id;
  const profileOptions =
    params.profile_id && !facets.profiles.some((option) => option.value === params.profile_id)
      ? [...facets.profiles, { value: params.profile_id, label: "Selected TA" }]
      : facets.profiles;

  return (
    <div role="search" aria-label="Filter pricing" className="flex flex-wrap items-end gap-3">
      <DateRangeFilter from={params.date_from} to={params.date_to} onChange={(change) => update(change)} />
      <FacetedFilter
        label="Department"
        options={facets.departments}
        selected={params.department_ids}
        onChange={(department_ids) => update({ department_ids })}
      />
      <FacetedFilter label="Model" options={facets.models} selected={params.model_ids} onChange={(model_ids) => update({ model_ids })} />
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
      {filtered ? (
        <Link
          href={reset.size ? `/pricing?${reset.toString()}` : "/pricing"}
          className="self-center rounded text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          Reset filters
        </Link>
      ) : null}
      <div className="ml-auto">
        <ColumnChooser columns={groupColumnChoices} hidden={params.hide} />
      </div>
    </div>
  );
}
