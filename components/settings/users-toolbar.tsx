"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { controlClass, labelClass } from "@/components/ui/filter-styles";
import { useSyncedState } from "@/components/data-table/use-synced-state";
import { accessLevelLabels, userStatusLabels } from "@/lib/format/labels";
import type { UserSearchParams } from "@/lib/users/search-params";
import type { Department } from "./user-access-fields";

// Typing in the search box updates the URL once the person pauses, not on every key.
const searchDelayMs = 300;

export function UsersToolbar({ params, departments }: { params: UserSearchParams; departments: Department[] }) {
  const { update } = useSearchParamsState();
  const [search, setSearch] = useSyncedState(params.search);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const filtered = !!(params.search || params.access_level || params.department_id || params.status);

  return (
    <div role="search" aria-label="Filter users" className="flex flex-wrap items-end gap-3">
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
      <label className={labelClass}>
        Access
        <select className={controlClass} value={params.access_level ?? ""} onChange={(event) => update({ access_level: event.target.value || null })}>
          <option value="">All levels</option>
          {Object.entries(accessLevelLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Department
        <select
          className={`${controlClass} max-w-[14rem]`}
          value={params.department_id ?? ""}
          onChange={(event) => update({ department_id: event.target.value || null })}
        >
          <option value="">All departments</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {department.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Status
        <select className={controlClass} value={params.status ?? ""} onChange={(event) => update({ status: event.target.value || null })}>
          <option value="">Any status</option>
          {Object.entries(userStatusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {filtered ? (
        <Link
          href="/settings/users"
          className="self-center rounded text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          Reset filters
        </Link>
      ) : null}
    </div>
  );
}
