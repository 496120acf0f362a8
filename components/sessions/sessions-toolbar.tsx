"use client";

import { ColumnChooser } from "@/components/data-table/column-chooser";
import { SelectFilter, TaPicker } from "@/components/data-table/select-filter";
import { FilterToolbar } from "@/components/data-table/toolbar";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import type { FilterFacets } from "@/lib/facets/prepare";
import { sessionStatusLabels } from "@/lib/format/labels";
import { toExportFilters, type FailedRunsFilter, type SessionSearchParams } from "@/lib/sessions/search-params";
import { sessionStatus } from "@/lib/sessions/schemas";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import { ExportButton } from "@/components/data-table/export-button";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import { sessionColumnChoices } from "./sessions-columns";

const statusChoices = sessionStatus.options.map((value) => ({ value, label: sessionStatusLabels[value].label }));

const failedRunChoices: { value: Exclude<FailedRunsFilter, "all">; label: string }[] = [
  { value: "with", label: "With failed runs" },
  { value: "without", label: "Without failed runs" },
];

/** The session history's filters; each one lives in the URL and sends the list back to page 1. */
export function SessionsToolbar({ params, facets, agentName }: { params: SessionSearchParams; facets: FilterFacets; agentName?: string }) {
  const { update } = useSearchParamsState();
  const filtered =
    params.status.length > 0 ||
    params.tags.length > 0 ||
    params.failed_runs !== "all" ||
    !!params.date_from ||
    !!params.date_to ||
    params.department_ids.length > 0 ||
    params.roles.length > 0 ||
    !!params.profile_id ||
    !!params.agent_id;

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
      <FacetedFilter label="Status" options={statusChoices} selected={params.status} onChange={(status) => update({ status, active: null })} />
      <SelectFilter
        label="Failed runs"
        name="failed_runs"
        value={params.failed_runs === "all" ? undefined : params.failed_runs}
        options={failedRunChoices}
        all="Any runs"
      />
      {params.tags.length > 0 ? <TagFilter tags={params.tags} match={params.tags_match} /> : null}
      {params.agent_id ? <AgentFilter name={agentName ?? "Unknown agent"} version={params.agent_version} /> : null}
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

/** The agent an agent's page linked with (and its version): dropped as a whole. */
function AgentFilter({ name, version }: { name: string; version: number | undefined }) {
  const { update } = useSearchParamsState();
  const label = version === undefined ? name : `${name}, version ${version}`;
  return (
    <div role="group" aria-label="Agent" className="flex flex-wrap items-center gap-1.5 text-sm">
      <span className="text-slate-700 dark:text-slate-200">Agent</span>
      <button
        type="button"
        onClick={() => update({ agent_id: null, agent_version: null })}
        aria-label={`Remove agent filter ${label}`}
        className="rounded-full border border-indigo-300 bg-indigo-50 px-2 py-0.5 text-xs text-indigo-900 hover:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-100"
      >
        {label} <span aria-hidden>×</span>
      </button>
    </div>
  );
}

/** The tags a link brought (a tag on a session page filters by it): each can be dropped, and several matched any or all. */
function TagFilter({ tags, match }: { tags: string[]; match: SessionSearchParams["tags_match"] }) {
  const { update } = useSearchParamsState();
  return (
    <div role="group" aria-label="Tags" className="flex flex-wrap items-center gap-1.5 text-sm">
      <span className="text-slate-700 dark:text-slate-200">Tags</span>
      {tags.map((tag) => (
        <button
          key={tag}
          type="button"
          onClick={() => update({ tags: tags.filter((kept) => kept !== tag) })}
          aria-label={`Remove tag ${tag}`}
          className="rounded-full border border-indigo-300 bg-indigo-50 px-2 py-0.5 text-xs text-indigo-900 hover:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-100"
        >
          {tag} <span aria-hidden>×</span>
        </button>
      ))}
      {tags.length > 1 ? (
        <select
          aria-label="Match tags"
          value={match}
          onChange={(event) => update({ tags_match: event.target.value === "all" ? "all" : null })}
          className="rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="any">any of them</option>
          <option value="all">all of them</option>
        </select>
      ) : null}
    </div>
  );
}
