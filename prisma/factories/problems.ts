// Problems flagged on a session (optionally on one group/run), open or resolved.
import type { ProblemKind, ProblemSeverity } from "@/lib/generated/prisma/enums";
import { addMs, newId } from "./ids.ts";
import type { Db } from "./people.ts";

export interface ProblemRow {
  id: string;
  session_id: string;
  group_id: string | null;
  run_id: string | null;
  kind: ProblemKind;
  severity: ProblemSeverity;
  description: string;
  flagged_by_id: string | null;
  resolved: boolean;
  resolved_by_id: string | null;
  resolved_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** An open problem unless `resolved_by_id` is given, in which case it is resolved an hour later. */
export function buildProblem(sessionId: string, overrides: Partial<ProblemRow> = {}): ProblemRow {
  const created_at = overrides.created_at ?? new Date();
  const resolvedBy = overrides.resolved_by_id ?? null;
  const resolved_at = overrides.resolved_at !== undefined ? overrides.resolved_at : resolvedBy ? addMs(created_at, 3_600_000) : null;
  return {
    id: newId(),
    session_id: sessionId,
    group_id: null,
    run_id: null,
    kind: "persona_break",
    severity: "medium",
    description: "The persona stepped out of character and mentioned being an AI model.",
    flagged_by_id: null,
    resolved: resolvedBy !== null,
    resolved_by_id: resolvedBy,
    resolved_at,
    updated_at: resolved_at ?? created_at,
    ...overrides,
    created_at,
  };
}

export async function createProblem(db: Db, sessionId: string, overrides: Partial<ProblemRow> = {}) {
  return db.problem.create({ data: buildProblem(sessionId, overrides) });
}
