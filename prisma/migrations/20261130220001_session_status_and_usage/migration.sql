-- Session status and the per-session usage the list sorts and filters by (issue 13).
--
-- A session's status follows these rules; lib/sessions/status.ts describes them for the app and
-- runs the time-driven half:
--   written with an end (ended_at)      -> completed, or aborted when the sender says so
--   written without an end              -> active; activity (updated_at moving forward) wakes an
--                                          idle or expired session back to active
--   no activity for the idle time       -> idle      } glow_sweep_session_status(), run by the app
--   no activity for the expiry time     -> expired   } every minute and by POST /system/refresh
--   `active` (the spec's flag) is true exactly while the status is active or idle.

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('active', 'idle', 'completed', 'aborted', 'expired');

-- AlterTable
ALTER TABLE "session_stats" ADD COLUMN     "avg_response_ms" INTEGER,
ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "failed_run_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "response_ms_total" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "status" "SessionStatus" NOT NULL DEFAULT 'active',
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "timed_run_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "title" TEXT;

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "status" "SessionStatus" NOT NULL DEFAULT 'active';


-- Rows are backfilled before the new indexes exist, so each is written once; the sessions triggers
-- are off meanwhile (status changes nothing any summary counts: active and ended_at stay as they are).
ALTER TABLE "sessions" DISABLE TRIGGER USER;
UPDATE "sessions" SET "status" = 'completed' WHERE "ended_at" IS NOT NULL;
ALTER TABLE "sessions" ENABLE TRIGGER USER;

UPDATE "session_stats" ss SET "title" = s."title", "tags" = s."tags", "ended_at" = s."ended_at", "status" = s."status",
  "failed_run_count" = coalesce(r.failed, 0), "response_ms_total" = coalesce(r.ms, 0), "timed_run_count" = coalesce(r.timed, 0),
  "avg_response_ms" = round(r.ms::numeric / nullif(r.timed, 0))::int
FROM "sessions" s
LEFT JOIN (SELECT g.session_id, count(*) FILTER (WHERE r.status = 'failed') AS failed, sum(r.duration_ms)::bigint AS ms,
                  count(r.duration_ms) AS timed
           FROM runs r JOIN groups g ON g.id = r.group_id GROUP BY g.session_id) r ON r.session_id = s.id
WHERE s.id = ss.session_id;

-- CreateIndex
CREATE INDEX "session_stats_title_session_id_profile_id_created_at_active_idx" ON "session_stats"("title", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_ended_at_session_id_profile_id_created_at_act_idx" ON "session_stats"("ended_at", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_status_session_id_profile_id_created_at_activ_idx" ON "session_stats"("status", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_avg_response_ms_session_id_profile_id_created_idx" ON "session_stats"("avg_response_ms", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_status_created_at_session_id_idx" ON "session_stats"("status", "created_at", "session_id");

-- CreateIndex
CREATE INDEX "session_stats_tags_idx" ON "session_stats" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "sessions_status_updated_at_idx" ON "sessions"("status", "updated_at");

-- The status rules that follow from a write (the time-driven ones are in the sweep below).
CREATE FUNCTION glow_session_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.ended_at IS NOT NULL THEN
    IF NEW.status NOT IN ('completed', 'aborted') THEN NEW.status := 'completed'; END IF;
  ELSIF NEW.status IN ('completed', 'aborted') THEN
    NEW.status := 'active';
  ELSIF TG_OP = 'UPDATE' AND NEW.updated_at > OLD.updated_at AND NEW.status IN ('idle', 'expired') THEN
    NEW.status := 'active';
  END IF;
  NEW.active := NEW.status IN ('active', 'idle');
  RETURN NEW;
END $$;

CREATE TRIGGER sessions_status BEFORE INSERT OR UPDATE ON sessions FOR EACH ROW EXECUTE FUNCTION glow_session_status();

-- Moves open sessions without recent activity to idle, then to expired, at most batch_size at a
-- time (so a first sweep over a large backlog never holds many row locks); returns how many moved.
CREATE FUNCTION glow_sweep_session_status(idle_after interval, expire_after interval, batch_size int)
RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  moved int;
BEGIN
  WITH due AS (
    SELECT id FROM sessions
    WHERE (status = 'active' AND updated_at < now() - idle_after) OR (status = 'idle' AND updated_at < now() - expire_after)
    ORDER BY updated_at LIMIT batch_size FOR UPDATE SKIP LOCKED
  )
  UPDATE sessions s SET status = CASE WHEN s.updated_at < now() - expire_after THEN 'expired' ELSE 'idle' END::"SessionStatus"
  FROM due WHERE s.id = due.id;
  GET DIAGNOSTICS moved = ROW_COUNT;
  RETURN moved;
END $$;

-- sessions: their stats row now also carries what the list shows, sorts and filters by.
CREATE OR REPLACE FUNCTION glow_sessions_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A row may linger from a session deleted earlier in this transaction (see glow_drop_stats).
    INSERT INTO session_stats AS ss (session_id, profile_id, profile_name, created_at, updated_at, active, title, tags, ended_at, status)
    SELECT n.id, n.profile_id, p.name, n.created_at, n.updated_at, n.active, n.title, n.tags, n.ended_at, n.status
    FROM new_rows n JOIN profiles p ON p.id = n.profile_id
    ON CONFLICT (session_id) DO UPDATE SET profile_id = excluded.profile_id, profile_name = excluded.profile_name,
      created_at = excluded.created_at, updated_at = excluded.updated_at, active = excluded.active, title = excluded.title,
      tags = excluded.tags, ended_at = excluded.ended_at, status = excluded.status, group_count = 0,
      run_count = 0, chat_count = 0, attempt_count = 0, message_count = 0, total_tokens = 0, total_cost = 0,
      problem_count = 0, open_problem_count = 0, failed_run_count = 0, response_ms_total = 0, timed_run_count = 0,
      avg_response_ms = NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.profile_id <> o.profile_id) THEN
      PERFORM glow_refuse_move('A session');
    END IF;
    UPDATE session_stats ss SET created_at = n.created_at, updated_at = n.updated_at, active = n.active, title = n.title,
      tags = n.tags, ended_at = n.ended_at, status = n.status
    FROM new_rows n
    WHERE ss.session_id = n.id
      AND (ss.created_at, ss.updated_at, ss.active, ss.title, ss.tags, ss.ended_at, ss.status)
          IS DISTINCT FROM (n.created_at, n.updated_at, n.active, n.title, n.tags, n.ended_at, n.status);
  END IF;

  IF TG_OP <> 'INSERT' THEN
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(o.created_at), o.profile_id, sessions => -count(*),
                           active_sessions => -count(*) FILTER (WHERE o.active))
      FROM old_rows o GROUP BY glow_utc_day(o.created_at), o.profile_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(n.created_at), n.profile_id, sessions => count(*),
                           active_sessions => count(*) FILTER (WHERE n.active))
      FROM new_rows n GROUP BY glow_utc_day(n.created_at), n.profile_id));
  END IF;
  RETURN NULL;
END $$;

-- runs: a session's failed runs and response times are kept beside its other run totals.
CREATE OR REPLACE FUNCTION glow_runs_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.group_id <> o.group_id) THEN
      PERFORM glow_refuse_move('A run');
    END IF;
  END IF;

  IF TG_OP <> 'INSERT' THEN
    UPDATE session_stats ss SET run_count = ss.run_count - d.n, total_tokens = ss.total_tokens - d.tokens,
                                total_cost = ss.total_cost - d.cost, failed_run_count = ss.failed_run_count - d.failed,
                                response_ms_total = ss.response_ms_total - d.ms, timed_run_count = ss.timed_run_count - d.timed,
                                avg_response_ms = round((ss.response_ms_total - d.ms)::numeric / nullif(ss.timed_run_count - d.timed, 0))::int
    FROM (SELECT gs.session_id, sum(per_group.n) AS n, sum(per_group.tokens) AS tokens, sum(per_group.cost) AS cost,
                 sum(per_group.failed) AS failed, sum(per_group.ms) AS ms, sum(per_group.timed) AS timed
          FROM (SELECT group_id, count(*) AS n, sum(input_tokens::bigint + output_tokens) AS tokens, sum(cost) AS cost,
                       count(*) FILTER (WHERE status = 'failed') AS failed, coalesce(sum(duration_ms), 0) AS ms, count(duration_ms) AS timed
                FROM old_rows GROUP BY group_id) per_group
          JOIN group_stats gs ON gs.group_id = per_group.group_id GROUP BY gs.session_id) d
    WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_usage(ARRAY(
      SELECT ROW(glow_utc_day(o.created_at), gs.profile_id, o.model_id, -count(*), -sum(o.input_tokens), -sum(o.output_tokens),
                 -sum(o.cached_input_tokens), -sum(o.cost))::glow_usage_delta
      FROM old_rows o JOIN group_stats gs ON gs.group_id = o.group_id
      GROUP BY glow_utc_day(o.created_at), gs.profile_id, o.model_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE session_stats ss SET run_count = ss.run_count + d.n, total_tokens = ss.total_tokens + d.tokens,
                                total_cost = ss.total_cost + d.cost, failed_run_count = ss.failed_run_count + d.failed,
                                response_ms_total = ss.response_ms_total + d.ms, timed_run_count = ss.timed_run_count + d.timed,
                                avg_response_ms = round((ss.response_ms_total + d.ms)::numeric / nullif(ss.timed_run_count + d.timed, 0))::int
    FROM (SELECT gs.session_id, sum(per_group.n) AS n, sum(per_group.tokens) AS tokens, sum(per_group.cost) AS cost,
                 sum(per_group.failed) AS failed, sum(per_group.ms) AS ms, sum(per_group.timed) AS timed
          FROM (SELECT group_id, count(*) AS n, sum(input_tokens::bigint + output_tokens) AS tokens, sum(cost) AS cost,
                       count(*) FILTER (WHERE status = 'failed') AS failed, coalesce(sum(duration_ms), 0) AS ms, count(duration_ms) AS timed
                FROM new_rows GROUP BY group_id) per_group
          JOIN group_stats gs ON gs.group_id = per_group.group_id GROUP BY gs.session_id) d
    WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_usage(ARRAY(
      SELECT ROW(glow_utc_day(n.created_at), gs.profile_id, n.model_id, count(*), sum(n.input_tokens), sum(n.output_tokens),
                 sum(n.cached_input_tokens), sum(n.cost))::glow_usage_delta
      FROM new_rows n JOIN group_stats gs ON gs.group_id = n.group_id
      GROUP BY glow_utc_day(n.created_at), gs.profile_id, n.model_id));
  END IF;

  IF TG_OP = 'INSERT' THEN
    UPDATE group_stats gs SET
      run_count = gs.run_count + d.n, input_tokens = gs.input_tokens + d.input, output_tokens = gs.output_tokens + d.output,
      cached_input_tokens = gs.cached_input_tokens + d.cached, total_tokens = gs.total_tokens + d.input + d.output,
      total_cost = gs.total_cost + d.cost, first_run_at = least(gs.first_run_at, d.first_at),
      last_run_at = greatest(gs.last_run_at, d.last_at),
      model_ids = ARRAY(SELECT DISTINCT m FROM unnest(coalesce(gs.model_ids, '{}') || d.models) m ORDER BY m)
    FROM (SELECT group_id, count(*) AS n, sum(input_tokens) AS input, sum(output_tokens) AS output,
                 sum(cached_input_tokens) AS cached, sum(cost) AS cost, min(created_at) AS first_at,
                 max(coalesce(finished_at, created_at)) AS last_at,
                 array_agg(DISTINCT model_id) AS models
          FROM new_rows GROUP BY group_id) d
    WHERE gs.group_id = d.group_id;
  ELSE
    -- A changed or removed run can lower its group's first or last run or drop one of its models:
    -- those groups are recounted from their remaining runs.
    UPDATE group_stats gs SET
      run_count = t.n, input_tokens = t.input, output_tokens = t.output, cached_input_tokens = t.cached,
      total_tokens = t.input + t.output, total_cost = t.cost, first_run_at = t.first_at, last_run_at = t.last_at,
      model_ids = t.models
    FROM (SELECT a.group_id, agg.* FROM (SELECT DISTINCT group_id FROM old_rows) a
          CROSS JOIN LATERAL (
            SELECT count(*) AS n, coalesce(sum(r.input_tokens), 0) AS input, coalesce(sum(r.output_tokens), 0) AS output,
                   coalesce(sum(r.cached_input_tokens), 0) AS cached, coalesce(sum(r.cost), 0) AS cost,
                   min(r.created_at) AS first_at, max(coalesce(r.finished_at, r.created_at)) AS last_at,
                   coalesce(array_agg(DISTINCT r.model_id ORDER BY r.model_id) FILTER (WHERE r.model_id IS NOT NULL), '{}') AS models
            FROM runs r WHERE r.group_id = a.group_id) agg) t
    WHERE gs.group_id = t.group_id;
  END IF;

  IF TG_OP = 'DELETE' THEN
    -- Their messages went with them, before this trigger could see which session they belonged to.
    UPDATE session_stats ss SET message_count = t.n
    FROM (SELECT a.session_id,
                 (SELECT count(*) FROM groups g JOIN runs r ON r.group_id = g.id JOIN messages m ON m.run_id = r.id
                  WHERE g.session_id = a.session_id) AS n
          FROM (SELECT DISTINCT gs.session_id FROM old_rows o JOIN group_stats gs ON gs.group_id = o.group_id) a
          WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.id = a.session_id)) t
    WHERE ss.session_id = t.session_id AND ss.message_count <> t.n;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE VIEW glow_session_stats_truth AS
SELECT s.id AS session_id, s.profile_id, p.name AS profile_name, s.created_at, s.updated_at, s.active,
       coalesce(g.n, 0)::int AS group_count, coalesce(r.n, 0)::int AS run_count, coalesce(c.n, 0)::int AS chat_count,
       coalesce(a.n, 0)::int AS attempt_count, coalesce(m.n, 0)::int AS message_count,
       coalesce(r.tokens, 0)::bigint AS total_tokens, coalesce(r.cost, 0)::numeric(24, 10) AS total_cost,
       coalesce(pr.n, 0)::int AS problem_count, coalesce(pr.open, 0)::int AS open_problem_count,
       s.title, s.tags, s.ended_at, s.status, coalesce(r.failed, 0)::int AS failed_run_count,
       coalesce(r.ms, 0)::bigint AS response_ms_total, coalesce(r.timed, 0)::int AS timed_run_count,
       round(r.ms::numeric / nullif(r.timed, 0))::int AS avg_response_ms
FROM sessions s
JOIN profiles p ON p.id = s.profile_id
LEFT JOIN (SELECT session_id, count(*) AS n FROM groups GROUP BY session_id) g ON g.session_id = s.id
LEFT JOIN (SELECT g.session_id, count(*) AS n, sum(r.input_tokens::bigint + r.output_tokens) AS tokens, sum(r.cost) AS cost,
                  count(*) FILTER (WHERE r.status = 'failed') AS failed, coalesce(sum(r.duration_ms), 0) AS ms, count(r.duration_ms) AS timed
           FROM runs r JOIN groups g ON g.id = r.group_id GROUP BY g.session_id) r ON r.session_id = s.id
LEFT JOIN (SELECT g.session_id, sum(per_run.n) AS n
           FROM (SELECT run_id, count(*) AS n FROM messages GROUP BY run_id) per_run
           JOIN runs r ON r.id = per_run.run_id JOIN groups g ON g.id = r.group_id GROUP BY g.session_id) m ON m.session_id = s.id
LEFT JOIN (SELECT session_id, count(*) AS n FROM chats GROUP BY session_id) c ON c.session_id = s.id
LEFT JOIN (SELECT session_id, count(*) AS n FROM attempts GROUP BY session_id) a ON a.session_id = s.id
LEFT JOIN (SELECT session_id, count(*) AS n, count(*) FILTER (WHERE NOT resolved) AS open FROM problems GROUP BY session_id) pr
       ON pr.session_id = s.id;

CREATE OR REPLACE FUNCTION glow_summary_definitions()
RETURNS TABLE (name text, truth text, keys text[], attrs text[], sums text[])
LANGUAGE sql IMMUTABLE AS $$
  VALUES
    ('session_stats', 'glow_session_stats_truth', '{session_id}'::text[],
     '{profile_id,profile_name,created_at,updated_at,active,title,tags,ended_at,status,avg_response_ms}'::text[],
     '{group_count,run_count,chat_count,attempt_count,message_count,total_tokens,total_cost,problem_count,open_problem_count,failed_run_count,response_ms_total,timed_run_count}'::text[]),
    ('group_stats', 'glow_group_stats_truth', '{group_id}',
     '{session_id,profile_id,profile_name,group_name,created_at,first_run_at,last_run_at,model_ids}',
     '{run_count,input_tokens,output_tokens,cached_input_tokens,total_tokens,total_cost}'),
    ('activity_daily', 'glow_activity_daily_truth', '{day,profile_id}', '{}',
     '{sessions,active_sessions,chats,attempts,groups,logins,failed_logins,grants,emulations,problems,open_problems}'),
    ('activity_monthly', 'glow_activity_monthly_truth', '{month,profile_id}', '{}',
     '{sessions,active_sessions,chats,attempts,groups,logins,failed_logins,grants,emulations,problems,open_problems}'),
    ('usage_daily', 'glow_usage_daily_truth', '{day,profile_id,model_id}', '{}',
     '{runs,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('usage_monthly', 'glow_usage_monthly_truth', '{month,profile_id,model_id}', '{}',
     '{runs,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('activity_daily_cohort', 'glow_activity_daily_cohort_truth', '{day,department_id,ta_role}', '{}',
     '{sessions,active_sessions,chats,attempts,groups,logins,failed_logins,grants,emulations,problems,open_problems}'),
    ('activity_monthly_cohort', 'glow_activity_monthly_cohort_truth', '{month,department_id,ta_role}', '{}',
     '{sessions,active_sessions,chats,attempts,groups,logins,failed_logins,grants,emulations,problems,open_problems}'),
    ('usage_daily_cohort', 'glow_usage_daily_cohort_truth', '{day,department_id,ta_role,model_id}', '{}',
     '{runs,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('usage_monthly_cohort', 'glow_usage_monthly_cohort_truth', '{month,department_id,ta_role,model_id}', '{}',
     '{runs,input_tokens,output_tokens,cached_input_tokens,cost}')
$$;

-- The backfill rewrote every session's row: the planner's statistics would still say no session
-- has a status but active (seen: 5,102 rows expected for 997,440 completed).
ANALYZE sessions;
ANALYZE session_stats;
