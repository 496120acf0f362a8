"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type PageState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/states";
import type { PricingPageParams } from "@/lib/groups/search-params";
import type { GroupListItem } from "@/lib/groups/schemas";
import { groupColumns } from "./groups-columns";

export function GroupsTable({
  rows,
  pageState,
  params,
  now,
}: {
  rows: GroupListItem[];
  pageState: PageState;
  params: Pick<PricingPageParams, "sort_by" | "sort_order" | "hide">;
  /** The server's clock, so relative times hydrate to the same text. */
  now: string;
}) {
  const columns = useMemo(() => groupColumns(new Date(now)), [now]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.group_id}
      sortBy={params.sort_by}
      sortOrder={params.sort_order}
      pageState={pageState}
      hiddenColumns={params.hide}
      caption="Generation groups with their runs, tokens, cost and models"
      empty={
        <EmptyState title="No groups match these filters.">
          Widen the date range, clear a department, model or TA, or{" "}
          <Link href="/pricing" className="text-indigo-700 underline dark:text-indigo-300">
            reset all filters
          </Link>
          .
        </EmptyState>
      }
    />
  );
}
