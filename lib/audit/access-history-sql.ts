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
  // Every step is an index walk from the person outwards (sessions by profile, groups by session,
  // runs by group, messages by run, uploads by message or owner, audit rows by target). Each is a
  // LATERAL probe fenced with OFFSET 0, which keeps the planner from flattening it into a join:
  // as joins, it misjudged the steps' sizes (a TA owns tens of thousands of messages) and hashed
  // the whole audit log and message_uploads: 43 s at 10M audit rows.
  return db.$queryRaw<AccessHistoryRow[]>`
    with person as (select id, email from profiles where id = ${profileId}::uuid),
    their_sessions as materialized (select id from sessions where profile_id = ${profileId}::uuid),
    their_groups as materialized (
      select g.id from their_sessions s cross join lateral (select id from groups where session_id = s.id offset 0) g),
    their_problems as (select p.id from their_sessions s cross join lateral (select id from problems where session_id = s.id offset 0) p),
    their_runs as materialized (select r.id from their_groups g cross join lateral (select id from runs where group_id = g.id offset 0) r),
    their_messages as materialized (select m.id from their_runs r cross join lateral (select id from messages where run_id = r.id offset 0) m),
    their_uploads as (
      select u.id from uploads u where u.profile_id = ${profileId}::uuid
      union
      select mu.upload_id from their_messages m cross join lateral (select upload_id from message_uploads where message_id = m.id offset 0) mu
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
      -- List reads that showed them (a GIN probe).
      select id from audit_logs where disclosed_profile_ids @> array[${profileId}::uuid]
      union
      select a.id from their_targets t
      -- Only disclosures: a read refused as not found or denied showed nothing of theirs.
      cross join lateral (
        select id from audit_logs
        where target_type = t.target_type and target_id = t.target_id and coalesce(outcome, 'allowed') = 'allowed'
        offset 0
      ) a
    )
    select a.created_at,
      case
        when a.on_behalf_of_id = ${profileId}::uuid then 'on_their_behalf'
        when a.actor_id = ${profileId}::uuid then 'by_them'
        else 'accessed_their_record'
      end as relation,
      a.action, a.actor_id::text, actor.name as actor_name, a.on_behalf_of_id::text, behalf.name as on_behalf_of_name,
      a.target_type, a.target_id, a.ip, a.request_id, null::text as user_agent, a.details, a.id::text as audit_id, null::text as login_id
    from matched
    cross join lateral (select * from audit_logs where id = matched.id offset 0) a
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
