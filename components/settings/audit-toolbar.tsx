"use client";

import { useId } from "react";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import { SelectFilter } from "@/components/data-table/select-filter";
import { FilterToolbar } from "@/components/data-table/toolbar";
import { controlClass, labelClass } from "@/components/ui/filter-styles";
import { useSyncedState } from "@/components/data-table/use-synced-state";
import { isFiltered, type AuditSearchParams } from "@/lib/audit/search-params";
import type { ListAuditResponse } from "@/lib/audit/schemas";
import type { FilterOption as Option } from "@/lib/facets/prepare";

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
    <FilterToolbar label="Filter the audit log" filtered={isFiltered(params)} keep={["page_size"]}>
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
    </FilterToolbar>
  );
}
