// Test helper: random sequences of writes over every table a summary reads (inserts, updates that
// move rows across days or flip their state, deletes that cascade), for the summaries' tests.
import fc from "fast-check";
import { mediaStore } from "@/lib/storage/media-store";
import { db } from "@/tests/api-helpers";
import { addMs } from "@/prisma/factories/ids.ts";
import { createEmulation, createGrant, createLogin } from "@/prisma/factories/people.ts";
import { createProblem } from "@/prisma/factories/problems.ts";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions.ts";

export interface WriteContext {
  profiles: { id: string; email: string }[];
  /** Departments the profiles move between (the first is theirs at the start). */
  departmentIds: string[];
  adminId: string;
  models: string[];
  agentId: string;
}

/** Writes happen within two days of this instant, which is a few hours from a midnight and a month's end. */
export const T0 = Date.UTC(2025, 0, 30, 22, 0, 0);
const hour = 3_600_000;

export type Op =
  | { kind: "session"; profile: number; at: number; active: boolean }
  | { kind: "chat" | "attempt" | "end" | "delete_session"; session: number; at: number }
  | { kind: "group"; session: number; at: number; runs: number; model: number }
  | { kind: "problem"; session: number; at: number; resolved: boolean }
  | { kind: "toggle_problem" | "delete_message" | "delete_group"; pick: number }
  | { kind: "update_run" | "delete_run"; pick: number; shift: number; model: number }
  | { kind: "login"; profile: number; at: number; succeeded: boolean }
  | { kind: "grant" | "emulation" | "rename"; profile: number; at: number }
  | { kind: "move"; profile: number; department: number; role: number };

const at = fc.integer({ min: -48, max: 48 }).map((h) => T0 + h * hour + 17 * 60_000);
export const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("session" as const), profile: fc.nat(2), at, active: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constantFrom("chat" as const, "attempt" as const, "end" as const), session: fc.nat(), at }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("delete_session" as const), session: fc.nat(), at }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant("group" as const), session: fc.nat(), at, runs: fc.integer({ min: 0, max: 3 }), model: fc.nat(1) }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant("problem" as const), session: fc.nat(), at, resolved: fc.boolean() }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constantFrom("toggle_problem" as const, "delete_message" as const, "delete_group" as const), pick: fc.nat() }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom("update_run" as const, "delete_run" as const),
      pick: fc.nat(),
      shift: fc.integer({ min: -30, max: 30 }),
      model: fc.nat(1),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("login" as const), profile: fc.nat(2), at, succeeded: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom("grant" as const, "emulation" as const, "rename" as const), profile: fc.nat(2), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("move" as const), profile: fc.nat(2), department: fc.nat(1), role: fc.nat(3) }), weight: 1 },
);

const roles = ["head_ta", "graduate_ta", "undergraduate_ta", null] as const;

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

export async function applyWrites(ctx: WriteContext, ops: readonly Op[]): Promise<void> {
  const { profiles, adminId, models, agentId, departmentIds } = ctx;
  const d = db();
  const store = mediaStore();
  const sessions: { id: string; profile_id: string; created_at: Date }[] = [];
  for (const o of ops) {
    switch (o.kind) {
      case "session": {
        const { session } = await createSession(d, profiles[o.profile]!.id, { created_at: new Date(o.at), active: o.active }, { chats: [] });
        sessions.push(session);
        break;
      }
      case "chat":
      case "attempt": {
        const s = pick(sessions, o.session);
        if (!s) break;
        if (o.kind === "chat") await d.chat.create({ data: { session_id: s.id, name: "Chat", created_at: new Date(o.at) } });
        else await d.attempt.create({ data: { session_id: s.id, name: "Attempt", created_at: new Date(o.at) } });
        break;
      }
      case "end": {
        const s = pick(sessions, o.session);
        if (s) await d.session.update({ where: { id: s.id }, data: { active: false, ended_at: new Date(o.at), updated_at: new Date(o.at) } });
        break;
      }
      case "delete_session": {
        const s = pick(sessions, o.session);
        if (!s) break;
        await d.session.deleteMany({ where: { id: s.id } });
        sessions.splice(sessions.indexOf(s), 1);
        break;
      }
      case "group": {
        const s = pick(sessions, o.session);
        if (!s) break;
        const runs = Array.from({ length: o.runs }, (_, i) => ({
          created_at: new Date(o.at + i * 40 * 60_000),
          model_id: models[(o.model + i) % 2],
          messages: [
            { role: "user" as const, text: `q${i}` },
            { role: "assistant" as const, text: `a${i}` },
          ],
        }));
        await createGroupWithRuns(d, store, { session: s, created_at: new Date(o.at), model_id: models[o.model], agent_id: agentId, runs });
        break;
      }
      case "problem": {
        const s = pick(sessions, o.session);
        if (s) {
          await createProblem(d, s.id, { created_at: new Date(o.at), resolved: o.resolved, ...(o.resolved ? { resolved_at: new Date(o.at) } : {}) });
        }
        break;
      }
      case "toggle_problem": {
        const problems = await d.problem.findMany({ where: { session: { profile_id: { in: profiles.map((p) => p.id) } } }, orderBy: { id: "asc" } });
        const p = pick(problems, o.pick);
        if (p) await d.problem.update({ where: { id: p.id }, data: { resolved: !p.resolved } });
        break;
      }
      case "delete_message":
      case "delete_group": {
        const owned = { session: { profile_id: { in: profiles.map((p) => p.id) } } };
        if (o.kind === "delete_group") {
          const g = pick(await d.group.findMany({ where: owned, orderBy: { id: "asc" } }), o.pick);
          if (g) await d.group.delete({ where: { id: g.id } });
        } else {
          const m = pick(await d.message.findMany({ where: { run: { group: owned } }, orderBy: { id: "asc" }, take: 50 }), o.pick);
          if (m) await d.message.delete({ where: { id: m.id } });
        }
        break;
      }
      case "update_run":
      case "delete_run": {
        const r = pick(await d.run.findMany({ where: { profile_id: { in: profiles.map((p) => p.id) } }, orderBy: { id: "asc" } }), o.pick);
        if (!r) break;
        if (o.kind === "delete_run") await d.run.delete({ where: { id: r.id } });
        else {
          // Odd shifts move the run to its agent's version 2 and fail it: the agent summaries count
          // versions, failures and response times.
          const second = o.shift % 2 !== 0;
          if (second) {
            const key = { agent_id: r.agent_id, version: 2 };
            await d.agentVersion.upsert({ where: { agent_id_version: key }, create: key, update: {} });
          }
          await d.run.update({
            where: { id: r.id },
            data: {
              input_tokens: r.input_tokens + 11,
              cost: r.cost.plus("0.0000001"),
              model_id: models[o.model],
              created_at: addMs(r.created_at, o.shift * hour),
              agent_version: second ? 2 : 1,
              ...(second ? { status: "failed" as const, finish_reason: "error" as const, duration_ms: 1_000 + Math.abs(o.shift) } : {}),
            },
          });
        }
        break;
      }
      case "login":
        await createLogin(d, profiles[o.profile]!, { created_at: new Date(o.at), succeeded: o.succeeded });
        break;
      case "grant":
        await createGrant(d, profiles[o.profile]!.id, { created_at: new Date(o.at) });
        break;
      case "emulation":
        await createEmulation(d, adminId, profiles[o.profile]!.id, { started_at: new Date(o.at) });
        break;
      case "rename":
        await d.profile.update({ where: { id: profiles[o.profile]!.id }, data: { name: `Renamed ${o.at}` } });
        break;
      case "move":
        await d.profile.update({
          where: { id: profiles[o.profile]!.id },
          data: { department_id: departmentIds[o.department % departmentIds.length], ta_role: roles[o.role] },
        });
        break;
    }
  }
}
