"use client";

import Link from "next/link";
import { useId } from "react";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { DateRangeFilter } from "@/components/sessions/date-range-filter";
import { controlClass, labelClass } from "@/components/sessions/filter-styles";
import { useSyncedState } from "@/components/sessions/use-synced-state";
import { isFiltered, type AuditSearchParams } from "@/lib/audit/search-params";
import type { ListAuditResponse } from "@/lib/audit/schemas";
import type { Option } from "./tokens-toolbar";

/** A text filter that reaches the URL on Enter or when focus leaves, not on every keystroke. */
function TextFilter({ label, name, value, placeholder, list }: { label: string; name: string; value?: string; placeholder?: string; list?: string }) {
  const { update } = useSearchParamsState();
  const [text, setText] = useSyncedState(value ?? "");
  const commit = () => {
    if (text.trim() !== (value ?? "")) update({ [name]: text.trim() || null });
  };
  return (
    <label className={labelClass}>
      {label}
      <input
        className={`${controlClass} w-44`}
        value={text}
        list={list}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
      />
    </label>
  );
}

function SelectFilter({ label, name, value, options, all }: { label: string; name: string; value?: string; options: Option[]; all: string }) {
  const { update } = useSearchParamsState();
  const [selected, setSelected] = useSyncedState(value ?? "");
  const known = !value || options.some((option) => option.value === value);
  return (
    <label className={labelClass}>
      {label}
      <select
        className={`${controlClass} max-w-[14rem]`}
        value={selected}
        onChange={(event) => {
          setSelected(event.target.value);
          update({ [name]: event.target.value || null });
        }}
      >
        <option value="">{all}</option>
        {known ? null : <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Each action, plus its family ("session.") so one choice covers all of them. */
function actionSuggestions(actions: string[]): string[] {
  const families = new Set(actions.filter((action) => action.includes(".")).map((action) => `${action.split(".")[0]}.`));
  return [...families, ...actions].sort();
}

export function AuditToolbar({
  params,
  people,
  tas,
  facets,
}: {
  params: AuditSearchParams;
  people: Option[];
  tas: Option[];
  facets: ListAuditResponse["facets"];
}) {
  const { update } = useSearchParamsState();
  const actionsId = useId();
  return (
    <div role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3">
      <SelectFilter label="Actor" name="actor_id" value={params.actor_id} options={people} all="Anyone" />
      <SelectFilter label="On behalf of" name="on_behalf_of_id" value={params.on_behalf_of_id} options={tas} all="Anyone or no one" />
      <TextFilter label="Action" name="action" value={params.action} placeholder="session. or session.read" list={actionsId} />
      <datalist id={actionsId}>
        {actionSuggestions(facets.actions).map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <SelectFilter
        label="Target type"
        name="target_type"
        value={params.target_type}
        options={facets.target_types.map((type) => ({ value: type, label: type }))}
        all="Any"
      />
      <SelectFilter
        label="Outcome"
        name="outcome"
        value={params.outcome}
        options={[
          { value: "allowed", label: "disclosed" },
          { value: "not_found", label: "not found" },
          { value: "denied", label: "denied" },
        ]}
        all="Any"
      />
      <TextFilter label="Target id" name="target_id" value={params.target_id} />
      <TextFilter label="Request id" name="request_id" value={params.request_id} />
      <DateRangeFilter from={params.date_from} to={params.date_to} onChange={(change) => update(change)} />
      {isFiltered(params) ? (
        <Link
          href="/settings/audit"
          className="self-center rounded text-sm text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
        >
          Reset filters
        </Link>
      ) : null}
    </div>
  );
}
