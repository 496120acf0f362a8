"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type PageState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/states";
import type { UserItem } from "@/lib/users/schemas";
import type { Department } from "./user-access-fields";
import { userColumns } from "./users-columns";

export function UsersTable({
  rows,
  pageState,
  departments,
  currentProfileId,
  filtered,
  now,
}: {
  rows: UserItem[];
  pageState: PageState;
  departments: Department[];
  currentProfileId: string;
  filtered: boolean;
  now: string;
}) {
  const columns = useMemo(() => userColumns({ departments, currentProfileId, now }), [departments, currentProfileId, now]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.profile_id}
      sortBy="name"
      sortOrder="asc"
      pageState={pageState}
      caption="User accounts, by name"
      empty={
        filtered ? (
          <EmptyState title="No users match these filters.">
            <Link href="/settings/users" className="text-indigo-700 underline dark:text-indigo-300">
              Reset the filters
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No users yet.">Add the first one with “Add user”.</EmptyState>
        )
      }
    />
  );
}
