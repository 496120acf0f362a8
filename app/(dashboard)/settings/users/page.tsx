import type { Metadata } from "next";
import { Suspense } from "react";
import { AddUserDialog } from "@/components/settings/add-user-dialog";
import type { Department } from "@/components/settings/user-access-fields";
import { UsersTable } from "@/components/settings/users-table";
import { UsersToolbar } from "@/components/settings/users-toolbar";
import { TableSkeleton } from "@/components/ui/skeleton";
import { settingsAdmin } from "@/lib/auth/browser-actor";
import type { RawSearchParams } from "@/lib/search-params";
import { listDepartments, listUsers } from "@/lib/users/queries";
import { parseUserSearchParams, toListUsersRequest, type UserSearchParams } from "@/lib/users/search-params";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Checked here as well as in the layout: a client-side navigation renders only the page.
  const actor = await settingsAdmin();
  const [params, departments] = await Promise.all([searchParams.then(parseUserSearchParams), listDepartments()]);
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="users-heading" className="text-lg font-semibold">
            Users
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">Who can sign in, what they may see, and pending invitations.</p>
        </div>
        <AddUserDialog departments={departments} />
      </div>
      <UsersToolbar params={params} departments={departments} />
      <Suspense key={JSON.stringify(params)} fallback={<TableSkeleton label="Loading users" />}>
        <Results params={params} departments={departments} currentProfileId={actor.profile_id} />
      </Suspense>
    </section>
  );
}

async function Results({ params, departments, currentProfileId }: { params: UserSearchParams; departments: Department[]; currentProfileId: string }) {
  const { items, ...pageState } = await listUsers(toListUsersRequest(params));
  const filtered = !!(params.search || params.access_level || params.department_id || params.status);
  return (
    <UsersTable
      rows={items}
      pageState={pageState}
      departments={departments}
      currentProfileId={currentProfileId}
      filtered={filtered}
      now={new Date().toISOString()}
    />
  );
}
