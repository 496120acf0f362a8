"use client";

import Link from "next/link";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { FacetedFilter } from "@/components/sessions/faceted-filter";
import { controlClass, labelClass } from "@/components/sessions/filter-styles";
import { useSyncedState } from "@/components/sessions/use-synced-state";
import { problemKindLabels, problemSeverityLabels } from "@/lib/format/labels";
import type { ProblemSearchParams } from "@/lib/problems/search-params";
import type { FilterFacets } from "@/lib/sessions/prepare";

const kindOptions = Object.entries(problemKindLabels).map(([value, label]) => ({ value, label }));
const severityOptions = Object.entries(problemSeverityLabels).map(([value, label]) => ({ value, label }));

export function ProblemsToolbar({ params, facets }: { params: ProblemSearchParams; facets: FilterFacets }) {
  const { update, searchParams } = useSearchParamsState();
  const [profileId, setProfileId] = useSyncedState<string>(params.profile_id ?? "");
  const filtered =
    params.kinds.length + params.severities.length + params.department_ids.length + params.roles.length > 0 || !!params.profile_id;
  // Resetting keeps the tab and the order, and clears the filters.
  const reset = new URLSearchParams();
  for (const key of ["status", "sort_by", "sort_order", "page_size"]) searchParams.getAll(key).forEach((value) => reset.append(key, value));
  const profileOptions =
    params.profile_id && !facets.profiles.some((option) => option.value === params.profile_id)
      ? [...facets.profiles, { value: params.profile_id, label: "Selected TA" }]
      : facets.profiles;

  return (
    <div role="search" aria-label="Filter problems" className="flex flex-wrap items-end gap-3">
      <FacetedFilter label="Kind" options={kindOptions} selected={params.kinds} onChange={(kinds) => update({ kinds })} />
      <FacetedFilter label="Severity" options={severityOptions} selected={params.severities} onChange={(severities) => update({ severities })} />
      <FacetedFilter
        label="Department"
        options={facets.departments}
        selected={params.department_ids}
        onChange={(department_ids) => update({ department_ids })}
      />
      <FacetedFilter label="Role" options={facets.roles} selected={params.roles} onChange={(roles) => update({ roles })} />
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
          href={reset.size ? `/problems?${reset.toString()}` : "/problems"}
          className="self-center rounded text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          Reset filters
        </Link>
      ) : null}
    </div>
  );
}
