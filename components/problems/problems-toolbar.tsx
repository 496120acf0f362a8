"use client";

import { TaPicker } from "@/components/data-table/select-filter";
import { FilterToolbar } from "@/components/data-table/toolbar";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import { problemKindLabels, problemSeverityLabels } from "@/lib/format/labels";
import type { ProblemSearchParams } from "@/lib/problems/search-params";
import type { FilterFacets } from "@/lib/facets/prepare";

const kindOptions = Object.entries(problemKindLabels).map(([value, label]) => ({ value, label }));
const severityOptions = Object.entries(problemSeverityLabels).map(([value, label]) => ({ value, label }));

export function ProblemsToolbar({ params, facets }: { params: ProblemSearchParams; facets: FilterFacets }) {
  const { update } = useSearchParamsState();
  const filtered = params.kinds.length + params.severities.length + params.department_ids.length + params.roles.length > 0 || !!params.profile_id;

  // Resetting keeps the tab and the order, and clears the filters.
  return (
    <FilterToolbar label="Filter problems" filtered={filtered} keep={["status", "sort_by", "sort_order", "page_size"]}>
      <FacetedFilter label="Kind" options={kindOptions} selected={params.kinds} onChange={(kinds) => update({ kinds })} />
      <FacetedFilter label="Severity" options={severityOptions} selected={params.severities} onChange={(severities) => update({ severities })} />
      <FacetedFilter
        label="Department"
        options={facets.departments}
        selected={params.department_ids}
        onChange={(department_ids) => update({ department_ids })}
      />
      <FacetedFilter label="Role" options={facets.roles} selected={params.roles} onChange={(roles) => update({ roles })} />
      <TaPicker selected={params.profile_id} options={facets.profiles} />
    </FilterToolbar>
  );
}
