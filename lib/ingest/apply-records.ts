import "server-only";
// Applying the ingest events about people and what happened around sessions. Like the others, each
// runs in its own transaction with its idempotency row (lib/ingest/batch.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import { publishLive } from "@/lib/live/publish";
import { at, refuse, sendFirst, touchSession, type Tx } from "./apply";
import type { AgentEvent, DepartmentEvent, EmulationEvent, LoginEvent, ProblemEvent, ProfileEvent, ToolCallEvent } from "./schemas";

export async function applyDepartment(tx: Tx, event: DepartmentEvent): Promise<void> {
  const sameName = await tx.department.findUnique({ where: { name: event.name }, select: { id: true } });
  if (sameName && sameName.id !== event.department_id) refuse("name", `department ${sameName.id} already has this name`);
  await tx.department.upsert({
    where: { id: event.department_id },
    create: { id: event.department_id, name: event.name },
    update: { name: event.name },
  });
}

/**
 * An agent, and with `version` one version of it. Version 1 of a new agent is made bare by the
 * database with the agent; the event fills it. A recorded version never changes: the runs that
 * used it say what they ran against.
 */
export async function applyAgent(tx: Tx, event: AgentEvent): Promise<void> {
  const sameName = await tx.agent.findUnique({ where: { name: event.name }, select: { id: true } });
  if (sameName && sameName.id !== event.agent_id) refuse("name", `agent ${sameName.id} already has this name`);
  const effective = event.effective_at ? new Date(event.effective_at) : new Date();
  const fields = { name: event.name, kind: event.kind, ...(event.description !== undefined ? { description: event.description } : {}) };
  await tx.agent.upsert({ where: { id: event.agent_id }, create: { id: event.agent_id, ...fields, created_at: effective }, update: fields });
  if (event.version === undefined) return;
  if (event.model_id && !(await tx.model.findUnique({ where: { id: event.model_id }, select: { id: true } })))
    refuse("model_id", `no model ${event.model_id}`);
  const key = { agent_id: event.agent_id, version: event.version };
  const sent = {
    prompt: event.prompt ?? null,
    model_id: event.model_id ?? null,
    temperature: event.temperature ?? null,
    change_note: event.change_note ?? null,
    created_at: effective,
  };
  const stored = await tx.agentVersion.findUnique({ where: { agent_id_version: key } });
  if (!stored) {
    await tx.agentVersion.create({ data: { ...key, ...sent } });
    return;
  }
  const bare = stored.prompt === null && stored.model_id === null && stored.temperature === null && stored.change_note === null;
  const same =
    stored.prompt === sent.prompt &&
    stored.model_id === sent.model_id &&
    (stored.temperature?.toFixed() ?? null) === (sent.temperature === null ? null : new Prisma.Decimal(sent.temperature).toFixed()) &&
    stored.change_note === sent.change_note;
  if (same) return;
  if (!bare) refuse("version", `version ${event.version} of this agent is recorded with other settings: send a new version`);
  await tx.agentVersion.update({
    where: { agent_id_version: key },
    data: { ...sent, ...(event.effective_at ? {} : { created_at: stored.created_at }) },
  });
}

export async function applyProfile(tx: Tx, event: ProfileEvent): Promise<void> {
  if (event.department_id && !(await tx.department.findUnique({ where: { id: event.department_id }, select: { id: true } }))) {
    sendFirst("department_id", "department", event.department_id);
  }
  const sameEmail = await tx.profile.findUnique({ where: { email: event.email }, select: { id: true } });
  if (sameEmail && sameEmail.id !== event.profile_id) refuse("email", "another profile has this email");
  const existing = await tx.profile.findUnique({ where: { id: event.profile_id }, select: { access_level: true } });
  // An ingest token sends training data; it never creates or changes who may sign in to Glow Admin.
  if (existing && existing.access_level !== "ta") refuse("profile_id", "this is an admin or coordinator account: manage it in Settings");
  const fields = {
    name: event.name,
    email: event.email,
    ...(event.department_id !== undefined ? { department_id: event.department_id } : {}),
    ...(event.ta_role !== undefined ? { ta_role: event.ta_role } : {}),
  };
  if (existing) await tx.profile.update({ where: { id: event.profile_id }, data: fields });
  else await tx.profile.create({ data: { id: event.profile_id, access_level: "ta", ...fields } });
}

export async function applyToolCall(tx: Tx, event: ToolCallEvent): Promise<void> {
  const message = await tx.message.findUnique({
    where: { id: event.message_id },
    select: { run: { select: { group: { select: { session_id: true } } } } },
  });
  if (!message) return sendFirst("message_id", "message", event.message_id);
  if (await tx.toolCall.findUnique({ where: { id: event.tool_call_id }, select: { id: true } }))
    refuse("tool_call_id", "a tool call does not change once sent");
  await tx.toolCall.create({
    data: {
      id: event.tool_call_id,
      message_id: event.message_id,
      template_name: event.template_name,
      file_path: event.file_path ?? null,
      created_at: at(event.created_at),
    },
  });
  await touchSession(tx, message.run.group.session_id, at(event.created_at));
}

export async function applyProblem(tx: Tx, event: ProblemEvent): Promise<void> {
  const session = await tx.session.findUnique({ where: { id: event.session_id }, select: { profile_id: true } });
  if (!session) return sendFirst("session_id", "session", event.session_id);
  if (event.group_id) {
    const group = await tx.group.findUnique({ where: { id: event.group_id }, select: { session_id: true } });
    if (!group) sendFirst("group_id", "group", event.group_id);
    else if (group.session_id !== event.session_id) refuse("group_id", "the group belongs to another session");
  }
  if (event.run_id) {
    const run = await tx.run.findUnique({ where: { id: event.run_id }, select: { group_id: true, group: { select: { session_id: true } } } });
    if (!run) sendFirst("run_id", "run", event.run_id);
    else if (run.group.session_id !== event.session_id) refuse("run_id", "the run belongs to another session");
    else if (event.group_id && run.group_id !== event.group_id) refuse("run_id", "the run belongs to another group");
  }
  const flagged = at(event.flagged_at);
  const resolvedAt = event.resolved_at ? at(event.resolved_at) : null;
  if (resolvedAt && resolvedAt < flagged) refuse("resolved_at", "resolved_at must not be before flagged_at");
  const existing = await tx.problem.findUnique({ where: { id: event.problem_id }, select: { session_id: true, resolved: true } });
  if (existing && existing.session_id !== event.session_id) refuse("session_id", "a problem's session cannot change");
  const resolved = event.resolved_at === undefined ? (existing?.resolved ?? false) : resolvedAt !== null;
  const fields = {
    group_id: event.group_id ?? null,
    run_id: event.run_id ?? null,
    kind: event.kind,
    severity: event.severity,
    description: event.description,
    ...(event.resolved_at !== undefined ? { resolved, resolved_at: resolvedAt, resolved_by_id: null } : {}),
    updated_at: resolvedAt ?? flagged,
  };
  if (existing) await tx.problem.update({ where: { id: event.problem_id }, data: fields });
  else await tx.problem.create({ data: { id: event.problem_id, session_id: event.session_id, created_at: flagged, ...fields } });

  const where = { profile_id: session.profile_id, session_id: event.session_id, group_id: event.group_id ?? null, run_id: event.run_id ?? null };
  if (!existing) {
    await publishLive(tx, {
      type: "ProblemFlaggedEvent",
      occurred_at: event.flagged_at,
      ...where,
      problem_id: event.problem_id,
      kind: event.kind,
      severity: event.severity,
    });
  }
  if ((existing?.resolved ?? false) !== resolved) {
    const occurred_at = (resolvedAt ?? new Date()).toISOString();
    await publishLive(tx, { type: "ProblemResolvedEvent", occurred_at, ...where, problem_id: event.problem_id, resolved });
  }
}

export async function applyLogin(tx: Tx, event: LoginEvent): Promise<void> {
  if (event.profile_id && !(await tx.profile.findUnique({ where: { id: event.profile_id }, select: { id: true } }))) {
    sendFirst("profile_id", "profile", event.profile_id);
  }
  if (await tx.login.findUnique({ where: { id: event.login_id }, select: { id: true } })) refuse("login_id", "a login does not change once sent");
  await tx.login.create({
    data: {
      id: event.login_id,
      profile_id: event.profile_id ?? null,
      email: event.email,
      succeeded: event.succeeded,
      ip: event.ip ?? null,
      user_agent: event.user_agent ?? null,
      created_at: at(event.created_at),
    },
  });
}

export async function applyEmulation(tx: Tx, event: EmulationEvent): Promise<void> {
  const admin = await tx.profile.findUnique({ where: { id: event.admin_id }, select: { access_level: true } });
  if (!admin) return sendFirst("admin_id", "profile", event.admin_id);
  if (admin.access_level !== "admin") refuse("admin_id", "only an admin can emulate a TA");
  const target = await tx.profile.findUnique({ where: { id: event.target_profile_id }, select: { access_level: true } });
  if (!target) return sendFirst("target_profile_id", "profile", event.target_profile_id);
  if (target.access_level !== "ta") refuse("target_profile_id", "only a TA can be emulated");
  const started = at(event.started_at);
  const ended = event.ended_at ? at(event.ended_at) : null;
  if (ended && ended < started) refuse("ended_at", "ended_at must not be before started_at");
  const existing = await tx.emulation.findUnique({ where: { id: event.emulation_id }, select: { admin_id: true, target_profile_id: true } });
  if (existing && (existing.admin_id !== event.admin_id || existing.target_profile_id !== event.target_profile_id)) {
    refuse("emulation_id", "an emulation's admin and TA cannot change");
  }
  const fields = { reason: event.reason ?? null, ...(event.ended_at !== undefined ? { ended_at: ended } : {}) };
  if (existing) await tx.emulation.update({ where: { id: event.emulation_id }, data: fields });
  else
    await tx.emulation.create({
      data: { id: event.emulation_id, admin_id: event.admin_id, target_profile_id: event.target_profile_id, started_at: started, ...fields },
    });
}
