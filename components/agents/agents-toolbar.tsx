"use client";

import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import { SelectFilter } from "@/components/data-table/select-filter";
import { FilterToolbar } from "@/components/data-table/toolbar";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import type { AgentsPageParams, AgentUsageParams } from "@/lib/agents/search-params";
import type { FilterOption } from "@/lib/facets/prepare";
import { agentKindLabels } from "./agent-labels";

export interface AgentFacets {
  departments: FilterOption[];
  models: FilterOption[];
}

const kindOptions = Object.entries(agentKindLabels).map(([value, label]) => ({ value, label }));

/**
 * The usage filters of both Agents pages (window, departments, models), in the URL; the list adds
 * the kind of agent.
 */
export function AgentsToolbar({
  params,
  facets,
  withKind,
}: {
  params: AgentUsageParams & Partial<Pick<AgentsPageParams, "kind">>;
  facets: AgentFacets;
  withKind: boolean;
}) {
  const { update } = useSearchParamsState();
  const filtered = !!params.date_from || !!params.date_to || params.department_ids.length > 0 || params.model_ids.length > 0 || !!params.kind;
  return (
    <FilterToolbar label="Filter agent usage" filtered={filtered} keep={["sort_by", "sort_order", "page_size"]}>
      <DateRangeFilter from={params.date_from} to={params.date_to} onChange={(change) => update(change)} />
      <FacetedFilter
        label="Department"
        options={facets.departments}
        selected={params.department_ids}
        onChange={(department_ids) => update({ department_ids })}
      />
      <FacetedFilter label="Model" options={facets.models} selected={params.model_ids} onChange={(model_ids) => update({ model_ids })} />
      {withKind ? <SelectFilter label="Kind" name="kind" value={params.kind} options={kindOptions} all="Every kind" /> : null}
    </FilterToolbar>
  );
}
