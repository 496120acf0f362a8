import type { Metadata } from "next";
import { Suspense } from "react";
import { ActivityFilters } from "@/components/activity/activity-filters";
import { ActivitySummaryCards } from "@/components/activity/activity-summary-cards";
import { ActivityTable } from "@/components/activity/activity-table";
import { ActivityTabs } from "@/components/activity/activity-tabs";
import { FollowUpList } from "@/components/activity/follow-up-list";
import { IdleDaysSelect } from "@/components/activity/idle-days-select";
import { PageHeading } from "@/components/ui/page-heading";
import { TableSkeleton } from "@/components/ui/skeleton";
import { prepareActivityRows, prepareFollowUp, prepareSummary } from "@/lib/activity/prepare";
import { facetOptions } from "@/lib/facets/prepare";
import { getActivity, getAnalytics } from "@/lib/activity/queries";
import { activityRequestFromParams, parseActivitySearchParams, type ActivitySearchParams } from "@/lib/activity/search-params";
import type { RawSearchParams } from "@/lib/search-params";
import type { Actor } from "@/lib/auth/actor";
import { signedInActor } from "@/lib/auth/browser-actor";
import { getFollowUp } from "@/lib/dashboard/queries";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await signedInActor();
  const params = parseActivitySearchParams(await searchParams);
  const facets = facetOptions(await getAnalytics(actor));
  const followUp = params.view === "follow_up";
  // The sort is applied in the browser, so changing it must not remount (and refetch) the data.
  const { sort_by: _sortBy, sort_order: _sortOrder, ...dataKey } = params;
  return (
    <div className="space-y-5">
      <PageHeading title="Activity">
        {followUp
          ? "TAs who have not trained lately or have open problems, counted back from today."
          : "Sessions, sign-ins, grants and problems per person in the chosen days (UTC)."}
      </PageHeading>
      <ActivityTabs current={params.view} />
      <div className="flex flex-wrap items-end gap-3">
        {followUp ? <IdleDaysSelect value={params.idle_days} /> : null}
        <ActivityFilters
          dateFrom={params.date_from}
          dateTo={params.date_to}
          departmentIds={params.department_ids}
          roles={params.roles}
          facets={facets}
          showDates={!followUp}
          clearHref={followUp ? `/activity?view=follow_up&idle_days=${params.idle_days}` : "/activity"}
        />
      </div>
      <Suspense key={JSON.stringify(dataKey)} fallback={<TableSkeleton label={followUp ? "Loading who needs follow-up" : "Loading activity"} />}>
        {followUp ? <FollowUpData actor={actor} params={params} /> : <ProfilesData actor={actor} params={params} />}
      </Suspense>
    </div>
  );
}

async function ProfilesData({ actor, params }: { actor: Actor; params: ActivitySearchParams }) {
  const data = await getActivity(actor, activityRequestFromParams(params));
  const rows = prepareActivityRows(data, params);
  return (
    <div className="space-y-4">
      <ActivitySummaryCards cards={prepareSummary(data)} />
      <ActivityTable
        rows={rows}
        canViewAs={actor.access_level === "admin" && !actor.emulation}
        empty={
          <>
            <p className="font-medium text-slate-900 dark:text-slate-100">No one matches these filters</p>
            <p className="mt-1 text-sm">Clear the department or role filters, or widen the dates.</p>
          </>
        }
      />
    </div>
  );
}

async function FollowUpData({ actor, params }: { actor: Actor; params: ActivitySearchParams }) {
  const data = await getFollowUp(actor, { department_ids: params.department_ids, roles: params.roles, idle_days: params.idle_days });
  const rows = prepareFollowUp(data);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
        {rows.length === 1 ? "1 TA needs" : `${rows.length} TAs need`} follow-up: no session in {params.idle_days} days, or open problems.
      </p>
      <FollowUpList rows={rows} idleDays={params.idle_days} />
    </div>
  );
}
