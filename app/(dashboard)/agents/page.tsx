import type { Metadata } from "next";
import { Suspense } from "react";
import { AgentsTable } from "@/components/agents/agents-table";
import { AgentsToolbar } from "@/components/agents/agents-toolbar";
import { CostBarsChart } from "@/components/charts/cost-bars-chart";
import { ToolbarSkeleton } from "@/components/pricing/pricing-skeletons";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";
import { agentCostBars } from "@/lib/agents/prepare";
import { listAgents, modelOptions } from "@/lib/agents/queries";
import type { ListAgentsResponse } from "@/lib/agents/schemas";
import { parseAgentsSearchParams, toListAgentsRequest, type AgentsPageParams } from "@/lib/agents/search-params";
import type { Actor } from "@/lib/auth/actor";
import { signedInActor } from "@/lib/auth/browser-actor";
import { filterFacets } from "@/lib/facets/prepare";
import { getFilterFacets } from "@/lib/facets/queries";
import type { RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await signedInActor();
  const params = parseAgentsSearchParams(await searchParams);
  const request = toListAgentsRequest(params);
  // One answer feeds the chart and the table: every agent fits on a page of the chart.
  const agents = listAgents(actor, { ...request, page: 1, page_size: 200 });
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Agents</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          The student personas TAs train against, and the graders and coaches beside them: how much each ran, what it cost, how fast it answered and
          how often it failed.
        </p>
      </header>
      <Suspense fallback={<ToolbarSkeleton />}>
        <Toolbar actor={actor} params={params} />
      </Suspense>
      <Suspense key={JSON.stringify(request)} fallback={<Skeleton className="h-72 w-full" />}>
        <Chart agents={agents} />
      </Suspense>
      <Suspense key={`table-${JSON.stringify(request)}`} fallback={<TableSkeleton label="Loading agents" />}>
        <Table actor={actor} agents={agents} params={params} />
      </Suspense>
    </div>
  );
}

async function Toolbar({ actor, params }: { actor: Actor; params: AgentsPageParams }) {
  const [facets, models] = await Promise.all([getFilterFacets(actor), modelOptions()]);
  return <AgentsToolbar params={params} withKind facets={{ departments: filterFacets(facets).departments, models }} />;
}

async function Chart({ agents }: { agents: Promise<ListAgentsResponse> }) {
  return (
    <CostBarsChart
      id="cost-by-agent"
      title="Cost by agent"
      itemLabel="Agent"
      empty="No agent ran in this window. Widen the date range or clear a filter."
      view={agentCostBars((await agents).items)}
    />
  );
}

/** The table pages what the chart summed (the same answer, sliced as the API would) unless agents outnumber one answer. */
async function Table({ actor, agents, params }: { actor: Actor; agents: Promise<ListAgentsResponse>; params: AgentsPageParams }) {
  const all = await agents;
  const { items, ...pageState } = all.total_count > all.items.length ? await listAgents(actor, toListAgentsRequest(params)) : sliced(all, params);
  return <AgentsTable rows={items} pageState={pageState} params={params} now={new Date().toISOString()} />;
}

function sliced(all: ListAgentsResponse, params: AgentsPageParams): ListAgentsResponse {
  const start = (params.page - 1) * params.page_size;
  return {
    ...all,
    items: all.items.slice(start, start + params.page_size),
    page: params.page,
    page_size: params.page_size,
    total_pages: Math.ceil(all.total_count / params.page_size),
  };
}
