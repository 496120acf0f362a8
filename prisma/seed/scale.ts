// --scale N: appends N sessions with chats, attempts, groups, runs, messages, text uploads, a few
// images, tool calls, problems and sign-ins (one per two sessions), generated inside PostgreSQL with
// generate_series (no row crosses the wire), plus one long conversation (long-group.ts). Every
// count and value derives from hashint8 of the row's number, so each statement can recompute its
// parents' shape without reading them back. Ids are a per-invocation random prefix plus the row's
// number, so repeated runs append rather than collide. Sessions are spread over the period in row
// order, as a live deployment writes them (oldest first), so a day's rows sit together on disk as
// they would in production. Costs are exact numeric arithmetic on the price in force at each run's
// created_at.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MediaStore } from "@/lib/storage/media-store";
import { periodDays, problemTemplates, userAgents } from "./catalog.ts";
import { longGroupFrom, seedLongGroup } from "./long-group.ts";
import { rebuildSummaries } from "./rebuild-summaries.ts";
import { loadScaleCatalog, type ScaleCatalog, type StoredText } from "./scale-catalog.ts";

export interface ScaleOptions {
  sessions: number;
  /** Sessions per pair of statements (default 25 000). */
  batchSize?: number;
  /** Sessions end before this instant (default now). */
  anchor?: Date;
  /** Batches inserted at once, one connection each (default 2: one per core here). */
  parallel?: number;
  log?: (line: string) => void;
}

export interface ScaleReport {
  inserted: Record<string, number>;
  elapsedMs: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const safeText = /^[\w ./:,'()·@+;-]*$/u;

function quote(text: string): string {
  if (!safeText.test(text)) throw new Error(`Unexpected characters for an inlined literal: ${text}`);
  return `'${text.replace(/'/g, "''")}'`;
}

function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!uuidPattern.test(id)) throw new Error(`Not a uuid: ${id}`);
  return `'{${ids.join(",")}}'::uuid[]`;
}

function textArray(items: readonly string[]): string {
  return `array[${items.map(quote).join(", ")}]::text[]`;
}

function idPrefix(): string {
  const hex = randomBytes(9).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-8${hex.slice(15, 18)}-`;
}

type IdKind = "session" | "chat" | "attempt" | "group" | "run" | "message" | "upload" | "tool" | "problem" | "login";

class ScaleSql {
  private readonly mix = BigInt(`0x${randomBytes(6).toString("hex")}`);
  private readonly prefix: Record<IdKind, string> = {
    session: idPrefix(),
    chat: idPrefix(),
    attempt: idPrefix(),
    group: idPrefix(),
    run: idPrefix(),
    message: idPrefix(),
    upload: idPrefix(),
    tool: idPrefix(),
    problem: idPrefix(),
    login: idPrefix(),
  };

  constructor(
    private readonly catalog: ScaleCatalog,
    private readonly anchor: Date,
    /** How many sessions the whole run inserts: row i starts i/total of the way through the period. */
    private readonly total: number,
  ) {}

  /** A deterministic non-negative int from a row number and a salt (one per attribute). */
  private h(x: string, salt: number): string {
    return `(hashint8(((${x}) * 64 + ${salt}) # ${this.mix}) & 2147483647)`;
  }

  private id(kind: IdKind, n: string): string {
    return `(${quote(this.prefix[kind])} || lpad(to_hex(${n}), 12, '0'))::uuid`;
  }

  private storedColumn(items: readonly StoredText[], column: "storage_key" | "sha256" | "byte_size"): string {
    return column === "byte_size" ? `array[${items.map((t) => t.byte_size).join(",")}]::bigint[]` : textArray(items.map((t) => t[column]));
  }

  /** Sessions of the batch with the attributes every statement needs. */
  private sessionCte(lo: number, hi: number): string {
    const h = this.h.bind(this);
    const at = `${quote(this.anchor.toISOString())}::timestamptz`;
    return `s0 as (
      select i, (array[1,1,2,2,2,3,3,4,5,6])[1 + ${h("i", 4)} % 10] as gcount, 1 + ${h("i", 5)} % 2 as ccount,
        1 + ${h("i", 1)} % ${this.catalog.taIds.length} as ta_index,
        ${h("i", 3)} % 400 = 0 as active, ${h("i", 2)} as hs
      from generate_series(${lo}::bigint, ${hi - 1}::bigint) as i),
    s as (
      select s0.*, (${uuidArray(this.catalog.taIds)})[ta_index] as ta, ${at} - (case when active then gcount * 600 + 60 + hs % 3600
                                 else gcount * 600 + 600 + hs % 900 + (${this.total} - i) * ${(periodDays * 86_400) / Math.max(1, this.total)}::float8 end)
                                 * interval '1 second' as created
      from s0)`;
  }

  private groupCtes(): string {
    const h = this.h.bind(this);
    return `grp0 as (select s.*, gg as g, s.i * 8 + gg as gnum from s cross join lateral generate_series(0, s.gcount - 1) as gg),
    grp as (select grp0.*, (array[1,1,2,2,3])[1 + ${h("gnum", 16)} % 5] as rcount, ${h("gnum", 7)} % 10 < 3 as graded,
      grp0.created + (grp0.g * 600 + ${h("gnum", 8)} % 60) * interval '1 second' as gstart from grp0)`;
  }

  /** Sessions, chats, groups, attempts and a few problems; returns counts per table. */
  sessionsStatement(lo: number, hi: number): string {
    const h = this.h.bind(this);
    const c = this.catalog;
    const titles = textArray(c.titles);
    const title = (n: string) => `(${titles})[1 + ${h(n, 17)} % ${c.titles.length}]`;
    const tags = textArray(["office-hours", "grading", "academic-integrity", "extensions", "concept-check", "lab"]);
    const kinds = problemTemplates.map((p) => p.kind);
    return `with ${this.sessionCte(lo, hi)}, ${this.groupCtes()},
    ins_s as (insert into sessions (id, profile_id, title, tags, active, status, created_at, updated_at, ended_at)
      select ${this.id("session", "i")}, ta, ${title("i")}, array[(${tags})[1 + ${h("i", 18)} % 6], (${tags})[1 + ${h("i", 19)} % 6]],
        active, (case when active then 'active' when ${h("i", 21)} % 25 = 0 then 'aborted' else 'completed' end)::"SessionStatus", created, created + gcount * interval '600 seconds', case when active then null else created + gcount * interval '600 seconds' end
      from s returning 1),
    ins_c as (insert into chats (id, session_id, agent_id, name, created_at)
      select ${this.id("chat", "i * 4 + cc")}, ${this.id("session", "i")},
        (${uuidArray(c.personaAgentIds)})[1 + ${h("i * 4 + cc", 6)} % ${c.personaAgentIds.length}], 'Chat ' || (cc + 1), created + cc * interval '600 seconds'
      from s cross join lateral generate_series(0, s.ccount - 1) as cc returning 1),
    ins_g as (insert into groups (id, session_id, name, created_at)
      select ${this.id("group", "gnum")}, ${this.id("session", "i")}, ${title("i")} || ' · attempt ' || (g + 1), gstart from grp returning 1),
    ins_a as (insert into attempts (id, session_id, chat_id, name, score, created_at, submitted_at)
      select ${this.id("attempt", "gnum")}, ${this.id("session", "i")}, ${this.id("chat", "i * 4 + g % ccount")}, 'Attempt ' || (g + 1),
        case when graded then round((4000 + ${h("gnum", 20)} % 6001)::numeric / 100, 2) end, gstart,
        case when graded then gstart + interval '400 seconds' end
      from grp returning 1),
    ins_p as (insert into problems (id, session_id, group_id, kind, severity, description, resolved, created_at, updated_at)
      select ${this.id("problem", "gnum")}, ${this.id("session", "i")}, ${this.id("group", "gnum")},
        (${textArray(kinds)})[1 + ${h("gnum", 21)} % ${kinds.length}]::"ProblemKind",
        (array['low','medium','high','critical'])[1 + ${h("gnum", 22)} % 4]::"ProblemSeverity",
        'Flagged automatically during a bulk-generated session', false, gstart + interval '500 seconds', gstart + interval '500 seconds'
      from grp where g = 0 and ${h("i", 23)} % 250 = 0 returning 1),
    ins_l as (insert into logins (id, profile_id, email, succeeded, ip, user_agent, created_at)
      select ${this.id("login", "i")}, ta, (${textArray(c.taEmails)})[ta_index], ${h("i", 27)} % 100 >= 3,
        '10.' || ${h("i", 28)} % 250 || '.' || ${h("i", 29)} % 250 || '.' || 1 + ${h("i", 30)} % 250,
        (${textArray(userAgents)})[1 + ${h("i", 31)} % ${userAgents.length}], created - interval '45 seconds'
      from s where ${h("i", 26)} % 2 = 0 returning 1)
    select (select count(*) from ins_s)::int as sessions, (select count(*) from ins_l)::int as logins, (select count(*) from ins_c)::int as chats, (select count(*) from ins_g)::int as groups,
      (select count(*) from ins_a)::int as attempts, (select count(*) from ins_p)::int as problems`;
  }

  /** Runs (priced), messages, their uploads and links, and the grader's tool calls. */
  runsStatement(lo: number, hi: number): string {
    const h = this.h.bind(this);
    const c = this.catalog;
    const t = c.texts;
    const role = `case when p = 0 then 'system' when is_grader then (array['system','user','assistant','tool','assistant'])[p + 1]
      when p % 2 = 1 then 'user' else 'assistant' end`;
    // Index into the role's texts; grader tool results use the tool texts.
    const textIdx = (n: string, list: readonly StoredText[]) => `1 + ${h(n, 24)} % ${list.length}`;
    const pick = (col: "storage_key" | "sha256" | "byte_size") => `case m.role
        when 'system' then (${this.storedColumn(t.system, col)})[${textIdx("mnum", t.system)}]
        when 'user' then (${this.storedColumn(t.user, col)})[${textIdx("mnum", t.user)}]
        when 'assistant' then (${this.storedColumn(t.assistant, col)})[${textIdx("mnum", t.assistant)}]
        else (${this.storedColumn(t.tool, col)})[${textIdx("mnum", t.tool)}] end`;
    return `with ${this.sessionCte(lo, hi)}, ${this.groupCtes()},
    r0 as (select grp.*, rr as r, grp.gnum * 8 + rr as rnum, (grp.graded and rr = grp.rcount) as is_grader
      from grp cross join lateral generate_series(0, grp.rcount + grp.graded::int - 1) as rr),
    r1 as (select r0.*, ${h("rnum", 10)} % 100 as roll, r0.gstart + (r0.r * 90 + 5) * interval '1 second' as rstart,
      case when is_grader then ${quote(c.graderModelId)}::uuid
           else (${uuidArray(c.personaModelIds)})[1 + ${h("gnum", 9)} % ${c.personaModelIds.length}] end as model,
      case when is_grader then ${quote(c.graderAgentId)}::uuid
           else (${uuidArray(c.personaAgentIds)})[1 + ${h("i * 4 + g % ccount", 6)} % ${c.personaAgentIds.length}] end as agent,
      300 + ${h("rnum", 11)} % 2500 as input from r0),
    r as (select r1.*, case when r = 0 then 0 else input * (${h("rnum", 12)} % 70) / 100 end as cached,
      case when roll < 4 then 0 else 40 + ${h("rnum", 13)} % 600 end as output,
      case when roll < 3 then 30000 when roll = 3 then 400 else 700 + ${h("rnum", 14)} % 8000 end as dur from r1),
    ins_r as (insert into runs (id, group_id, model_id, agent_id, profile_id, status, error, input_tokens, output_tokens,
        cached_input_tokens, cost, previous_context_start_index, created_at, finished_at, duration_ms)
      select ${this.id("run", "rnum")}, ${this.id("group", "gnum")}, model, agent, ta,
        (case when roll < 3 then 'failed' when roll = 3 then 'cancelled' else 'succeeded' end)::"RunStatus",
        case when roll < 3 then 'Upstream model timeout after 30000 ms' when roll = 3 then 'Cancelled by the TA' end,
        input, output, cached,
        round(((input - cached) * pr.input_per_million + cached * pr.cached_input_per_million + output * pr.output_per_million) / 1000000, 10),
        case when r = 0 then 0 else 1 end, rstart, rstart + dur * interval '1 millisecond', dur
      from r cross join lateral (select input_per_million, cached_input_per_million, output_per_million from model_prices mp
        where mp.model_id = r.model and mp.effective_from <= r.rstart order by mp.effective_from desc limit 1) pr
      returning 1),
    m0 as (select r.i, r.ta, r.rnum, r.rstart, r.is_grader, p, r.rnum * 32 + p as mnum from r
      cross join lateral generate_series(0, (case when is_grader then 5 else 3 + 2 * (${h("rnum", 15)} % 2) end)
        - (case when roll < 4 then 1 else 0 end) - 1) as p),
    m as materialized (select m0.*, ${role} as role, not (is_grader and p = 2) as has_text,
      (not is_grader and p % 2 = 1 and ${h("mnum", 25)} % 100 = 0) as has_image from m0),
    ins_m as (insert into messages (id, run_id, role, position, created_at)
      select ${this.id("message", "mnum")}, ${this.id("run", "rnum")}, role::"MessageRole", p, rstart + p * interval '1 millisecond' from m returning 1),
    ins_u as (insert into uploads (id, kind, mime_type, byte_size, sha256, original_name, storage_key, profile_id, created_at)
      select ${this.id("upload", "mnum * 2")}, 'text'::"UploadKind", 'text/plain', ${pick("byte_size")}, ${pick("sha256")}, 'message.txt', ${pick("storage_key")},
        case when role = 'user' then ta end, rstart from m where has_text
      union all
      select ${this.id("upload", "mnum * 2 + 1")}, 'image'::"UploadKind", 'image/png', ${c.image.byte_size}::bigint, ${quote(c.image.sha256)}, 'recursion-call-stack.png',
        ${quote(c.image.storage_key)}, ta, rstart from m where has_image returning 1),
    ins_mu as (insert into message_uploads (message_id, position, upload_id)
      select ${this.id("message", "mnum")}, 0, ${this.id("upload", "mnum * 2")} from m where has_text
      union all
      select ${this.id("message", "mnum")}, 1, ${this.id("upload", "mnum * 2 + 1")} from m where has_image returning 1),
    ins_t as (insert into tool_calls (id, message_id, template_name, file_path, created_at)
      select ${this.id("tool", "mnum")}, ${this.id("message", "mnum")}, 'grade_attempt', null, rstart + p * interval '1 millisecond'
      from m where is_grader and p = 2 returning 1)
    select (select count(*) from ins_r)::int as runs, (select count(*) from ins_m)::int as messages, (select count(*) from ins_u)::int as uploads,
      (select count(*) from ins_mu)::int as message_uploads, (select count(*) from ins_t)::int as tool_calls`;
  }
}

function addCounts(total: Record<string, number>, row: Record<string, unknown> | undefined): void {
  for (const [table, n] of Object.entries(row ?? {})) total[table] = (total[table] ?? 0) + Number(n);
}

export async function seedScale(prisma: PrismaClient, store: MediaStore, options: ScaleOptions): Promise<ScaleReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const anchor = options.anchor ?? new Date();
  const batchSize = options.batchSize ?? 25_000;
  log(`Scale: ${options.sessions.toLocaleString("en-US")} sessions in batches of ${batchSize.toLocaleString("en-US")}`);
  const { catalog, added } = await loadScaleCatalog(prisma, store, anchor, options.sessions, log);
  // A scale set (10,000 sessions and more) spends one of its sessions on the long conversation.
  const withLongGroup = options.sessions >= longGroupFrom;
  const bulk = withLongGroup ? options.sessions - 1 : options.sessions;
  const sql = new ScaleSql(catalog, anchor, bulk);
  // Foreign-key triggers are about half the insert time. Rows here reference only rows made by the
  // same statement or the catalog just read, so a superuser (the local and embedded servers) may skip
  // them, as pg_restore does; scale.db.test.ts checks referential integrity afterwards.
  const [role] = await prisma.$queryRawUnsafe<{ superuser: boolean }[]>("select rolsuper as superuser from pg_roles where rolname = current_user");
  const skipTriggers = role?.superuser === true;
  if (!skipTriggers) log("  not a superuser: foreign keys are checked row by row (slower)");
  const inserted: Record<string, number> = Object.fromEntries(Object.entries(added).filter(([, n]) => n > 0));
  const batches: Array<[number, number]> = [];
  for (let lo = 0; lo < bulk; lo += batchSize) batches.push([lo, Math.min(bulk, lo + batchSize)]);
  let done = 0;
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const [lo, hi] = batch;
      // One transaction per batch: a batch lands whole or not at all, and its two statements see each other.
      const [sessions, runs] = await prisma.$transaction(
        async (tx) => {
          if (skipTriggers) await tx.$executeRawUnsafe("set local session_replication_role = replica");
          const a = await tx.$queryRawUnsafe<Record<string, unknown>[]>(sql.sessionsStatement(lo, hi));
          const b = await tx.$queryRawUnsafe<Record<string, unknown>[]>(sql.runsStatement(lo, hi));
          return [a[0], b[0]] as const;
        },
        { timeout: 30 * 60_000, maxWait: 30 * 60_000 },
      );
      addCounts(inserted, sessions);
      addCounts(inserted, runs);
      done += hi - lo;
      const seconds = (performance.now() - started) / 1000;
      log(
        `  ${done.toLocaleString("en-US")} / ${options.sessions.toLocaleString("en-US")} sessions (${Math.round(done / seconds).toLocaleString("en-US")}/s)`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 2) }, worker));
  if (withLongGroup) {
    const long = await prisma.$transaction(
      async (tx) => {
        if (skipTriggers) await tx.$executeRawUnsafe("set local session_replication_role = replica");
        return seedLongGroup(tx, catalog, anchor);
      },
      { timeout: 10 * 60_000 },
    );
    addCounts(inserted, long);
  }
  // Fresh statistics before anything reads this much new data, the summaries' rebuild included, and
  // a visibility map, without which index-only scans fetch every heap row until autovacuum comes by
  // (about 40 s for a million sessions; it also sets the hint bits once instead of on first read).
  await prisma.$executeRawUnsafe("vacuum (analyze)");
  if (skipTriggers) await rebuildSummaries(prisma, log);
  return { inserted, elapsedMs: Math.round(performance.now() - started) };
}
