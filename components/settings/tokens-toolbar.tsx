"use client";

import { SelectFilter } from "@/components/data-table/select-filter";
import { FilterToolbar } from "@/components/data-table/toolbar";
import type { FilterOption } from "@/lib/facets/prepare";
import type { TokenSearchParams } from "@/lib/tokens/search-params";

const statusOptions: FilterOption[] = [
  { value: "active", label: "Active" },
  { value: "expired", label: "Expired" },
  { value: "revoked", label: "Revoked" },
];

export function TokensToolbar({ params, owners }: { params: TokenSearchParams; owners: FilterOption[] }) {
  return (
    <FilterToolbar label="Filter API tokens" filtered={!!(params.status || params.profile_id)} keep={["page_size"]}>
      <SelectFilter label="Status" name="status" value={params.status} options={statusOptions} all="All" />
      <SelectFilter label="Owner" name="profile_id" value={params.profile_id} options={owners} all="Everyone" />
    </FilterToolbar>
  );
}
