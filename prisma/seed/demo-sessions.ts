// Sessions over the last six months: each TA visit has chats with personas, one generation group
// per try at a scenario (persona runs turn by turn, then maybe a grader or a coach run), and an
// attempt per group with a score when it was graded.
import type { ProfileRow, RunRow, SessionRow } from "../factories/index.ts";
import { departments, periodDays, sessionCount, type DepartmentSpec } from "./catalog.ts";
import { demoMediaFiles, type DemoMediaName } from "./demo-media.ts";
import type { DemoPeople } from "./demo-people.ts";
import { addRun, pickStatus, type DemoEnv, type PlannedMessage } from "./demo-runs.ts";
import type { Random } from "./random.ts";
import { before, day, hour, minute } from "./rows.ts";
import { coach, fill, grader, scenarios, type Scenario, type Turn } from "./scenarios.ts";

const activeSessions = 8;
const second = 1000;

function later(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/**
 * A past start time, denser towards the anchor, during waking hours. Only offsets from the anchor
 * are drawn (no weekday rules): the row counts then do not depend on the day the seed runs.
 */
function pastStart(rng: Random, anchor: Date): Date {
  const daysAgo = Math.floor(periodDays * rng.next() ** 1.3);
  const start = later(before(anchor, daysAgo * day), rng.int(8 * 60, 21 * 60) * minute);
  return start.getTime() > anchor.getTime() - 5 * hour ? before(start, day) : start;
}

function pickTa(rng: Random, people: DemoPeople, at: Date): ProfileRow {
  const eligible = people.tas.filter((ta) => {
    const created = new Date(ta.created_at ?? 0).getTime();
    const disabled = ta.disabled_at ? new Date(ta.disabled_at).getTime() : Infinity;
    return (people.activity.get(ta.id) ?? 0) > 0 && created < at.getTime() - day && disabled > at.getTime() + day;
  });
  return rng.weighted(
    eligible,
    eligible.map((ta) => people.activity.get(ta.id) ?? 0),
  );
}

export function buildSessions(env: DemoEnv, people: DemoPeople): void {
  const { rng, ctx } = env;
  const wellKnownTa = people.tas[0];
  for (let i = 0; i < sessionCount; i++) {
    const active = i < activeSessions;
    const created_at = active ? before(ctx.anchor, rng.int(12, 170) * minute) : pastStart(rng, ctx.anchor);
    // The well-known TA always has a live session, so a demo sign-in as them shows one.
    const ta = i === 0 && wellKnownTa ? wellKnownTa : pickTa(rng, people, created_at);
    buildSession(env, ta, created_at, active);
  }
}

function pickScenarios(rng: Random, dept: DepartmentSpec): Scenario[] {
  const own = scenarios.filter((s) => s.departments?.includes(dept.id));
  const generic = scenarios.filter((s) => !s.departments);
  const count = rng.weighted([1, 2, 3], [0.5, 0.35, 0.15]);
  const chosen = own.length && rng.chance(0.65) ? [rng.pick(own)] : [];
  return [...chosen, ...rng.sample(generic, count - chosen.length)];
}

function buildSession(env: DemoEnv, ta: ProfileRow, created_at: Date, active: boolean): void {
  const { rng, ctx } = env;
  const dept = departments.find((d) => d.id === ta.department_id) ?? departments[0]!;
  const slots = { ta: ta.name.split(" ")[0] ?? ta.name, course: dept.course, courseTitle: dept.courseTitle, path: dept.coursePath };
  const chosen = pickScenarios(rng, dept);
  const session: SessionRow = {
    id: rng.uuid(),
    profile_id: ta.id,
    title: chosen[0]!.title,
    tags: [...new Set([dept.course.toLowerCase().replace(" ", ""), ...chosen.flatMap((s) => s.tags)])].slice(0, 4),
    active,
    // Every row names its status, so the bulk insert writes the column (endAs may change it).
    status: active ? "active" : "completed",
    created_at,
    updated_at: created_at,
    ended_at: null,
  };
  ctx.rows.sessions.push(session);

  const personaModel = rng.weighted(["gpt-4o", "gpt-4o-mini", "claude-sonnet", "gemini-flash"], [3, 4, 2, 2]);
  const graderModel = rng.pick(["gpt-4o", "claude-sonnet"]);
  const chats = chosen.map(() => ({ id: rng.uuid(), created: null as Date | null, attempts: 0 }));
  const groupCount = rng.weighted([1, 2, 3, 4, 5, 6], [15, 25, 25, 15, 12, 8]);
  const deadline = active ? before(ctx.anchor, 30 * second) : ctx.anchor;
  let clock = later(created_at, rng.int(20, 90) * second);
  let lastActivity = clock;
  // A live session stops starting groups a few minutes before the anchor, so no group is left empty.
  const lastStart = deadline.getTime() - (active ? 3 * minute : 0);
  for (let g = 0; g < groupCount && clock.getTime() < lastStart; g++) {
    const c = g < chats.length ? g : rng.int(0, chats.length - 1);
    const chat = chats[c]!;
    chat.created ??= clock;
    chat.attempts += 1;
    const end = buildGroup(env, {
      session,
      ta,
      scenario: chosen[c]!,
      slots,
      chatId: chat.id,
      attemptNo: chat.attempts,
      start: clock,
      deadline,
      live: active && g === groupCount - 1,
      personaModel,
      graderModel,
    });
    lastActivity = end;
    clock = later(end, rng.int(30, 240) * second);
  }
  chats.forEach((chat, k) => {
    const scenario = chosen[k]!;
    if (!chat.created) return;
    const persona = env.agents.get(scenario.persona);
    ctx.rows.chats.push({
      id: chat.id,
      session_id: session.id,
      agent_id: persona?.id ?? null,
      name: `${scenario.title} with ${persona?.name.split(" ")[0] ?? "a student"}`,
      created_at: chat.created,
    });
  });
  session.updated_at = active ? lastActivity : later(lastActivity, rng.int(1, 10) * minute);
  session.ended_at = active ? null : session.updated_at;
  if (!active) endAs(session);
}

/**
 * A few past sessions were broken off (aborted) and a few never sent their end (the status sweep
 * then finds them expired). Read from the session's id, so the random draws of the rest of the
 * data set stay as they were.
 */
function endAs(session: SessionRow): void {
  const roll = parseInt(session.id.slice(-2), 16) % 100;
  if (roll < 3) {
    session.ended_at = null;
    session.active = true;
    session.status = "active";
  } else if (roll < 10) {
    session.status = "aborted";
  }
}

interface GroupInput {
  session: SessionRow;
  ta: ProfileRow;
  scenario: Scenario;
  slots: Record<string, string>;
  chatId: string;
  attemptNo: number;
  start: Date;
  deadline: Date;
  /** The last group of a live session: its latest run is still running. */
  live: boolean;
  personaModel: string;
  graderModel: string;
}

function attachmentsFor(rng: Random, scenario: Scenario, turn: number): DemoMediaName[] {
  const media: DemoMediaName[] = [];
  if (scenario.key === "recursion" && turn === 3) {
    if (rng.chance(0.45)) media.push(demoMediaFiles.image);
    else if (rng.chance(0.25)) media.push(demoMediaFiles.video);
  }
  if (scenario.key === "grade-dispute" && turn === 2 && rng.chance(0.3)) media.push(demoMediaFiles.rubricPdf);
  if (scenario.key === "integrity" && turn === 1 && rng.chance(0.2)) media.push(demoMediaFiles.gradebook);
  if (rng.chance(0.03)) media.push(rng.chance(0.5) ? demoMediaFiles.audioWav : demoMediaFiles.audioOgg);
  if (rng.chance(0.012)) media.push(demoMediaFiles.transcript);
  return media;
}

function carried(turns: readonly Turn[], slots: Record<string, string>): PlannedMessage[] {
  return turns.flatMap((t) => [
    { role: "user" as const, text: fill(t.ta, slots) },
    { role: "assistant" as const, text: fill(t.student, slots) },
  ]);
}

/** Builds one group and its attempt; returns the time of its last activity. */
function buildGroup(env: DemoEnv, input: GroupInput): Date {
  const { rng, ctx } = env;
  const { scenario, slots, session } = input;
  const group = { id: rng.uuid(), session_id: session.id, name: `${scenario.title} · attempt ${input.attemptNo}`, created_at: input.start };
  ctx.rows.groups.push(group);
  const model = (name: string) => env.models.get(name)!.id;
  const agent = (key: string) => env.agents.get(key)!.id;
  const system: PlannedMessage[] = [{ role: "system", text: fill(scenario.systemPrompt, slots) }];
  if (rng.chance(0.3)) system.push({ role: "system", text: scenario.briefing });
  const graded = !input.live && rng.chance(0.65);
  const turnsToPlay = graded ? scenario.turns.length - rng.int(0, 1) : rng.int(2, scenario.turns.length);
  const base = { group_id: group.id, profile_id: session.profile_id };
  const done: Turn[] = [];
  let runs = 0;
  let clock = input.start;
  let last: RunRow | undefined;

  while (done.length < turnsToPlay) {
    const at = later(clock, rng.int(runs ? 15 : 4, runs ? 110 : 25) * second);
    if (at >= input.deadline) break;
    const turn = scenario.turns[done.length]!;
    const finalLiveRun = input.live && (done.length === turnsToPlay - 1 || later(at, 2 * minute) >= input.deadline);
    const messages = [...system, ...carried(done.slice(-3), slots)];
    messages.push({ role: "user", text: fill(turn.ta, slots), media: attachmentsFor(rng, scenario, done.length) });
    if (scenario.syllabusTurn === done.length && scenario.syllabusResult) {
      messages.push({ role: "assistant", generated: true, calls: [{ template_name: "fetch_syllabus", file_path: `${slots.path}/syllabus.md` }] });
      messages.push({ role: "tool", text: scenario.syllabusResult });
    }
    messages.push({ role: "assistant", text: fill(turn.student, slots), generated: true });
    last = addRun(env, {
      ...base,
      model_id: model(input.personaModel),
      agent_id: agent(scenario.persona),
      created_at: at,
      messages,
      previous_context_start_index: runs ? system.length : 0,
      cacheable_prefix: system.length + Math.min(done.length, 3) * 2,
      status: finalLiveRun ? "running" : pickStatus(rng),
      base_duration_ms: 1800,
    });
    runs += 1;
    clock = last.finished_at ?? at;
    if (last.status === "running") return clock;
    if (last.status === "succeeded") done.push(turn);
  }

  const attemptId = rng.uuid();
  let score: string | null = null;
  let submitted: Date | null = null;
  if (graded && done.length >= 2) {
    const hundredths = rng.chance(0.06)
      ? rng.int(1500, 4500)
      : Math.min(10000, Math.round((45 + ((rng.next() + rng.next() + rng.next()) / 3) * 55) * 100));
    const value = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
    const feedback = hundredths >= 8500 ? grader.strong : hundredths >= 6500 ? grader.good : grader.weak;
    const at = later(clock, rng.int(3, 15) * second);
    const run = addRun(env, {
      ...base,
      model_id: model(input.graderModel),
      agent_id: agent("grader"),
      created_at: at,
      messages: [
        { role: "system", text: grader.systemPrompt },
        ...carried(done, slots),
        { role: "user", text: grader.request, media: rng.chance(0.4) ? [demoMediaFiles.rubricPdf] : [] },
        { role: "assistant", generated: true, calls: [{ template_name: "rubric_lookup", file_path: `${slots.path}/${grader.rubricPath}` }] },
        { role: "tool", text: grader.rubricResult },
        { role: "assistant", generated: true, calls: [{ template_name: "grade_attempt", file_path: null }] },
        { role: "tool", text: JSON.stringify({ attempt_id: attemptId, score: Number(value) }) },
        { role: "assistant", text: feedback, generated: true },
      ],
      previous_context_start_index: 1,
      cacheable_prefix: 1,
      status: pickStatus(rng),
      base_duration_ms: 7000,
    });
    clock = run.finished_at ?? at;
    if (run.status === "succeeded") [score, submitted] = [value, clock];
  } else if (!input.live && rng.chance(0.3) && done.length) {
    const at = later(clock, rng.int(10, 60) * second);
    const tip = rng.pick(coach.tips);
    const run = addRun(env, {
      ...base,
      model_id: model("gpt-4o-mini"),
      agent_id: agent("coach"),
      created_at: at,
      messages: [
        { role: "system", text: coach.systemPrompt },
        ...carried(done.slice(-2), slots),
        { role: "user", text: coach.tipRequest },
        { role: "assistant", text: tip, generated: true },
      ],
      previous_context_start_index: 1,
      cacheable_prefix: 1,
      status: pickStatus(rng),
      base_duration_ms: 1200,
    });
    clock = run.finished_at ?? at;
  }
  if (!score && !input.live && done.length && rng.chance(0.35)) submitted = clock; // handed in, not graded yet
  ctx.rows.attempts.push({
    id: attemptId,
    session_id: session.id,
    chat_id: input.chatId,
    name: group.name,
    score,
    created_at: group.created_at,
    submitted_at: submitted,
  });
  return clock;
}
