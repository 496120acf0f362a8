"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type TableMeta, type VisibilityState } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/states";
import { SortableHeader, type SortDirection } from "./column-header";
import { Pagination } from "./pagination";
import { useSearchParamsState } from "./use-search-params-state";

export interface ColumnMeta {
  /** The API's sort key for this column, when the server can sort by it. */
  sortKey?: string;
  align?: "left" | "right";
  /** Shown in the column chooser. */
  label?: string;
}

export interface PageState {
  page: number;
  page_size: number;
  total_count: number;
  total_pages: number;
  /** Keyset cursors of the neighbouring pages, where the list offers them (sessions, groups). */
  next_cursor?: string | null;
  prev_cursor?: string | null;
  /** The total is the planner's estimate past an exact bound. */
  total_count_is_estimate?: boolean;
}

/** The next and previous pages go by cursor where there is one, so a deep page costs what the first does. */
function cursorTo(state: PageState, page: number): string | null {
  if (page === state.page + 1) return state.next_cursor ?? null;
  if (page === state.page - 1 && page > 1) return state.prev_cursor ?? null;
  return null;
}

/**
 * The table's markup: headers that sort (through `onSort`), rows, and the empty state. DataTable
 * drives it from the URL and the server; a list sorted in the browser (Activity) drives it itself.
 */
export function DataTableView<Row>({
  columns,
  rows,
  rowKey,
  sortBy,
  sortOrder,
  onSort,
  hiddenColumns = [],
  empty,
  caption,
  meta,
  rowIdAttribute,
  busy = false,
  children,
}: {
  columns: ColumnDef<Row, unknown>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  sortBy: string;
  sortOrder: SortDirection;
  onSort: (sortKey: string, direction: SortDirection) => void;
  hiddenColumns?: string[];
  empty: ReactNode;
  caption: string;
  /** Handed to the cells as the table's meta (actions a cell may call). */
  meta?: TableMeta<Row>;
  /** A data attribute each row carries with its key, e.g. `data-profile-id`, for tests and scripts. */
  rowIdAttribute?: `data-${string}`;
  busy?: boolean;
  /** Rendered after the rows, inside the table's frame (a dialog the rows open). */
  children?: ReactNode;
}) {
  const columnVisibility: VisibilityState = Object.fromEntries(hiddenColumns.map((id) => [id, false]));
  // TanStack Table returns functions React Compiler cannot memoize; we do not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    meta,
    getRowId: rowKey,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    state: { columnVisibility },
  });

  return (
    <div className={`relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800 ${busy ? "opacity-60" : ""}`}>
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700 dark:bg-slate-900 dark:text-slate-200">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const columnMeta = header.column.columnDef.meta as ColumnMeta | undefined;
                const sortKey = columnMeta?.sortKey;
                const active = !!sortKey && sortKey === sortBy;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (sortOrder === "asc" ? "ascending" : "descending") : undefined}
                    className={`whitespace-nowrap border-b border-slate-200 px-3 py-2 dark:border-slate-800 ${columnMeta?.align === "right" ? "text-right" : ""}`}
                  >
                    {sortKey ? (
                      <SortableHeader
                        label={label}
                        active={active}
                        direction={sortOrder}
                        align={columnMeta?.align}
                        onSort={(direction) => onSort(sortKey, direction)}
                      />
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              {...(rowIdAttribute ? { [rowIdAttribute]: row.id } : {})}
              className="border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800/60 dark:hover:bg-slate-900/60"
            >
              {row.getVisibleCells().map((cell) => {
                const columnMeta = cell.column.columnDef.meta as ColumnMeta | undefined;
                return (
                  <td key={cell.id} className={`whitespace-nowrap px-3 py-2 ${columnMeta?.align === "right" ? "text-right tabular-nums" : ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <div className="px-4 py-10 text-center text-slate-600 dark:text-slate-300">{empty}</div> : null}
      {children}
    </div>
  );
}

/**
 * A table whose rows, sort and page come from the server: sorting, paging and hiding columns only
 * change the URL, and the server component above renders the new page. `empty` says that nothing
 * matches; a page past the last one says so itself.
 */
export function DataTable<Row>({
  pageState,
  ...view
}: Omit<Parameters<typeof DataTableView<Row>>[0], "onSort" | "busy" | "children"> & { pageState: PageState }) {
  const { update, pending, pathname, searchParams } = useSearchParamsState();
  // Rows exist, just not this far: a stale bookmark, or the list shrank since the link was made.
  const pastTheEnd = view.rows.length === 0 && pageState.total_count > 0;
  const firstPage = new URLSearchParams(searchParams.toString());
  firstPage.delete("page");
  firstPage.delete("cursor");
  const empty = pastTheEnd ? (
    <EmptyState title="This page is past the last one.">
      <Link href={firstPage.size ? `${pathname}?${firstPage.toString()}` : pathname} className="text-indigo-700 underline dark:text-indigo-300">
        Go back to the first page
      </Link>{" "}
      or use the pagination below.
    </EmptyState>
  ) : (
    view.empty
  );
  return (
    <div aria-busy={pending}>
      <DataTableView {...view} empty={empty} busy={pending} onSort={(sort_by, sort_order) => update({ sort_by, sort_order })} />
      <Pagination
        page={pageState.page}
        pageSize={pageState.page_size}
        totalCount={pageState.total_count}
        totalPages={pageState.total_pages}
        estimated={pageState.total_count_is_estimate ?? false}
        onPage={(page) => update({ page, cursor: cursorTo(pageState, page) }, { resetPage: false })}
        onPageSize={(page_size) => update({ page_size })}
      />
    </div>
  );
}
