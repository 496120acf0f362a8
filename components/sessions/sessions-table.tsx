"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type PageState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/states";
import type { SessionSearchParams } from "@/lib/sessions/search-params";
import type { SessionListItem } from "@/lib/sessions/schemas";
import { sessionColumns } from "./sessions-columns";

export function SessionsTable({
  rows,
  pageState,
  params,
  now,
}: {
  rows: SessionListItem[];
  pageState: PageState;
  params: Pick<SessionSearchParams, "sort_by" | "sort_order" | "hide">;
  /** The server's clock, so relative times hydrate to the same text. */
  now: string;
}) {
  const columns = useMemo(() => sessionColumns(new Date(now)), [now]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.session_id}
      sortBy={params.sort_by}
      sortOrder={params.sort_order}
      pageState={pageState}
      hiddenColumns={params.hide}
      caption="Sessions, one row per session, with usage and cost"
      empty={
        <EmptyState title="No sessions match these filters.">
          Widen the date range, clear a department, role or TA, or{" "}
          <Link href="/sessions" className="text-indigo-700 underline dark:text-indigo-300">
            reset all filters
          </Link>
          .
        </EmptyState>
      }
    />
  );
}
