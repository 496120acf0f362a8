"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { viewAsButtonClass, type ViewAsTarget } from "@/components/emulation/view-as-button";
import type { ActivityRow } from "@/lib/activity/prepare";
import type { ActivitySortKey } from "@/lib/activity/search-params";
import { formatInteger } from "@/lib/format/numbers";

const count = (id: ActivitySortKey, label: string): ColumnDef<ActivityRow, unknown> => ({
  id,
  header: label,
  meta: { sortKey: id, align: "right", label } satisfies ColumnMeta,
  cell: ({ row }) => formatInteger(row.original[id as keyof ActivityRow] as number),
});

export const activityColumns: ColumnDef<ActivityRow, unknown>[] = [
  {
    id: "profile_name",
    header: "Name",
    meta: { sortKey: "profile_name", label: "Name" } satisfies ColumnMeta,
    cell: ({ row }) => (
      <Link
        href={row.original.sessions_href}
        className="rounded font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:text-indigo-300"
      >
        {row.original.profile_name}
      </Link>
    ),
  },
  {
    id: "department_name",
    header: "Department",
    meta: { sortKey: "department_name", label: "Department" } satisfies ColumnMeta,
    cell: ({ row }) => row.original.department_name ?? <span className="text-slate-600 dark:text-slate-300">—</span>,
  },
  { id: "ta_role", header: "Role", meta: { sortKey: "ta_role", label: "Role" } satisfies ColumnMeta, cell: ({ row }) => row.original.ta_role },
  count("sessions_count", "Sessions"),
  count("logins_count", "Logins"),
  count("failed_logins_count", "Failed logins"),
  count("grants_count", "Grants"),
  count("problems_count", "Problems"),
  count("activity_count", "Activity"),
];

/** What the table tells its cells: the rows share one "View as" dialog, which this opens. */
export interface ActivityTableMeta {
  viewAs: (target: ViewAsTarget) => void;
}

/** Shown to admins (not while emulating): start viewing the dashboard as that TA. */
export const viewAsColumn: ColumnDef<ActivityRow, unknown> = {
  id: "view_as",
  header: () => <span className="sr-only">Actions</span>,
  cell: ({ row, table }) =>
    row.original.is_ta ? (
      <button
        type="button"
        className={viewAsButtonClass}
        onClick={() => (table.options.meta as ActivityTableMeta).viewAs({ profileId: row.original.profile_id, name: row.original.profile_name })}
      >
        View as <span className="sr-only">{row.original.profile_name}</span>
      </button>
    ) : null,
};
