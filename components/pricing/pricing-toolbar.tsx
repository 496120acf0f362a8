"use client";

import { ColumnChooser } from "@/components/data-table/column-chooser";
import { TaPicker } from "@/components/data-table/select-filter";
import { FilterToolbar } from "@/components/data-table/toolbar";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import type { PricingPageParams } from "@/lib/groups/search-params";
import type { FilterOption } from "@/lib/facets/prepare";
import { groupColumnChoices } from "./groups-columns";

export interface PricingFacets {
  departments: FilterOption[];
  models: FilterOption[];
  profiles: FilterOption[];
}

/** The Pricing page's filters; each lives in the URL and sends the table back to page 1. */
export function PricingToolbar({ params, facets }: { params: PricingPageParams; facets: PricingFacets }) {
  const { update } = useSearchParamsState();
  const filtered = !!params.date_from || !!params.date_to || params.department_ids.length > 0 || params.model_ids.length > 0 || !!params.profile_id;

  return (
    <FilterToolbar
      label="Filter pricing"
      filtered={filtered}
      keep={["sort_by", "sort_order", "page_size", "hide"]}
      actions={<ColumnChooser columns={groupColumnChoices} hidden={params.hide} />}
    >
      <DateRangeFilter from={params.date_from} to={params.date_to} onChange={(change) => update(change)} />
      <FacetedFilter
        label="Department"
        options={facets.departments}
        selected={params.department_ids}
        onChange={(department_ids) => update({ department_ids })}
      />
      <FacetedFilter label="Model" options={facets.models} selected={params.model_ids} onChange={(model_ids) => update({ model_ids })} />
      <TaPicker selected={params.profile_id} options={facets.profiles} />
    </FilterToolbar>
  );
}
