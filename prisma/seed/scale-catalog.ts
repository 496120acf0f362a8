// What --scale needs before it can insert sessions: departments, TAs, models priced over the whole
// period, persona and grader agents, and a few stored texts. Whatever is missing comes from the
// demo catalog; whatever exists (the demo set, a real deployment) is used as it is.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MediaStore } from "@/lib/storage/media-store";
import { DedupingMediaWriter } from "../factories/index.ts";
import { departments as demoDepartments, firstNames, lastNames, periodDays, taRoleWeights } from "./catalog.ts";
import { demoMediaDir, demoMediaFiles } from "./demo-media.ts";
import { buildCatalog, buildPeople } from "./demo-people.ts";
import { before, day, emptyRows, stream, type DemoContext } from "./rows.ts";
import { coach, fill, grader, scenarios } from "./scenarios.ts";

export interface StoredText {
  storage_key: string;
  sha256: string;
  byte_size: number;
}

export interface ScaleCatalog {
  taIds: string[];
  /** The email of each TA of taIds, same order (logins record it). */
  taEmails: string[];
  personaModelIds: string[];
  graderModelId: string;
  personaAgentIds: string[];
  graderAgentId: string;
  titles: string[];
  /** Message texts by role; each a stored object shared by every message quoting it. */
  texts: { system: StoredText[]; user: StoredText[]; assistant: StoredText[]; tool: StoredText[] };
  image: StoredText;
}

/** A university with this many sessions has about one TA per this many (a few hundred at a million). */
export const sessionsPerTa = 2500;

/**
 * Adds TAs until there is one per sessionsPerTa sessions (existing ones count), spread over the
 * departments and weighted roles like the demo's, so per-profile summaries meet a realistic
 * number of profiles rather than the demo's forty.
 */
async function ensureTas(prisma: PrismaClient, sessions: number, anchor: Date): Promise<number> {
  const wanted = Math.ceil(sessions / sessionsPerTa);
  const existing = await prisma.profile.count({ where: { access_level: "ta", disabled_at: null } });
  const missing = wanted - existing;
  if (missing <= 0) return 0;
  const departments = await prisma.department.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const taken = await prisma.profile.count({ where: { email: { startsWith: "scale-ta-" } } });
  const roles = taRoleWeights.flatMap(([role, weight]) => Array.from({ length: Math.round(weight * 20) }, () => role));
  const rows = Array.from({ length: missing }, (_, i) => {
    const n = taken + i;
    const first = firstNames[n % firstNames.length]!;
    const last = lastNames[Math.floor(n / firstNames.length) % lastNames.length]!;
    return {
      name: `${first} ${last}${n >= firstNames.length * lastNames.length ? ` ${Math.floor(n / (firstNames.length * lastNames.length)) + 1}` : ""}`,
      email: `scale-ta-${n + 1}@glow.example`,
      access_level: "ta" as const,
      ta_role: roles[(n * 7) % roles.length]!,
      department_id: departments[n % departments.length]?.id ?? null,
      created_at: before(anchor, (periodDays + 30) * day),
      updated_at: before(anchor, (periodDays + 30) * day),
    };
  });
  return (await prisma.profile.createMany({ data: rows })).count;
}

/** Inserts the demo catalog pieces the database lacks (by unique name/email/id); returns rows added per table. */
async function ensureCatalog(prisma: PrismaClient, anchor: Date, sessions: number, log: (line: string) => void): Promise<Record<string, number>> {
  const added: Record<string, number> = {};
  const note = (table: string, result: { count: number }) => {
    added[table] = (added[table] ?? 0) + result.count;
  };
  const ctx: DemoContext = { anchor, seed: 1, rows: emptyRows() };
  buildCatalog(ctx, stream(1, 1));
  const { rows } = ctx;
  const windowStart = before(anchor, (periodDays + 1) * day);
  const pricedModels = await prisma.model.count({ where: { prices: { some: { effective_from: { lte: windowStart } } } } });
  const personas = await prisma.agent.count({ where: { kind: "student_persona" } });
  const graders = await prisma.agent.count({ where: { kind: "grader" } });
  const tas = await prisma.profile.count({ where: { access_level: "ta", disabled_at: null } });
  note("departments", await prisma.department.createMany({ data: rows.departments, skipDuplicates: true }));
  if (!pricedModels) {
    log("  adding the demo models and prices (no model is priced over the whole period)");
    const existing = new Set((await prisma.model.findMany({ select: { name: true } })).map((m) => m.name));
    const fresh = rows.models.filter((m) => !existing.has(m.name));
    if (!fresh.length) throw new Error("Every demo model name exists but none is priced far enough back; add an older model_prices row.");
    note("models", await prisma.model.createMany({ data: fresh }));
    note("model_prices", await prisma.modelPrice.createMany({ data: rows.prices.filter((p) => fresh.some((m) => m.id === p.model_id)) }));
  }
  if (!personas || !graders) {
    log("  adding the demo agents");
    note("agents", await prisma.agent.createMany({ data: rows.agents, skipDuplicates: true }));
  }
  if (!tas) {
    log("  adding the demo people (no active TA)");
    const people = emptyRows();
    buildPeople({ anchor, seed: 2, rows: people }, stream(1, 2));
    note("profiles", await prisma.profile.createMany({ data: people.profiles, skipDuplicates: true }));
    const ids = new Set((await prisma.profile.findMany({ select: { id: true } })).map((p) => p.id));
    const scopes = people.scopes.filter((scope) => ids.has(scope.profile_id));
    note("profile_department_scopes", await prisma.profileDepartmentScope.createMany({ data: scopes, skipDuplicates: true }));
  }
  const extraTas = await ensureTas(prisma, sessions, anchor);
  if (extraTas) log(`  adding ${extraTas} TAs (one per ${sessionsPerTa.toLocaleString("en-US")} sessions)`);
  note("profiles", { count: extraTas });
  return added;
}

export async function loadScaleCatalog(
  prisma: PrismaClient,
  store: MediaStore,
  anchor: Date,
  sessions: number,
  log: (line: string) => void,
): Promise<{ catalog: ScaleCatalog; added: Record<string, number> }> {
  const added = await ensureCatalog(prisma, anchor, sessions, log);
  const windowStart = before(anchor, (periodDays + 1) * day);
  const tas = await prisma.profile.findMany({
    where: { access_level: "ta", disabled_at: null },
    select: { id: true, email: true },
    orderBy: { email: "asc" },
  });
  const models = await prisma.model.findMany({
    where: { prices: { some: { effective_from: { lte: windowStart } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const agents = await prisma.agent.findMany({ select: { id: true, kind: true }, orderBy: { name: "asc" } });
  const personaAgentIds = agents.filter((a) => a.kind === "student_persona").map((a) => a.id);
  const graderAgentId = agents.find((a) => a.kind === "grader")?.id;
  const graderModel = models.find((m) => m.name === "claude-sonnet" || m.name === "gpt-4o") ?? models[0];
  if (!tas.length || !graderModel || !graderAgentId || !personaAgentIds.length) {
    throw new Error("The catalog is incomplete after seeding it (TAs, priced models or agents missing).");
  }

  const writer = new DedupingMediaWriter(store, prisma);
  const put = async (text: string): Promise<StoredText> => writer.put(new TextEncoder().encode(text), "txt");
  const dept = demoDepartments[0]!;
  const slots = { ta: "there", course: dept.course, courseTitle: dept.courseTitle, path: dept.coursePath };
  const picked = scenarios.slice(0, 6);
  const texts = {
    system: await Promise.all(picked.map((s) => put(fill(s.systemPrompt, slots)))),
    user: await Promise.all(picked.flatMap((s) => s.turns.slice(0, 2)).map((t) => put(fill(t.ta, slots)))),
    assistant: await Promise.all(picked.flatMap((s) => s.turns.slice(0, 2)).map((t) => put(fill(t.student, slots)))),
    tool: await Promise.all([grader.rubricResult, coach.tips[0]].map((t) => put(t))),
  };
  const image = await writer.put(await readFile(path.join(demoMediaDir, demoMediaFiles.image)), "png");
  const catalog: ScaleCatalog = {
    taIds: tas.map((t) => t.id),
    taEmails: tas.map((t) => t.email),
    personaModelIds: models.map((m) => m.id),
    graderModelId: graderModel.id,
    personaAgentIds,
    graderAgentId,
    titles: scenarios.map((s) => s.title),
    texts,
    image,
  };
  return { catalog, added };
}
