"use client";

import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { SortableHeader, type SortDirection } from "@/components/data-table/column-header";
import type { ColumnMeta } from "@/components/data-table/data-table";
import { sortActivityRows, type ActivityRow } from "@/lib/activity/prepare";
import { parseActivitySearchParams, type ActivitySortKey } from "@/lib/activity/search-params";
import { useViewAsDialog } from "@/components/emulation/view-as-button";
import { activityColumns, viewAsColumn, type ActivityTableMeta } from "./activity-columns";

/**
 * The per-profile table. profile_summary is one list, so it is sorted here in the browser; the sort
 * still lives in the URL (pushed with history.pushState, which Next's router follows), so it can be
 * shared and back/forward restore it, without asking the server again.
 */
export function ActivityTable({ rows, empty, canViewAs = false }: { rows: ActivityRow[]; empty: React.ReactNode; canViewAs?: boolean }) {
  const searchParams = useSearchParams();
  const { sort_by, sort_order } = parseActivitySearchParams({
    sort_by: searchParams.get("sort_by") ?? undefined,
    sort_order: searchParams.get("sort_order") ?? undefined,
  });
  const sorted = useMemo(() => sortActivityRows(rows, sort_by, sort_order), [rows, sort_by, sort_order]);
  const columns = useMemo(() => (canViewAs ? [...activityColumns, viewAsColumn] : activityColumns), [canViewAs]);
  const viewAs = useViewAsDialog();
  const meta: ActivityTableMeta = { viewAs: viewAs.open };
  // eslint-disable-next-line react-hooks/incompatible-library -- the table object is read in this render only, never memoized or passed down
  const table = useReactTable({ data: sorted, columns, meta, getRowId: (row) => row.profile_id, getCoreRowModel: getCoreRowModel() });

  const sortBy = (key: ActivitySortKey, direction: SortDirection) => {
    const next = new URLSearchParams(searchParams.toString());
    next.set("sort_by", key);
    next.set("sort_order", direction);
    window.history.pushState(null, "", `?${next}`);
  };

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">Activity per profile, sorted by {sort_by.replaceAll("_", " ")} ({sort_order === "asc" ? "ascending" : "descending"})</caption>
        <thead className="bg-slate-50 text-left text-slate-700 dark:bg-slate-900 dark:text-slate-200">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta as ColumnMeta | undefined;
                const key = meta?.sortKey as ActivitySortKey | undefined;
                const active = key === sort_by;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (sort_order === "asc" ? "ascending" : "descending") : undefined}
                    className={`whitespace-nowrap border-b border-slate-200 px-3 py-2 dark:border-slate-800 ${meta?.align === "right" ? "text-right" : ""}`}
                  >
                    {key ? (
                      <SortableHeader
                        label={flexRender(header.column.columnDef.header, header.getContext())}
                        active={active}
                        direction={sort_order}
                        align={meta?.align}
                        onSort={(direction) => sortBy(key, direction)}
                      />
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-profile-id={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800/60 dark:hover:bg-slate-900/60">
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
                return (
                  <td key={cell.id} className={`whitespace-nowrap px-3 py-2 ${meta?.align === "right" ? "text-right tabular-nums" : ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <div className="px-4 py-10 text-center text-slate-600 dark:text-slate-300">{empty}</div> : null}
      {canViewAs ? viewAs.dialog : null}
    </div>
  );
}
