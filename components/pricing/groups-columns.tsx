import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { CompactNumber } from "@/components/data-table/number-cells";
import { Badge } from "@/components/ui/badge";
import { Money } from "@/components/ui/money";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatInteger } from "@/lib/format/numbers";
import type { GroupListItem } from "@/lib/groups/schemas";

type Column = ColumnDef<GroupListItem, unknown> & { id: string; meta: ColumnMeta & { label: string } };

const linkClass =
  "font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300";

/** The groups history: one row per generation group, sortable by every key /system/groups sorts by. */
export function groupColumns(now: Date): Column[] {
  return [
    {
      id: "group_name",
      header: "Group",
      meta: { sortKey: "group_name", label: "Group" },
      cell: ({ row }) => (
        <Link
          href={`/groups/${row.original.group_id}`}
          className={`${linkClass} block max-w-[18rem] truncate`}
          title={row.original.group_name}
          data-group-id={row.original.group_id}
        >
          {row.original.group_name}
        </Link>
      ),
    },
    {
      id: "session",
      header: "Session",
      meta: { label: "Session" },
      cell: ({ row }) => (
        <Link href={`/sessions/${row.original.session_id}`} className={`${linkClass} font-mono text-xs`}>
          <span className="sr-only">Session </span>
          {row.original.session_id.slice(0, 8)}
        </Link>
      ),
    },
    {
      id: "profile_name",
      header: "TA",
      meta: { sortKey: "profile_name", label: "TA" },
      cell: ({ row }) => row.original.profile_name,
    },
    {
      id: "run_count",
      header: "Runs",
      meta: { sortKey: "run_count", align: "right", label: "Runs" },
      cell: ({ row }) => formatInteger(row.original.run_count),
    },
    {
      id: "total_tokens",
      header: "Tokens",
      meta: { sortKey: "total_tokens", align: "right", label: "Tokens" },
      cell: ({ row }) => (
        <span
          title={`${formatInteger(row.original.input_tokens)} in (${formatInteger(row.original.cached_input_tokens)} cached), ${formatInteger(row.original.output_tokens)} out`}
        >
          <CompactNumber value={row.original.total_tokens} />
        </span>
      ),
    },
    {
      id: "total_cost",
      header: "Cost",
      meta: { sortKey: "total_cost", align: "right", label: "Cost" },
      cell: ({ row }) => <Money amount={row.original.total_cost} />,
    },
    {
      id: "models",
      header: "Models",
      meta: { label: "Models" },
      cell: ({ row }) =>
        row.original.models.length ? (
          <span className="flex flex-wrap gap-1">
            {row.original.models.map((model) => (
              <Badge key={model.model_id}>{model.name}</Badge>
            ))}
          </span>
        ) : (
          <span className="text-slate-600 dark:text-slate-300">No runs</span>
        ),
    },
    {
      id: "first_run_at",
      header: "First run",
      meta: { sortKey: "first_run_at", label: "First run" },
      cell: ({ row }) => <TimeAgo iso={row.original.first_run_at} now={now} />,
    },
    {
      id: "last_run_at",
      header: "Last run",
      meta: { sortKey: "last_run_at", label: "Last run" },
      cell: ({ row }) => <TimeAgo iso={row.original.last_run_at} now={now} />,
    },
    {
      id: "created_at",
      header: "Created",
      meta: { sortKey: "created_at", label: "Created" },
      cell: ({ row }) => <TimeAgo iso={row.original.created_at} now={now} />,
    },
  ];
}

export const groupColumnChoices = groupColumns(new Date(0)).map((column) => ({ id: column.id, label: column.meta.label }));
