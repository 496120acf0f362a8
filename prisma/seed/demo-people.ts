// The demo catalog (departments, models with price history, agents) and the people: admins,
// coordinators with their department scopes, TAs of every role, and their grants, emulations, logins.
import { buildEmulation, buildGrant, buildLogin, buildPrice, type ProfileRow } from "../factories/index.ts";
import {
  agents,
  agentVersions,
  campusNetworks,
  departments,
  emulationReasons,
  firstNames,
  grantPermissions,
  homeNetworks,
  lastNames,
  models,
  otherCoordinators,
  taCount,
  taRoleWeights,
  userAgents,
  wellKnownPeople,
} from "./catalog.ts";
import type { Random } from "./random.ts";
import { before, day, hour, minute, type DemoContext } from "./rows.ts";

export interface DemoPeople {
  admins: ProfileRow[];
  coordinators: ProfileRow[];
  tas: ProfileRow[];
  /** Relative chance of owning a session, per TA id; some TAs never train. */
  activity: Map<string, number>;
}

export function buildCatalog(ctx: DemoContext, rng: Random): void {
  const { rows, anchor } = ctx;
  const catalogDate = before(anchor, 420 * day);
  for (const dept of departments) rows.departments.push({ id: dept.id, name: dept.name, created_at: catalogDate });
  for (const agent of agents) {
    rows.agents.push({ id: rng.uuid(), name: agent.name, kind: agent.kind, description: agent.description, created_at: catalogDate });
  }
  for (const model of models) {
    const id = rng.uuid();
    rows.models.push({ id, name: model.name, provider: model.provider, created_at: catalogDate });
    for (const price of model.prices) {
      rows.prices.push(
        buildPrice(id, {
          id: rng.uuid(),
          effective_from: before(anchor, price.daysBefore * day),
          input_per_million: price.input,
          cached_input_per_million: price.cached,
          output_per_million: price.output,
        }),
      );
    }
  }
  // No random draws here: the versions come after everything else the demo draws.
  for (const spec of agentVersions) {
    const agent = rows.agents.find((row) => row.name === agents.find((a) => a.key === spec.agent)?.name);
    const model = rows.models.find((row) => row.name === spec.model);
    if (!agent || !model) throw new Error(`agent version ${spec.agent} v${spec.version} names an unknown agent or model`);
    rows.agentVersions.push({
      agent_id: agent.id,
      version: spec.version,
      model_id: model.id,
      prompt: spec.prompt,
      temperature: spec.temperature,
      change_note: spec.change_note,
      created_at: spec.daysBefore === null ? catalogDate : before(anchor, spec.daysBefore * day),
    });
  }
}

function profile(rng: Random, row: Omit<ProfileRow, "id">): ProfileRow {
  return { id: rng.uuid(), ...row, updated_at: row.disabled_at ?? row.created_at };
}

export function buildPeople(ctx: DemoContext, rng: Random): DemoPeople {
  const { rows, anchor } = ctx;
  const early = before(anchor, 400 * day);
  const admins = [wellKnownPeople.admin, wellKnownPeople.secondAdmin].map((p) =>
    profile(rng, { ...p, access_level: "admin", ta_role: null, department_id: null, created_at: early }),
  );
  const coordinatorSpecs = [
    { ...wellKnownPeople.coordinator, department_id: "dept-cs", scopes: [...wellKnownPeople.coordinator.scopes] },
    ...otherCoordinators,
  ];
  const coordinators = coordinatorSpecs.map((c) => {
    const row = profile(rng, {
      name: c.name,
      email: c.email,
      access_level: "coordinator",
      ta_role: null,
      department_id: c.department_id,
      created_at: before(anchor, rng.int(300, 380) * day),
    });
    for (const department_id of c.scopes) rows.scopes.push({ profile_id: row.id, department_id });
    return row;
  });

  const tas: ProfileRow[] = [];
  const activity = new Map<string, number>();
  const usedNames = new Set<string>([wellKnownPeople.ta.name]);
  const wellKnownTa = profile(rng, {
    ...wellKnownPeople.ta,
    access_level: "ta",
    created_at: before(anchor, 210 * day),
  });
  tas.push(wellKnownTa);
  activity.set(wellKnownTa.id, 2);
  for (let i = 1; i < taCount; i++) {
    let name = "";
    do name = `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    // Every role in every department first, then random: each role/department filter has hits.
    const department_id = departments[i % departments.length]!.id;
    const everyRole = taRoleWeights[Math.floor((i - 1) / departments.length)];
    const ta_role = everyRole
      ? everyRole[0]
      : rng.weighted(
          taRoleWeights.map((w) => w[0]),
          taRoleWeights.map((w) => w[1]),
        );
    const disabled = i === 7 || i === 23;
    const row = profile(rng, {
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@glow.example`,
      access_level: "ta",
      ta_role,
      department_id,
      created_at: before(anchor, rng.int(190, 235) * day),
      disabled_at: disabled ? before(anchor, rng.int(20, 40) * day) : null,
    });
    tas.push(row);
    // A few TAs never start a session: the coordinators' "who needs a nudge" case.
    activity.set(row.id, i % 13 === 5 ? 0 : 0.2 + rng.next() ** 2 * 3);
  }
  rows.profiles.push(...admins, ...coordinators, ...tas);
  buildGrants(ctx, rng, { admins, coordinators, tas, activity });
  buildEmulations(ctx, rng, admins, tas);
  return { admins, coordinators, tas, activity };
}

function buildGrants(ctx: DemoContext, rng: Random, people: DemoPeople): void {
  const givers = [...people.admins, ...people.coordinators];
  for (const ta of people.tas) {
    // Onboarding grants the FERPA module automatically, hence no giver.
    ctx.rows.grants.push(buildGrant(ta.id, { id: rng.uuid(), permission: "module:ferpa-basics", created_at: new Date(ta.created_at ?? ctx.anchor) }));
  }
  for (let i = 0; i < 34; i++) {
    const ta = rng.pick(people.tas);
    const created_at = before(ctx.anchor, rng.int(2, 170) * day + rng.int(0, 20) * hour);
    const revoked = rng.chance(0.15);
    ctx.rows.grants.push(
      buildGrant(ta.id, {
        id: rng.uuid(),
        granted_by_id: rng.pick(givers).id,
        permission: rng.pick(grantPermissions.filter((p) => p !== "module:ferpa-basics")),
        created_at,
        revoked_at: revoked ? new Date(Math.min(created_at.getTime() + rng.int(3, 30) * day, ctx.anchor.getTime() - hour)) : null,
      }),
    );
  }
}

function buildEmulations(ctx: DemoContext, rng: Random, admins: ProfileRow[], tas: ProfileRow[]): void {
  for (let i = 0; i < 24; i++) {
    const started_at = before(ctx.anchor, rng.int(1, 175) * day - rng.int(9, 17) * hour);
    ctx.rows.emulations.push(
      buildEmulation(rng.chance(0.7) ? admins[0]!.id : admins[1]!.id, rng.pick(tas).id, {
        id: rng.uuid(),
        reason: rng.pick(emulationReasons),
        started_at,
        ended_at: new Date(started_at.getTime() + rng.int(3, 25) * minute),
      }),
    );
  }
}

function ipFor(rng: Random, onCampus: boolean): string {
  const net = onCampus ? rng.pick(campusNetworks) : rng.pick(homeNetworks);
  return `${net}.${rng.int(1, 254)}.${rng.int(2, 254)}`;
}

/** Logins follow the sessions: a TA signs in before a session unless they did within 8 hours. */
export function buildLogins(ctx: DemoContext, rng: Random, people: DemoPeople): void {
  const { rows, anchor } = ctx;
  const byId = new Map(rows.profiles.map((p) => [p.id, p]));
  const lastLogin = new Map<string, number>();
  const sessions = [...rows.sessions].sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  const agentOf = new Map<string, string>();
  const add = (p: ProfileRow | null, at: Date, succeeded: boolean, email?: string) => {
    const key = p?.id ?? email ?? "";
    if (!agentOf.has(key)) agentOf.set(key, rng.pick(userAgents));
    rows.logins.push(
      buildLogin(p, {
        id: rng.uuid(),
        created_at: at,
        succeeded,
        ip: ipFor(rng, rng.chance(0.6)),
        user_agent: agentOf.get(key) ?? null,
        ...(email ? { email } : {}),
      }),
    );
  };
  for (const session of sessions) {
    const p = byId.get(session.profile_id);
    if (!p) continue;
    const at = session.created_at.getTime() - rng.int(1, 10) * minute;
    if (at - (lastLogin.get(p.id) ?? 0) < 8 * hour) continue;
    if (rng.chance(0.05)) add(p, new Date(at - minute), false);
    add(p, new Date(at), true);
    lastLogin.set(p.id, at);
  }
  for (const staff of [...people.admins, ...people.coordinators]) {
    const every = staff.access_level === "admin" ? 3 : 5;
    for (let d = 180; d > 0; d -= every) add(staff, before(anchor, d * day - rng.int(8, 11) * hour), true);
  }
  const strangers = ["admin@glow.exmaple", "jordan.k@glow.example", "test@test.com", "root@glow.example", "ta@glow.exampel"];
  for (const email of strangers) add(null, before(anchor, rng.int(1, 150) * day + rng.int(0, 23) * hour), false, email);
}
