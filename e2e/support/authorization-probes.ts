// How the authorization matrix (e2e/authorization-matrix.spec.ts) asks each endpoint about an
// object of department A or B, and how it tells from the answer whether that object was shown.
import { randomUUID } from "node:crypto";
import type { MediaKind } from "@/lib/media/schemas";
import type { Side } from "./authorization-world";

export type Body = Record<string, unknown>;

/** How to ask an endpoint about an object, and how to tell whether the answer shows it. */
export type Probe =
  | { kind: "id"; id: (side: Side) => string; body: (id: string) => Body; shows?: (json: Record<string, unknown>) => boolean }
  | { kind: "filter"; body: (side: Side) => Body; shows: (text: string, side: Side) => boolean }
  | { kind: "none"; body: () => Body };

const byDepartment = (side: Side): Body => ({ department_ids: [side.department_id] });
const byProfile = (side: Side): Body => ({ profile_id: side.ta.profile_id });
const download = (kind: MediaKind): Probe => ({ kind: "id", id: (side) => side.uploads[kind], body: (id) => ({ [`${kind}_upload_id`]: id }) });

/**
 * The probe of every endpoint. `spareName` names a spare account by id: the update of a user sends
 * the name it already has, so a probe that gets through changes nothing.
 */
export function matrixProbes(spareName: (profileId: string) => string): Record<string, Probe> {
  return {
    "/system/activity": { kind: "filter", body: byDepartment, shows: (text, side) => text.includes(side.ta.profile_id) },
    // Either sign of the department's data: its open problem (among the newest 8, which other specs
    // adding problems could push out) or its cost line (the side's run is in the default window).
    "/system/dashboard": {
      kind: "filter",
      body: byDepartment,
      shows: (text, side) =>
        text.includes(side.problem_id) ||
        (JSON.parse(text) as { cost_by_department: { department_id: string | null }[] }).cost_by_department.some(
          (row) => row.department_id === side.department_id,
        ),
    },
    "/system/follow_up": { kind: "filter", body: byDepartment, shows: (text, side) => text.includes(side.ta.profile_id) },
    "/system/sessions": { kind: "filter", body: byProfile, shows: (text, side) => text.includes(side.session_id) },
    "/system/session": {
      kind: "id",
      id: (side) => side.session_id,
      body: (id) => ({ session_id: id }),
      shows: (json) => json.session_exists === true,
    },
    "/system/group": { kind: "id", id: (side) => side.group_id, body: (id) => ({ group_id: id }), shows: (json) => json.group_exists === true },
    "/system/groups": { kind: "filter", body: byProfile, shows: (text, side) => text.includes(side.group_id) },
    // Model prices are public; what is scoped is the runs counted against them.
    "/system/pricing": {
      kind: "filter",
      body: byDepartment,
      shows: (text) => (JSON.parse(text) as { cost_by_model: { run_count: number }[] }).cost_by_model.some((model) => model.run_count > 0),
    },
    // Agents are everyone's; what is scoped is the usage counted for them and the sessions listed.
    "/system/agents": {
      kind: "filter",
      body: byDepartment,
      shows: (text, side) =>
        (JSON.parse(text) as { items: { agent_id: string; run_count: number }[] }).items.some(
          (agent) => agent.agent_id === side.agent_id && agent.run_count > 0,
        ),
    },
    "/system/agent": {
      kind: "filter",
      body: (side) => ({ agent_id: side.agent_id, ...byDepartment(side), sessions: byProfile(side) }),
      shows: (text, side) => text.includes(side.session_id),
    },
    "/system/audio_download": download("audio"),
    "/system/image_download": download("image"),
    "/system/video_download": download("video"),
    "/system/file_download": download("file"),
    "/system/text_download": download("text"),
    "/system/export": { kind: "id", id: (side) => side.session_id, body: (id) => ({ target_session_id: id }) },
    "/system/refresh": { kind: "none", body: () => ({}) },
    "/system/problems": { kind: "filter", body: byProfile, shows: (text, side) => text.includes(side.problem_id) },
    // resolved: false re-opens an open problem, which changes nothing: the rows stay as they were.
    "/activity/resolve": { kind: "id", id: (side) => side.problem_id, body: (id) => ({ problem_id: id, resolved: false }) },
    "/system/emulation/start": { kind: "id", id: (side) => side.ta.profile_id, body: (id) => ({ profile_id: id }) },
    "/system/emulation/end": { kind: "none", body: () => ({}) },
    // The admin endpoints act on any account; the spare TA is the one they may change.
    "/system/users": { kind: "filter", body: (side) => ({ search: side.ta.email }), shows: (text, side) => text.includes(side.ta.profile_id) },
    "/system/users/create": {
      kind: "none",
      body: () => {
        const tag = randomUUID().slice(0, 8);
        return { name: `Matrix Invitee ${tag}`, email: `matrix-${tag}@test.glow.example`, access_level: "ta", department_id: "dept-cs" };
      },
    },
    // Setting the name it already has changes nothing a later row could notice.
    "/system/users/update": { kind: "id", id: (side) => side.spare.profile_id, body: (id) => ({ profile_id: id, name: spareName(id) }) },
    "/system/users/invite": { kind: "id", id: (side) => side.spare.profile_id, body: (id) => ({ profile_id: id }) },
    "/system/tokens": { kind: "filter", body: byProfile, shows: (text, side) => text.includes(side.ta.profile_id) },
    "/system/tokens/create": {
      kind: "id",
      id: (side) => side.spare.profile_id,
      body: (id) => ({ name: "matrix", profile_id: id, expires_in_days: 1 }),
    },
    "/system/tokens/revoke": { kind: "id", id: (side) => side.spare_token_id, body: (id) => ({ token_id: id }) },
    "/system/audit": { kind: "none", body: () => ({ page_size: 1 }) },
    "/system/audit/access_history": {
      kind: "id",
      id: (side) => side.ta.profile_id,
      body: (id) => ({ profile_id: id, purpose: "Authorization matrix" }),
    },
    // Only a token with the ingest scope may send data; no caller of the matrix has one.
    "/ingest/batch": { kind: "none", body: () => ({ events: [{ type: "session" }] }) },
    "/ingest/upload": { kind: "none", body: () => ({}) },
    "/ingest/otlp/v1/traces": { kind: "none", body: () => ({ resourceSpans: [] }) },
    // Every signed-in caller may open a stream; which events each receives is lib/live/watch.db.test.ts's.
    "/system/watch": { kind: "none", body: () => ({ max_seconds: 0.5 }) },
  };
}
