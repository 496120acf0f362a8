"use client";

import { ColumnChooser } from "@/components/data-table/column-chooser";
import { SelectFilter, TaPicker } from "@/components/data-table/select-filter";
import { FilterToolbar } from "@/components/data-table/toolbar";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import type { FilterFacets } from "@/lib/facets/prepare";
import { toExportFilters, type ActiveFilter, type SessionSearchParams } from "@/lib/sessions/search-params";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import { ExportButton } from "@/components/data-table/export-button";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import { sessionColumnChoices } from "./sessions-columns";

const activeChoices: { value: Exclude<ActiveFilter, "all">; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "ended", label: "Ended" },
];

/** The session history's filters; each one lives in the URL and sends the list back to page 1. */
export function SessionsToolbar({ params, facets }: { params: SessionSearchParams; facets: FilterFacets }) {
  const { update } = useSearchParamsState();
  const filtered =
    params.active !== "all" ||
    !!params.date_from ||
    !!params.date_to ||
    params.department_ids.length > 0 ||
    params.roles.length > 0 ||
    !!params.profile_id;

  return (
    <FilterToolbar
      label="Filter sessions"
      filtered={filtered}
      keep={["sort_by", "sort_order", "page_size", "hide"]}
      actions={
        <>
          <ColumnChooser columns={sessionColumnChoices} hidden={params.hide} />
          <ExportButton
            body={toExportFilters(params)}
            label="Export (ZIP of CSV/JSONL)"
            description="Downloads every session and its activity matching the date range, department and role filters (the status and TA filters do not apply to exports)."
          />
        </>
      }
    >
      <SelectFilter
        label="Status"
        name="active"
        value={params.active === "all" ? undefined : params.active}
        options={activeChoices}
        all="All sessions"
      />
      <DateRangeFilter from={params.date_from} to={params.date_to} onChange={(change) => update(change)} />
      <TaPicker selected={params.profile_id} options={facets.profiles} />
      <FacetedFilter
        label="Department"
        options={facets.departments}
        selected={params.department_ids}
        onChange={(department_ids) => update({ department_ids })}
      />
      <FacetedFilter label="Role" options={facets.roles} selected={params.roles} onChange={(roles) => update({ roles })} />
    </FilterToolbar>
  );
}
