import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { agentKindLabels, formatErrorRate } from "@/components/agents/agent-labels";
import { AgentSessions } from "@/components/agents/agent-sessions";
import { AgentVersions } from "@/components/agents/agent-versions";
import { AgentsToolbar } from "@/components/agents/agents-toolbar";
import { AgentUsageChart } from "@/components/charts/agent-usage-chart";
import { CompactNumber } from "@/components/data-table/number-cells";
import { ToolbarSkeleton } from "@/components/pricing/pricing-skeletons";
import { Badge } from "@/components/ui/badge";
import { Money } from "@/components/ui/money";
import { Stat } from "@/components/ui/stat";
import { TimeAgo } from "@/components/ui/time-ago";
import { agentUsageView } from "@/lib/agents/prepare";
import { getAgent, modelOptions } from "@/lib/agents/queries";
import { agentSessionsHref, parseAgentSearchParams, toGetAgentRequest, type AgentUsageParams } from "@/lib/agents/search-params";
import type { Actor } from "@/lib/auth/actor";
import { signedInActor } from "@/lib/auth/browser-actor";
import { filterFacets } from "@/lib/facets/prepare";
import { getFilterFacets } from "@/lib/facets/queries";
import { formatDuration, formatInteger } from "@/lib/format/numbers";
import { isUuid } from "@/lib/groups/search-params";
import type { RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const actor = await signedInActor();
  const usage = parseAgentSearchParams(await searchParams);
  const answer = await getAgent(actor, toGetAgentRequest(id, usage));
  const { agent } = answer;
  if (!answer.agent_exists || !agent || !answer.sessions) notFound();
  const now = new Date();
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/agents" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            Agents
          </Link>
          <span aria-hidden className="px-1 text-slate-500 dark:text-slate-400">
            /
          </span>
          <span className="text-slate-600 dark:text-slate-300">{agent.name}</span>
        </nav>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          <span>{agent.name}</span>
          <Badge>{agentKindLabels[agent.kind]}</Badge>
          <span className="text-base font-normal text-slate-600 dark:text-slate-300">version {agent.current_version}</span>
        </h1>
        {agent.description ? <p className="text-sm text-slate-700 dark:text-slate-200">{agent.description}</p> : null}
      </header>
      <Suspense fallback={<ToolbarSkeleton />}>
        <Toolbar actor={actor} params={usage} />
      </Suspense>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        <Stat label="Sessions">{formatInteger(agent.session_count)}</Stat>
        <Stat label="Runs">{formatInteger(agent.run_count)}</Stat>
        <Stat label="Tokens">
          <CompactNumber value={agent.total_tokens} />
        </Stat>
        <Stat label="Cost">
          <Money amount={agent.total_cost} />
        </Stat>
        <Stat label="Mean response">{agent.avg_response_ms === null ? "—" : formatDuration(agent.avg_response_ms)}</Stat>
        <Stat label="Errors">
          <span title={`${formatInteger(agent.failed_run_count)} of ${formatInteger(agent.run_count)} runs failed`}>
            {formatErrorRate(agent.error_rate)}
          </span>
        </Stat>
        <Stat label="Last used">{agent.last_used_at ? <TimeAgo iso={agent.last_used_at} now={now} /> : "Never"}</Stat>
      </dl>
      <AgentUsageChart view={agentUsageView(answer.usage_per_day)} />
      <section aria-labelledby="versions-heading" className="space-y-2">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <AgentVersions versions={answer.versions} showsPrompts={actor.access_level !== "ta"} />
      </section>
      <section aria-labelledby="agent-sessions-heading" className="space-y-2">
        <h2 id="agent-sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">The newest sessions it ran in, started within the dates and departments above.</p>
        <AgentSessions sessions={answer.sessions} agentId={agent.agent_id} allHref={agentSessionsHref(agent.agent_id, usage)} />
      </section>
    </div>
  );
}

async function Toolbar({ actor, params }: { actor: Actor; params: AgentUsageParams }) {
  const [facets, models] = await Promise.all([getFilterFacets(actor), modelOptions()]);
  return <AgentsToolbar params={params} withKind={false} facets={{ departments: filterFacets(facets).departments, models }} />;
}
