import type { Metadata } from "next";
import { Suspense } from "react";
import { ProblemTabs } from "@/components/problems/problem-tabs";
import { ProblemsTable } from "@/components/problems/problems-table";
import { ProblemsToolbar } from "@/components/problems/problems-toolbar";
import { PageHeading } from "@/components/ui/page-heading";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";
import { getFilterFacets } from "@/lib/facets/queries";
import type { Actor } from "@/lib/auth/actor";
import { signedInActor } from "@/lib/auth/browser-actor";
import { countProblems, listProblems } from "@/lib/problems/queries";
import { parseProblemSearchParams, toListProblemsRequest, type ProblemSearchParams } from "@/lib/problems/search-params";
import { filterFacets } from "@/lib/facets/prepare";
import type { RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Problems" };

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await signedInActor();
  const params = parseProblemSearchParams(await searchParams);
  return (
    <div className="space-y-4">
      <PageHeading title="Problems">
        Problems flagged on training sessions. Resolve them once followed up; re-open one if it needs another look.
      </PageHeading>
      <Suspense key={filterKey(params)} fallback={<Skeleton className="h-10 w-72" />}>
        <Tabs actor={actor} params={params} />
      </Suspense>
      <Suspense fallback={<div className="h-14" aria-hidden />}>
        <Toolbar actor={actor} params={params} />
      </Suspense>
      <Suspense key={JSON.stringify(params)} fallback={<TableSkeleton label="Loading problems" />}>
        <Results actor={actor} params={params} />
      </Suspense>
    </div>
  );
}

/** The tab counts depend on the filters only, not on the tab, page or order. */
function filterKey({ kinds, severities, department_ids, roles, profile_id }: ProblemSearchParams): string {
  return JSON.stringify({ kinds, severities, department_ids, roles, profile_id });
}

async function Tabs({ actor, params }: { actor: Actor; params: ProblemSearchParams }) {
  // One count per tab under the same filters.
  const count = (status: ProblemSearchParams["status"]) => countProblems(actor, toListProblemsRequest({ ...params, status }));
  const [open, resolved] = await Promise.all([count("open"), count("resolved")]);
  return <ProblemTabs current={params.status} counts={{ open, resolved, all: open + resolved }} />;
}

async function Toolbar({ actor, params }: { actor: Actor; params: ProblemSearchParams }) {
  const facets = filterFacets(await getFilterFacets(actor));
  return <ProblemsToolbar params={params} facets={facets} />;
}

async function Results({ actor, params }: { actor: Actor; params: ProblemSearchParams }) {
  const { items, ...pageState } = await listProblems(actor, toListProblemsRequest(params));
  return <ProblemsTable rows={items} pageState={pageState} params={params} canResolve={actor.access_level !== "ta"} now={new Date().toISOString()} />;
}
