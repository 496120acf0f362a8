"use client";

import Link from "next/link";
import { DataTable, type PageState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/states";
import type { AuditItem } from "@/lib/audit/schemas";
import { auditColumns } from "./audit-columns";

export function AuditTable({ rows, pageState, filtered }: { rows: AuditItem[]; pageState: PageState; filtered: boolean }) {
  return (
    <DataTable
      columns={auditColumns}
      rows={rows}
      rowKey={(row) => row.audit_id}
      sortBy=""
      sortOrder="desc"
      pageState={pageState}
      caption="Audit log, newest first"
      empty={
        filtered ? (
          <EmptyState title="No audit entries match these filters.">
            <Link href="/settings/audit" className="text-indigo-700 underline dark:text-indigo-300">
              Reset the filters
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="The audit log is empty." />
        )
      }
    />
  );
}
