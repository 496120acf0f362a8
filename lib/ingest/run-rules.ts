// What a run event must satisfy on its own, the columns it writes, and the live events it publishes:
// shared by the one-by-one path (lib/ingest/apply.ts) and the fast path (lib/ingest/bulk.ts), so
// both answer and write exactly alike.
import type { ErrorIssue } from "@/lib/api/errors";
import type { LiveEvent } from "@/lib/live/schemas";
import { accountingCurrency, foreignCurrencyProblem } from "@/lib/money/currency";
import type { FinishReason, RunEvent } from "./schemas";

/** The first rule the event breaks by itself (its parents aside), or null. */
export function runEventProblem(event: RunEvent): ErrorIssue | null {
  const problem = (field: string, message: string) => ({ field, message });
  if (event.cached_input_tokens > event.input_tokens)
    return problem("cached_input_tokens", "cached_input_tokens cannot exceed input_tokens (input includes cached)");
  const created = new Date(event.created_at);
  const finished = event.finished_at ? new Date(event.finished_at) : null;
  if ((event.status === "running") !== !finished) return problem("finished_at", "a running run has no finished_at, and a finished one needs it");
  if (finished && finished < created) return problem("finished_at", "finished_at must not be before created_at");
  if ((event.status === "failed" || event.status === "cancelled") !== !!event.error)
    return problem("error", "failed and cancelled runs carry an error, others none");
  if (event.status === "running" && event.finish_reason) return problem("finish_reason", "a running run has no finish_reason yet");
  return null;
}

export const noPrice = (event: RunEvent): ErrorIssue => ({
  field: "cost",
  message: `model ${event.model_id} has no price in force at created_at: send the cost`,
});

/** A price that cannot price a run: it is not in the currency every total adds up. */
export const foreignPrice = (event: RunEvent, currency: string): ErrorIssue => ({
  field: "model_id",
  message: `model ${event.model_id} is priced in ${currency} at created_at: ${foreignCurrencyProblem(currency) ?? ""}`,
});

/** A version the run's agent does not have. */
export const noAgentVersion = (event: RunEvent): ErrorIssue => ({
  field: "agent_version",
  message: `agent ${event.agent_id} has no version ${event.agent_version}`,
});

/** The reason sent, or the one the status implies (a failed run ended in error), or unknown. */
export function finishReasonOf(event: Pick<RunEvent, "status" | "finish_reason">): FinishReason | null {
  if (event.finish_reason) return event.finish_reason;
  return event.status === "failed" ? "error" : event.status === "cancelled" ? "cancelled" : null;
}

/** The run's columns a create or an update writes (not its group, owner or creation time). */
export function runColumns(event: RunEvent, cost: string, agentVersion: number) {
  const created = new Date(event.created_at);
  const finished = event.finished_at ? new Date(event.finished_at) : null;
  return {
    model_id: event.model_id,
    agent_id: event.agent_id,
    agent_version: agentVersion,
    // Checked where the cost was decided: a sent cost's currency, or its price's.
    currency: accountingCurrency,
    status: event.status,
    finish_reason: finishReasonOf(event),
    error: event.error ?? null,
    input_tokens: event.input_tokens,
    cached_input_tokens: event.cached_input_tokens,
    output_tokens: event.output_tokens,
    previous_context_start_index: event.previous_context_start_index,
    cost,
    finished_at: finished,
    duration_ms: finished ? finished.getTime() - created.getTime() : null,
  };
}

/** A recorded run, and when it has just finished, the spec's completion (and error) events. */
export function runLiveEvents(event: RunEvent, session: { id: string; profile_id: string }, cost: string, justFinished: boolean): LiveEvent[] {
  const where = { profile_id: session.profile_id, session_id: session.id, group_id: event.group_id, run_id: event.run_id };
  const occurred_at = event.finished_at ?? event.created_at;
  const recorded: LiveEvent = {
    type: "RunRecordedEvent",
    occurred_at,
    ...where,
    status: event.status,
    model_id: event.model_id,
    agent_id: event.agent_id,
    input_tokens: event.input_tokens,
    output_tokens: event.output_tokens,
    cost,
    finished_at: event.finished_at ?? null,
  };
  if (!justFinished) return [recorded];
  const complete: LiveEvent = { type: "GenerationCompleteEvent", occurred_at, ...where, artifact_type: "run", success: event.status === "succeeded" };
  return event.error ? [recorded, { type: "GenerationErrorEvent", occurred_at, ...where, message: event.error }, complete] : [recorded, complete];
}
