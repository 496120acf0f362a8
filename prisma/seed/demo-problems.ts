// Problems flagged on demo sessions: every kind and severity, some linked to a group or a failed
// run, about half resolved by an admin or a coordinator who covers the TA's department.
import { buildProblem, type ProfileRow } from "../factories/index.ts";
import { problemTemplates } from "./catalog.ts";
import type { DemoPeople } from "./demo-people.ts";
import type { Random } from "./random.ts";
import { groupBy, hour, minute, type DemoContext } from "./rows.ts";

const problemCount = 44;

export function buildProblems(ctx: DemoContext, rng: Random, people: DemoPeople): void {
  const { rows, anchor } = ctx;
  const ended = rows.sessions.filter((s) => !s.active);
  const groupsBySession = groupBy(rows.groups, (g) => g.session_id);
  const runsByGroup = groupBy(rows.runs, (r) => r.group_id);
  const sessionOfGroup = new Map(rows.groups.map((g) => [g.id, g.session_id]));
  const failedRuns = rows.runs.filter((r) => r.status === "failed");
  const deptOf = new Map(rows.profiles.map((p) => [p.id, p.department_id]));
  const scopesOf = groupBy(rows.scopes, (s) => s.profile_id);

  for (let i = 0; i < problemCount; i++) {
    const template = problemTemplates[i % problemTemplates.length]!;
    let sessionId: string;
    let groupId: string | null = null;
    let runId: string | null = null;
    const failed = template.kind === "technical_error" && failedRuns.length ? rng.pick(failedRuns) : undefined;
    if (failed) {
      runId = failed.id;
      groupId = failed.group_id;
      sessionId = sessionOfGroup.get(failed.group_id)!;
    } else {
      sessionId = rng.pick(ended).id;
      const groups = groupsBySession.get(sessionId) ?? [];
      if (groups.length && rng.chance(0.7)) {
        const group = rng.pick(groups);
        groupId = group.id;
        const runs = runsByGroup.get(group.id) ?? [];
        if (runs.length && rng.chance(0.6)) runId = rng.pick(runs).id;
      }
    }
    const session = rows.sessions.find((s) => s.id === sessionId)!;
    const latest = anchor.getTime() - hour;
    const created_at = new Date(Math.min(session.updated_at.getTime() + rng.int(2, 48 * 60) * minute, latest));
    const dept = deptOf.get(session.profile_id);
    const resolvers: ProfileRow[] = [
      ...people.admins,
      ...people.coordinators.filter((c) => (scopesOf.get(c.id) ?? []).some((s) => s.department_id === dept)),
    ];
    // The first problem of each severity stays open, so every severity shows in the open queue.
    const resolve = i >= problemTemplates.length && created_at.getTime() < latest - 24 * hour && rng.chance(0.6);
    const resolved_at = resolve ? new Date(Math.min(created_at.getTime() + rng.int(20, 72 * 60) * minute, latest)) : null;
    rows.problems.push(
      buildProblem(sessionId, {
        id: rng.uuid(),
        group_id: groupId,
        run_id: runId,
        kind: template.kind,
        severity: template.severity,
        description: template.description,
        flagged_by_id: rng.chance(0.5) ? rng.pick(resolvers).id : null,
        resolved_by_id: resolve ? rng.pick(resolvers).id : null,
        resolved_at,
        created_at,
        updated_at: resolved_at ?? created_at,
      }),
    );
  }
}
