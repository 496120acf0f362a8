import "server-only";
// POST /ingest/otlp/v1/traces: GenAI spans mapped to ingest events (lib/ingest/otlp/map.ts) and
// applied like any batch, in one transaction. Agents named by spans but unknown to Glow are added
// (as assistants): an instrumented app names its own agents. Models are not: a run needs a price.
import type { RequestContext } from "@/lib/api/request-context";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { applyBatch } from "@/lib/ingest/batch";
import { ingestEventSchema } from "@/lib/ingest/schemas";
import { mapSpans, namesToLookUp } from "./map";
import type { OtlpTraceRequest, OtlpTraceResponse } from "./schemas";

export async function ingestOtlpTraces(actor: Actor, request: OtlpTraceRequest, context: RequestContext): Promise<OtlpTraceResponse> {
  const wanted = namesToLookUp(request);
  return prisma.$transaction(
    async (tx) => {
      const models = await tx.model.findMany({ where: { name: { in: [...wanted.models] } }, select: { id: true, name: true } });
      await tx.agent.createMany({ data: [...wanted.agents].map((name) => ({ name, kind: "assistant" as const })), skipDuplicates: true });
      const agents = await tx.agent.findMany({ where: { name: { in: [...wanted.agents] } }, select: { id: true, name: true } });
      const sessions = await tx.session.findMany({ where: { id: { in: [...wanted.sessions] } }, select: { id: true, profile_id: true } });
      const { events, spans } = mapSpans(request, {
        models: new Map(models.map((model) => [model.name, model.id])),
        agents: new Map(agents.map((agent) => [agent.name, agent.id])),
        sessions: new Map(sessions.map((session) => [session.id, session.profile_id])),
      });
      const batch = events.map(({ type, fields }) => ingestEventSchema.parse({ ...fields, type }));
      const answer = await applyBatch(tx, actor, batch, context);
      const resultOf = new Map(answer.results.map((result) => [result.event_id, result]));
      const problems = spans.flatMap(({ span, eventIds, problem }) => {
        if (problem) return [`${span}: ${problem}`];
        const refused = eventIds.map((eventId) => resultOf.get(eventId)).find((result) => result?.status === "rejected");
        const issue = refused?.issues?.[0];
        return issue ? [`${span}: ${issue.field} ${issue.message}`] : [];
      });
      return problems.length ? { partialSuccess: { rejectedSpans: problems.length, errorMessage: problems.join("; ") } } : {};
    },
    { maxWait: 10_000, timeout: 5 * 60_000 },
  );
}
