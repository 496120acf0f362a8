import "server-only";
// Everything in the audit trail and the sign-in log that concerns one person, in SQL: "their
// records" reach from the profile through sessions to groups, problems and uploads, and naming those
// ids in Prisma would mean shipping thousands of them back and forth.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AccessRelation } from "./schemas";

export interface AccessHistoryRow {
  created_at: Date;
  relation: AccessRelation;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  on_behalf_of_id: string | null;
  on_behalf_of_name: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  user_agent: string | null;
  details: unknown;
  audit_id: string | null;
  login_id: string | null;
}

/**
 * One row per audit entry or login, oldest first. An entry that is several things at once gets the
 * most specific relation: done on their behalf, then done by them, then touching their records.
 * Failed sign-ins typed with their email but matched to no profile count as theirs too.
 */
export function accessHistoryRows(db: Pick<PrismaClient, "$queryRaw">, profileId: string): Promise<AccessHistoryRow[]> {
  return db.$queryRaw<AccessHistoryRow[]>`
    with person as (select id, email from profiles where id = ${profileId}::uuid),
    their_sessions as (select id from sessions where profile_id = ${profileId}::uuid),
    their_groups as (select g.id from groups g join their_sessions s on s.id = g.session_id),
    their_problems as (select p.id from problems p join their_sessions s on s.id = p.session_id),
    -- Materialized steps, walked down the indexes (runs by group, messages by run, uploads by
    -- message): inlined, the planner misjudged their sizes and hashed every message (npm run bench,
    -- a TA with 11.5k of 400k audit rows: 2.9 s inlined, 1.3 s materialized).
    their_runs as materialized (select r.id from runs r where r.group_id in (select id from their_groups)),
    their_messages as materialized (select m.id from messages m where m.run_id in (select id from their_runs)),
    their_uploads as (
      select u.id from uploads u where u.profile_id = ${profileId}::uuid
      union
      select mu.upload_id from message_uploads mu where mu.message_id in (select id from their_messages)
    ),
    their_tokens as (select id from api_tokens where profile_id = ${profileId}::uuid),
    their_targets (target_type, target_id) as materialized (
      select 'profile', ${profileId}::text
      union all select 'session', id::text from their_sessions
      union all select 'group', id::text from their_groups
      union all select 'problem', id::text from their_problems
      union all select 'upload', id::text from their_uploads
      union all select 'api_token', id::text from their_tokens
    ),
    -- Three index lookups joined by UNION: one WHERE with OR across them scans the whole log.
    matched as materialized (
      select id from audit_logs where actor_id = ${profileId}::uuid
      union
      select id from audit_logs where on_behalf_of_id = ${profileId}::uuid
      union
      select a.id from their_targets t join audit_logs a on a.target_type = t.target_type and a.target_id = t.target_id
    )
    select a.created_at,
      case
        when a.on_behalf_of_id = ${profileId}::uuid then 'on_their_behalf'
        when a.actor_id = ${profileId}::uuid then 'by_them'
        else 'accessed_their_record'
      end as relation,
      a.action, a.actor_id::text, actor.name as actor_name, a.on_behalf_of_id::text, behalf.name as on_behalf_of_name,
      a.target_type, a.target_id, a.ip, a.request_id, null::text as user_agent, a.details, a.id::text as audit_id, null::text as login_id
    from audit_logs a
    join matched on matched.id = a.id
    left join profiles actor on actor.id = a.actor_id
    left join profiles behalf on behalf.id = a.on_behalf_of_id
    union all
    select l.created_at, 'login', case when l.succeeded then 'login.succeeded' else 'login.failed' end,
      l.profile_id::text, p.name, null, null, null, null, l.ip, null, l.user_agent,
      jsonb_build_object('email', l.email, 'succeeded', l.succeeded), null, l.id::text
    from logins l
    left join profiles p on p.id = l.profile_id
    where l.profile_id = ${profileId}::uuid
      or (l.profile_id is null and lower(l.email) = (select lower(email) from person))
    order by created_at, audit_id, login_id
  `;
}
