"use client";

import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import type { FacetOptions } from "@/lib/facets/prepare";

/** Department and role multi-selects, shared by the dashboard and the Activity page. */
export function ProfileSetFilters({ departmentIds, roles, facets }: { departmentIds: string[]; roles: string[]; facets: FacetOptions }) {
  const { update } = useSearchParamsState();
  return (
    <>
      <FacetedFilter
        label="Departments"
        options={facets.departments}
        selected={departmentIds}
        onChange={(values) => update({ department_ids: values })}
      />
      <FacetedFilter label="Roles" options={facets.roles} selected={roles} onChange={(values) => update({ roles: values })} />
    </>
  );
}
