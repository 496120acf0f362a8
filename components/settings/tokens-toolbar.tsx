"use client";

import Link from "next/link";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { controlClass, labelClass } from "@/components/sessions/filter-styles";
import { useSyncedState } from "@/components/sessions/use-synced-state";
import type { TokenSearchParams } from "@/lib/tokens/search-params";

export interface Option {
  value: string;
  label: string;
}

export function TokensToolbar({ params, owners }: { params: TokenSearchParams; owners: Option[] }) {
  const { update } = useSearchParamsState();
  const [status, setStatus] = useSyncedState(params.status ?? "");
  const [owner, setOwner] = useSyncedState(params.profile_id ?? "");
  return (
    <div role="search" aria-label="Filter API tokens" className="flex flex-wrap items-end gap-3">
      <label className={labelClass}>
        Status
        <select
          className={controlClass}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value);
            update({ status: event.target.value || null });
          }}
        >
          <option value="">All</option>
          <option value="active">Active</option>
          <option value="expired">Expired</option>
          <option value="revoked">Revoked</option>
        </select>
      </label>
      <label className={labelClass}>
        Owner
        <select
          className={`${controlClass} max-w-[16rem]`}
          value={owner}
          onChange={(event) => {
            setOwner(event.target.value);
            update({ profile_id: event.target.value || null });
          }}
        >
          <option value="">Everyone</option>
          {owners.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {params.status || params.profile_id ? (
        <Link
          href="/settings/tokens"
          className="self-center rounded text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          Reset filters
        </Link>
      ) : null}
    </div>
  );
}
