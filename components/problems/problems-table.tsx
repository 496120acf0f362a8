"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type PageState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/states";
import type { ProblemSearchParams } from "@/lib/problems/search-params";
import type { ProblemItem } from "@/lib/problems/schemas";
import { problemColumns } from "./problems-columns";
import { ResolveNotices } from "./resolve-notices";

const emptyText: Record<ProblemSearchParams["status"], string> = {
  open: "No open problems match these filters.",
  resolved: "No resolved problems match these filters.",
  all: "No problems match these filters.",
};

export function ProblemsTable({
  rows,
  pageState,
  params,
  canResolve,
  now,
}: {
  rows: ProblemItem[];
  pageState: PageState;
  params: ProblemSearchParams;
  canResolve: boolean;
  now: string;
}) {
  const columns = useMemo(() => problemColumns({ canResolve, now }), [canResolve, now]);
  return (
    <div className="space-y-3">
      <ResolveNotices />
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => row.problem_id}
        sortBy={params.sort_by}
        sortOrder={params.sort_order}
        pageState={pageState}
        caption="Problems flagged on sessions, with their status"
        empty={
          <EmptyState title={emptyText[params.status]}>
            {params.status === "open" ? "Nothing needs follow-up here. " : ""}
            Try another tab, clear a filter, or{" "}
            <Link href={`/problems?status=${params.status}`} className="text-indigo-700 underline dark:text-indigo-300">
              reset the filters
            </Link>
            .
          </EmptyState>
        }
      />
    </div>
  );
}
