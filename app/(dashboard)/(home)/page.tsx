import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PageHeading } from "@/components/ui/page-heading";
import { facetOptions } from "@/lib/facets/prepare";
import { getAnalytics } from "@/lib/activity/queries";
import type { RawSearchParams } from "@/lib/search-params";
import type { Actor } from "@/lib/auth/actor";
import { signedInActor } from "@/lib/auth/browser-actor";
import { getDashboard } from "@/lib/dashboard/queries";
import { dashboardRequestFromParams, parseDashboardSearchParams, type DashboardSearchParams } from "@/lib/dashboard/search-params";

export const metadata: Metadata = { title: "Dashboard" };

// The page lives in the (home) group so its loading.tsx and error.tsx cover "/" alone, not every page below (dashboard).
export default async function DashboardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await signedInActor();
  const params = parseDashboardSearchParams(await searchParams);
  const facets = facetOptions(await getAnalytics(actor));
  return (
    <div className="space-y-6">
      <PageHeading title="Dashboard">Who is training, how much, at what cost, and what needs attention.</PageHeading>
      <DashboardFilters
        period={params.period}
        dateFrom={params.date_from}
        dateTo={params.date_to}
        departmentIds={params.department_ids}
        roles={params.roles}
        facets={facets}
      />
      <Suspense key={JSON.stringify(params)} fallback={<DashboardSkeleton />}>
        <DashboardData actor={actor} params={params} />
      </Suspense>
    </div>
  );
}

async function DashboardData({ actor, params }: { actor: Actor; params: DashboardSearchParams }) {
  const now = new Date();
  const data = await getDashboard(actor, dashboardRequestFromParams(params), now);
  return <DashboardView data={data} now={now} />;
}
