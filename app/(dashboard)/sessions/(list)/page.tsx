import type { Metadata } from "next";
import { Suspense } from "react";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { SessionsToolbar } from "@/components/sessions/sessions-toolbar";
import { LiveUpdates } from "@/components/live/live-updates";
import { PageHeading } from "@/components/ui/page-heading";
import { TableSkeleton } from "@/components/ui/skeleton";
import { getFilterFacets } from "@/lib/facets/queries";
import type { Actor } from "@/lib/auth/actor";
import { signedInActor } from "@/lib/auth/browser-actor";
import { filterFacets } from "@/lib/facets/prepare";
import { agentName } from "@/lib/agents/queries";
import { listSessions } from "@/lib/sessions/queries";
import type { RawSearchParams } from "@/lib/search-params";
import { parseSessionSearchParams, toListSessionsRequest, type SessionSearchParams } from "@/lib/sessions/search-params";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await signedInActor();
  const params = parseSessionSearchParams(await searchParams);
  const request = toListSessionsRequest(params);
  return (
    <div className="space-y-4">
      <PageHeading
        title="Session history"
        action={<LiveUpdates filter={{}} refreshOn={["SessionStartedEvent", "SessionEndedEvent", "RunRecordedEvent"]} minIntervalMs={5_000} />}
      >
        Every training session in your scope with its usage and cost. Open a TA&apos;s name for the session&apos;s timeline.
      </PageHeading>
      <Suspense fallback={<div className="h-16" aria-hidden />}>
        <Toolbar actor={actor} params={params} />
      </Suspense>
      {/* Keyed by the request only: hiding a column re-renders the table without a skeleton. */}
      <Suspense key={JSON.stringify(request)} fallback={<TableSkeleton label="Loading sessions" />}>
        <Results actor={actor} params={params} />
      </Suspense>
    </div>
  );
}

async function Toolbar({ actor, params }: { actor: Actor; params: SessionSearchParams }) {
  // The facets ignore the filters, so the menus keep every option whatever is selected.
  const [facets, agent] = await Promise.all([getFilterFacets(actor), params.agent_id ? agentName(params.agent_id) : undefined]);
  return <SessionsToolbar params={params} facets={filterFacets(facets)} agentName={agent ?? undefined} />;
}

async function Results({ actor, params }: { actor: Actor; params: SessionSearchParams }) {
  const { items, ...pageState } = await listSessions(actor, toListSessionsRequest(params));
  return <SessionsTable rows={items} pageState={pageState} params={params} now={new Date().toISOString()} />;
}
