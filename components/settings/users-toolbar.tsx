"use client";

import { useEffect, useRef } from "react";
import { SelectFilter } from "@/components/data-table/select-filter";
import { FilterToolbar } from "@/components/data-table/toolbar";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { controlClass, labelClass } from "@/components/ui/filter-styles";
import { useSyncedState } from "@/components/data-table/use-synced-state";
import { accessLevelLabels, userStatusLabels } from "@/lib/format/labels";
import type { UserSearchParams } from "@/lib/users/search-params";
import type { Department } from "./user-access-fields";

const accessOptions = Object.entries(accessLevelLabels).map(([value, label]) => ({ value, label }));
const statusOptions = Object.entries(userStatusLabels).map(([value, label]) => ({ value, label }));

// Typing in the search box updates the URL once the person pauses, not on every key.
const searchDelayMs = 300;

export function UsersToolbar({ params, departments }: { params: UserSearchParams; departments: Department[] }) {
  const { update } = useSearchParamsState();
  const [search, setSearch] = useSyncedState(params.search);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const filtered = !!(params.search || params.access_level || params.department_id || params.status);

  return (
    <FilterToolbar label="Filter users" filtered={filtered} keep={["page_size"]}>
      <label className={labelClass}>
        Search
        <input
          type="search"
          value={search}
          placeholder="Name or email"
          maxLength={200}
          className={`${controlClass} w-56`}
          onChange={(event) => {
            const value = event.target.value;
            setSearch(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => update({ search: value.trim() || null }), searchDelayMs);
          }}
        />
      </label>
      <SelectFilter label="Access" name="access_level" value={params.access_level} options={accessOptions} all="All levels" />
      <SelectFilter
        label="Department"
        name="department_id"
        value={params.department_id}
        options={departments.map((department) => ({ value: department.id, label: department.name }))}
        all="All departments"
      />
      <SelectFilter label="Status" name="status" value={params.status} options={statusOptions} all="Any status" />
    </FilterToolbar>
  );
}
