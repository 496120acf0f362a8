-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "agent_version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "agent_versions" (
    "agent_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "model_id" UUID,
    "prompt" TEXT,
    "temperature" DECIMAL(4,3),
    "change_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_versions_pkey" PRIMARY KEY ("agent_id","version")
);

-- CreateTable
CREATE TABLE "session_agents" (
    "session_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "profile_id" UUID NOT NULL,
    "versions" INTEGER[],
    "run_count" INTEGER NOT NULL,
    "first_run_at" TIMESTAMPTZ(3) NOT NULL,
    "first_model_id" UUID NOT NULL,
    "last_run_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_agents_pkey" PRIMARY KEY ("session_id","agent_id")
);

-- CreateTable
CREATE TABLE "agent_usage_daily" (
    "day" DATE NOT NULL,
    "agent_id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "department_id" TEXT NOT NULL DEFAULT '',
    "ta_role" TEXT NOT NULL DEFAULT '',
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failed_runs" INTEGER NOT NULL DEFAULT 0,
    "timed_runs" INTEGER NOT NULL DEFAULT 0,
    "response_ms_total" BIGINT NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(24,10) NOT NULL DEFAULT 0,

    CONSTRAINT "agent_usage_daily_pkey" PRIMARY KEY ("day","agent_id","model_id","department_id","ta_role")
);

-- CreateTable
CREATE TABLE "agent_usage_profile_daily" (
    "day" DATE NOT NULL,
    "profile_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failed_runs" INTEGER NOT NULL DEFAULT 0,
    "timed_runs" INTEGER NOT NULL DEFAULT 0,
    "response_ms_total" BIGINT NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(24,10) NOT NULL DEFAULT 0,

    CONSTRAINT "agent_usage_profile_daily_pkey" PRIMARY KEY ("day","profile_id","agent_id","model_id")
);

-- CreateTable
CREATE TABLE "agent_usage_monthly" (
    "month" DATE NOT NULL,
    "agent_id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "department_id" TEXT NOT NULL DEFAULT '',
    "ta_role" TEXT NOT NULL DEFAULT '',
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failed_runs" INTEGER NOT NULL DEFAULT 0,
    "timed_runs" INTEGER NOT NULL DEFAULT 0,
    "response_ms_total" BIGINT NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(24,10) NOT NULL DEFAULT 0,

    CONSTRAINT "agent_usage_monthly_pkey" PRIMARY KEY ("month","agent_id","model_id","department_id","ta_role")
);

-- CreateIndex
CREATE INDEX "session_agents_agent_id_session_id_idx" ON "session_agents"("agent_id", "session_id");

-- CreateIndex
CREATE INDEX "session_agents_profile_id_first_run_at_idx" ON "session_agents"("profile_id", "first_run_at");

-- CreateIndex
CREATE INDEX "session_agents_profile_id_agent_id_last_run_at_idx" ON "session_agents"("profile_id", "agent_id", "last_run_at");

-- CreateIndex
CREATE INDEX "session_agents_first_run_at_idx" ON "session_agents"("first_run_at");

-- CreateIndex
CREATE INDEX "agent_usage_profile_daily_profile_id_agent_id_day_idx" ON "agent_usage_profile_daily"("profile_id", "agent_id", "day");

-- CreateIndex
CREATE INDEX "agent_usage_daily_agent_id_day_idx" ON "agent_usage_daily"("agent_id", "day");

-- CreateIndex
CREATE INDEX "runs_agent_id_created_at_idx" ON "runs"("agent_id", "created_at");

-- AddForeignKey
ALTER TABLE "agent_versions" ADD CONSTRAINT "agent_versions_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_versions" ADD CONSTRAINT "agent_versions_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every agent starts at version 1 (runs recorded before versions were kept are version 1), and a
-- new agent gets its version 1 with it, so a run can name an agent without naming a version.
INSERT INTO agent_versions (agent_id, version, created_at, change_note)
SELECT id, 1, created_at, 'First recorded version' FROM agents;

CREATE FUNCTION glow_agent_first_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO agent_versions (agent_id, version, created_at) VALUES (NEW.id, 1, NEW.created_at) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER agents_first_version AFTER INSERT ON agents FOR EACH ROW EXECUTE FUNCTION glow_agent_first_version();

-- NOT VALID, then VALIDATE: the check of the existing runs takes no lock that blocks writers.
ALTER TABLE "runs" ADD CONSTRAINT "runs_agent_id_agent_version_fkey" FOREIGN KEY ("agent_id", "agent_version")
  REFERENCES "agent_versions"("agent_id", "version") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "runs" VALIDATE CONSTRAINT "runs_agent_id_agent_version_fkey";
ALTER TABLE "session_agents" ALTER COLUMN "versions" SET NOT NULL;

-- =============================================================================================
-- Agent summaries, kept like the others (see the summaries migration): session_agents per session
-- and agent; agent_usage_profile_daily per day, session owner, agent and model; and the same
-- summed per cohort (department and TA role) in agent_usage_daily and agent_usage_monthly.
-- =============================================================================================

CREATE TYPE glow_agent_usage_delta AS (
  day date, profile_id uuid, agent_id uuid, model_id uuid, sessions int, runs int, failed_runs int, timed_runs int,
  response_ms_total bigint, input_tokens bigint, output_tokens bigint, cached_input_tokens bigint, cost numeric
);

CREATE TYPE glow_agent_cohort_delta AS (
  day date, department_id text, ta_role text, agent_id uuid, model_id uuid, sessions int, runs int, failed_runs int, timed_runs int,
  response_ms_total bigint, input_tokens bigint, output_tokens bigint, cached_input_tokens bigint, cost numeric
);

CREATE TYPE glow_session_agent_key AS (session_id uuid, agent_id uuid);

CREATE FUNCTION glow_bump_agent_usage_cohorts(deltas glow_agent_cohort_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO agent_usage_daily AS t (day, agent_id, model_id, department_id, ta_role, sessions, runs, failed_runs, timed_runs,
                                      response_ms_total, input_tokens, output_tokens, cached_input_tokens, cost)
  SELECT d.day, d.agent_id, d.model_id, d.department_id, d.ta_role, sum(d.sessions), sum(d.runs), sum(d.failed_runs), sum(d.timed_runs),
         sum(d.response_ms_total), sum(d.input_tokens), sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)
  FROM unnest(deltas) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING (sum(d.sessions), sum(d.runs), sum(d.failed_runs), sum(d.timed_runs), sum(d.response_ms_total), sum(d.input_tokens),
          sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (day, agent_id, model_id, department_id, ta_role) DO UPDATE SET
    sessions = t.sessions + excluded.sessions, runs = t.runs + excluded.runs, failed_runs = t.failed_runs + excluded.failed_runs,
    timed_runs = t.timed_runs + excluded.timed_runs, response_ms_total = t.response_ms_total + excluded.response_ms_total,
    input_tokens = t.input_tokens + excluded.input_tokens, output_tokens = t.output_tokens + excluded.output_tokens,
    cached_input_tokens = t.cached_input_tokens + excluded.cached_input_tokens, cost = t.cost + excluded.cost;

  INSERT INTO agent_usage_monthly AS t (month, agent_id, model_id, department_id, ta_role, sessions, runs, failed_runs, timed_runs,
                                        response_ms_total, input_tokens, output_tokens, cached_input_tokens, cost)
  SELECT date_trunc('month', d.day)::date, d.agent_id, d.model_id, d.department_id, d.ta_role, sum(d.sessions), sum(d.runs),
         sum(d.failed_runs), sum(d.timed_runs), sum(d.response_ms_total), sum(d.input_tokens), sum(d.output_tokens),
         sum(d.cached_input_tokens), sum(d.cost)
  FROM unnest(deltas) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING (sum(d.sessions), sum(d.runs), sum(d.failed_runs), sum(d.timed_runs), sum(d.response_ms_total), sum(d.input_tokens),
          sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (month, agent_id, model_id, department_id, ta_role) DO UPDATE SET
    sessions = t.sessions + excluded.sessions, runs = t.runs + excluded.runs, failed_runs = t.failed_runs + excluded.failed_runs,
    timed_runs = t.timed_runs + excluded.timed_runs, response_ms_total = t.response_ms_total + excluded.response_ms_total,
    input_tokens = t.input_tokens + excluded.input_tokens, output_tokens = t.output_tokens + excluded.output_tokens,
    cached_input_tokens = t.cached_input_tokens + excluded.cached_input_tokens, cost = t.cost + excluded.cost;
END $$;

CREATE FUNCTION glow_bump_agent_usage(deltas glow_agent_usage_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO agent_usage_profile_daily AS t (day, profile_id, agent_id, model_id, sessions, runs, failed_runs, timed_runs,
                                              response_ms_total, input_tokens, output_tokens, cached_input_tokens, cost)
  SELECT d.day, d.profile_id, d.agent_id, d.model_id, sum(d.sessions), sum(d.runs), sum(d.failed_runs), sum(d.timed_runs),
         sum(d.response_ms_total), sum(d.input_tokens), sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)
  FROM unnest(deltas) d
  GROUP BY 1, 2, 3, 4
  HAVING (sum(d.sessions), sum(d.runs), sum(d.failed_runs), sum(d.timed_runs), sum(d.response_ms_total), sum(d.input_tokens),
          sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, profile_id, agent_id, model_id) DO UPDATE SET
    sessions = t.sessions + excluded.sessions, runs = t.runs + excluded.runs, failed_runs = t.failed_runs + excluded.failed_runs,
    timed_runs = t.timed_runs + excluded.timed_runs, response_ms_total = t.response_ms_total + excluded.response_ms_total,
    input_tokens = t.input_tokens + excluded.input_tokens, output_tokens = t.output_tokens + excluded.output_tokens,
    cached_input_tokens = t.cached_input_tokens + excluded.cached_input_tokens, cost = t.cost + excluded.cost;

  PERFORM glow_bump_agent_usage_cohorts(ARRAY(
    SELECT ROW(d.day, coalesce(p.department_id, ''), coalesce(p.ta_role::text, ''), d.agent_id, d.model_id, d.sessions, d.runs,
               d.failed_runs, d.timed_runs, d.response_ms_total, d.input_tokens, d.output_tokens, d.cached_input_tokens, d.cost)::glow_agent_cohort_delta
    FROM unnest(deltas) d JOIN profiles p ON p.id = d.profile_id));
END $$;

-- Recounts the session_agents rows of some (session, agent) pairs from their runs, and moves each
-- session's count in the rollups from where the old row counted it to where the new one does
-- (a -1 and a +1 on the same key cancel and write nothing). The owner comes from session_stats,
-- which outlives a deleted session until commit, as the other triggers rely on.
CREATE FUNCTION glow_sync_session_agents(pairs glow_session_agent_key[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fresh session_agents[];
BEGIN
  IF cardinality(pairs) = 0 THEN
    RETURN;
  END IF;
  fresh := ARRAY(
    SELECT ROW(k.session_id, k.agent_id, ss.profile_id, t.versions, t.n, t.first_at, t.first_model, t.last_at)::session_agents
    FROM (SELECT DISTINCT session_id, agent_id FROM unnest(pairs)) k
    JOIN session_stats ss ON ss.session_id = k.session_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n, array_agg(DISTINCT r.agent_version ORDER BY r.agent_version) AS versions, min(r.created_at) AS first_at,
             (array_agg(r.model_id ORDER BY r.created_at, r.id))[1] AS first_model, max(r.created_at) AS last_at
      FROM groups g JOIN runs r ON r.group_id = g.id
      WHERE g.session_id = k.session_id AND r.agent_id = k.agent_id) t
    WHERE t.n > 0);

  PERFORM glow_bump_agent_usage(ARRAY(
    SELECT ROW(glow_utc_day(x.first_run_at), x.profile_id, x.agent_id, x.first_model_id, x.sign, 0, 0, 0, 0, 0, 0, 0, 0)::glow_agent_usage_delta
    FROM (SELECT sa.agent_id, sa.profile_id, sa.first_run_at, sa.first_model_id, -1 AS sign
          FROM session_agents sa JOIN (SELECT DISTINCT session_id, agent_id FROM unnest(pairs)) k
            ON k.session_id = sa.session_id AND k.agent_id = sa.agent_id
          UNION ALL
          SELECT f.agent_id, f.profile_id, f.first_run_at, f.first_model_id, 1 FROM unnest(fresh) f) x));

  DELETE FROM session_agents sa
  USING (SELECT DISTINCT session_id, agent_id FROM unnest(pairs)) k
  WHERE sa.session_id = k.session_id AND sa.agent_id = k.agent_id
    AND NOT EXISTS (SELECT 1 FROM unnest(fresh) f WHERE f.session_id = k.session_id AND f.agent_id = k.agent_id);
  INSERT INTO session_agents AS sa
  SELECT * FROM unnest(fresh) ORDER BY 1, 2
  ON CONFLICT (session_id, agent_id) DO UPDATE SET
    profile_id = excluded.profile_id, versions = excluded.versions, run_count = excluded.run_count,
    first_run_at = excluded.first_run_at, first_model_id = excluded.first_model_id, last_run_at = excluded.last_run_at
  WHERE (sa.profile_id, sa.versions, sa.run_count, sa.first_run_at, sa.first_model_id, sa.last_run_at)
        IS DISTINCT FROM (excluded.profile_id, excluded.versions, excluded.run_count, excluded.first_run_at, excluded.first_model_id,
                          excluded.last_run_at);
END $$;

-- runs: their usage per owner, agent and model, and the session_agents rows of the pairs they touch.
CREATE FUNCTION glow_runs_agent_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pairs glow_session_agent_key[] := '{}';
BEGIN
  -- Nested: a statement naming old_rows is planned even when TG_OP rules it out.
  IF TG_OP <> 'INSERT' THEN
    PERFORM glow_bump_agent_usage(ARRAY(
      SELECT ROW(glow_utc_day(o.created_at), gs.profile_id, o.agent_id, o.model_id, 0, -count(*),
                 -count(*) FILTER (WHERE o.status = 'failed'), -count(o.duration_ms), -coalesce(sum(o.duration_ms), 0),
                 -sum(o.input_tokens), -sum(o.output_tokens), -sum(o.cached_input_tokens), -sum(o.cost))::glow_agent_usage_delta
      FROM old_rows o JOIN group_stats gs ON gs.group_id = o.group_id
      GROUP BY glow_utc_day(o.created_at), gs.profile_id, o.agent_id, o.model_id));
    pairs := pairs || ARRAY(SELECT DISTINCT ROW(gs.session_id, o.agent_id)::glow_session_agent_key
                            FROM old_rows o JOIN group_stats gs ON gs.group_id = o.group_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM glow_bump_agent_usage(ARRAY(
      SELECT ROW(glow_utc_day(n.created_at), gs.profile_id, n.agent_id, n.model_id, 0, count(*),
                 count(*) FILTER (WHERE n.status = 'failed'), count(n.duration_ms), coalesce(sum(n.duration_ms), 0),
                 sum(n.input_tokens), sum(n.output_tokens), sum(n.cached_input_tokens), sum(n.cost))::glow_agent_usage_delta
      FROM new_rows n JOIN group_stats gs ON gs.group_id = n.group_id
      GROUP BY glow_utc_day(n.created_at), gs.profile_id, n.agent_id, n.model_id));
    pairs := pairs || ARRAY(SELECT DISTINCT ROW(gs.session_id, n.agent_id)::glow_session_agent_key
                            FROM new_rows n JOIN group_stats gs ON gs.group_id = n.group_id);
  END IF;
  PERFORM glow_sync_session_agents(pairs);
  RETURN NULL;
END $$;

CREATE TRIGGER runs_agent_summaries_insert AFTER INSERT ON runs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION glow_runs_agent_summaries();
CREATE TRIGGER runs_agent_summaries_update AFTER UPDATE ON runs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION glow_runs_agent_summaries();
CREATE TRIGGER runs_agent_summaries_delete AFTER DELETE ON runs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION glow_runs_agent_summaries();

-- profiles: a TA's agent usage moves to their new cohort with them (their per-profile rows say what).
CREATE FUNCTION glow_profiles_agent_cohorts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM glow_bump_agent_usage_cohorts(ARRAY(
    SELECT ROW(u.day, side.department_id, side.ta_role, u.agent_id, u.model_id, side.sign * u.sessions, side.sign * u.runs,
               side.sign * u.failed_runs, side.sign * u.timed_runs, side.sign * u.response_ms_total, side.sign * u.input_tokens,
               side.sign * u.output_tokens, side.sign * u.cached_input_tokens, side.sign * u.cost)::glow_agent_cohort_delta
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (-1, coalesce(o.department_id, ''), coalesce(o.ta_role::text, '')),
                               (1, coalesce(n.department_id, ''), coalesce(n.ta_role::text, ''))) side(sign, department_id, ta_role)
    JOIN agent_usage_profile_daily u ON u.profile_id = n.id
    WHERE (n.department_id, n.ta_role) IS DISTINCT FROM (o.department_id, o.ta_role)));
  RETURN NULL;
END $$;

CREATE TRIGGER profiles_agent_cohorts AFTER UPDATE ON profiles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION glow_profiles_agent_cohorts();

-- What the agent summaries must hold, from the base tables (for /system/refresh and the tests).
CREATE VIEW glow_session_agents_truth AS
SELECT g.session_id, r.agent_id, s.profile_id, array_agg(DISTINCT r.agent_version ORDER BY r.agent_version) AS versions,
       count(*)::int AS run_count, min(r.created_at) AS first_run_at,
       (array_agg(r.model_id ORDER BY r.created_at, r.id))[1] AS first_model_id, max(r.created_at) AS last_run_at
FROM runs r JOIN groups g ON g.id = r.group_id JOIN sessions s ON s.id = g.session_id
GROUP BY g.session_id, r.agent_id, s.profile_id;

CREATE VIEW glow_agent_usage_profile_daily_truth AS
SELECT x.day, x.profile_id, x.agent_id, x.model_id, sum(x.sessions)::int AS sessions, sum(x.runs)::int AS runs,
       sum(x.failed)::int AS failed_runs, sum(x.timed)::int AS timed_runs, sum(x.ms)::bigint AS response_ms_total,
       sum(x.input)::bigint AS input_tokens, sum(x.output)::bigint AS output_tokens, sum(x.cached)::bigint AS cached_input_tokens,
       sum(x.cost)::numeric(24, 10) AS cost
FROM (SELECT glow_utc_day(r.created_at) AS day, s.profile_id, r.agent_id, r.model_id, 0 AS sessions, 1 AS runs,
             (r.status = 'failed')::int AS failed, (r.duration_ms IS NOT NULL)::int AS timed, coalesce(r.duration_ms, 0) AS ms,
             r.input_tokens AS input, r.output_tokens AS output, r.cached_input_tokens AS cached, r.cost
      FROM runs r JOIN groups g ON g.id = r.group_id JOIN sessions s ON s.id = g.session_id
      UNION ALL
      SELECT glow_utc_day(sa.first_run_at), sa.profile_id, sa.agent_id, sa.first_model_id, 1, 0, 0, 0, 0, 0, 0, 0, 0
      FROM glow_session_agents_truth sa) x
GROUP BY 1, 2, 3, 4;

CREATE VIEW glow_agent_usage_daily_truth AS
SELECT u.day, u.agent_id, u.model_id, coalesce(p.department_id, '') AS department_id, coalesce(p.ta_role::text, '') AS ta_role,
       sum(u.sessions)::int AS sessions, sum(u.runs)::int AS runs, sum(u.failed_runs)::int AS failed_runs,
       sum(u.timed_runs)::int AS timed_runs, sum(u.response_ms_total)::bigint AS response_ms_total,
       sum(u.input_tokens)::bigint AS input_tokens, sum(u.output_tokens)::bigint AS output_tokens,
       sum(u.cached_input_tokens)::bigint AS cached_input_tokens, sum(u.cost)::numeric(24, 10) AS cost
FROM glow_agent_usage_profile_daily_truth u JOIN profiles p ON p.id = u.profile_id
GROUP BY 1, 2, 3, 4, 5;

CREATE VIEW glow_agent_usage_monthly_truth AS
SELECT date_trunc('month', day)::date AS month, agent_id, model_id, department_id, ta_role, sum(sessions)::int AS sessions,
       sum(runs)::int AS runs, sum(failed_runs)::int AS failed_runs, sum(timed_runs)::int AS timed_runs,
       sum(response_ms_total)::bigint AS response_ms_total, sum(input_tokens)::bigint AS input_tokens,
       sum(output_tokens)::bigint AS output_tokens, sum(cached_input_tokens)::bigint AS cached_input_tokens,
       sum(cost)::numeric(24, 10) AS cost
FROM glow_agent_usage_daily_truth GROUP BY 1, 2, 3, 4, 5;

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
    ('session_agents', 'glow_session_agents_truth', '{session_id,agent_id}',
     '{profile_id,versions,first_run_at,first_model_id,last_run_at}', '{run_count}'),
    ('activity_daily', 'glow_activity_daily_truth', '{day,profile_id}', '{}',
     '{sessions,active_sessions,chats,attempts,groups,logins,failed_logins,grants,emulations,problems,open_problems}'),
    ('activity_monthly', 'glow_activity_monthly_truth', '{month,profile_id}', '{}',
     '{sessions,active_sessions,chats,attempts,groups,logins,failed_logins,grants,emulations,problems,open_problems}'),
    ('usage_daily', 'glow_usage_daily_truth', '{day,profile_id,model_id}', '{}',
     '{runs,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('usage_monthly', 'glow_usage_monthly_truth', '{month,profile_id,model_id}', '{}',
     '{runs,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('agent_usage_profile_daily', 'glow_agent_usage_profile_daily_truth', '{day,profile_id,agent_id,model_id}', '{}',
     '{sessions,runs,failed_runs,timed_runs,response_ms_total,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('activity_daily_cohort', 'glow_activity_daily_cohort_truth', '{day,department_id,ta_role}', '{}',
     '{sessions,active_sessions,chats,attempts,groups,logins,failed_logins,grants,emulations,problems,open_problems}'),
    ('activity_monthly_cohort', 'glow_activity_monthly_cohort_truth', '{month,department_id,ta_role}', '{}',
     '{sessions,active_sessions,chats,attempts,groups,logins,failed_logins,grants,emulations,problems,open_problems}'),
    ('usage_daily_cohort', 'glow_usage_daily_cohort_truth', '{day,department_id,ta_role,model_id}', '{}',
     '{runs,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('usage_monthly_cohort', 'glow_usage_monthly_cohort_truth', '{month,department_id,ta_role,model_id}', '{}',
     '{runs,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('agent_usage_daily', 'glow_agent_usage_daily_truth', '{day,agent_id,model_id,department_id,ta_role}', '{}',
     '{sessions,runs,failed_runs,timed_runs,response_ms_total,input_tokens,output_tokens,cached_input_tokens,cost}'),
    ('agent_usage_monthly', 'glow_agent_usage_monthly_truth', '{month,agent_id,model_id,department_id,ta_role}', '{}',
     '{sessions,runs,failed_runs,timed_runs,response_ms_total,input_tokens,output_tokens,cached_input_tokens,cost}')
$$;

-- Existing data, once: the pairs, then the per-profile rollup from them and the runs, then the cohorts.
INSERT INTO session_agents SELECT * FROM glow_session_agents_truth;
INSERT INTO agent_usage_profile_daily (day, profile_id, agent_id, model_id, sessions, runs, failed_runs, timed_runs,
                                       response_ms_total, input_tokens, output_tokens, cached_input_tokens, cost)
SELECT day, profile_id, agent_id, model_id, sum(sessions), sum(runs), sum(failed), sum(timed), sum(ms), sum(input), sum(output), sum(cached), sum(cost)
FROM (SELECT glow_utc_day(r.created_at) AS day, s.profile_id, r.agent_id, r.model_id, 0 AS sessions, count(*) AS runs,
             count(*) FILTER (WHERE r.status = 'failed') AS failed, count(r.duration_ms) AS timed, coalesce(sum(r.duration_ms), 0) AS ms,
             sum(r.input_tokens) AS input, sum(r.output_tokens) AS output, sum(r.cached_input_tokens) AS cached, sum(r.cost) AS cost
      FROM runs r JOIN groups g ON g.id = r.group_id JOIN sessions s ON s.id = g.session_id
      GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT glow_utc_day(sa.first_run_at), sa.profile_id, sa.agent_id, sa.first_model_id, count(*), 0, 0, 0, 0, 0, 0, 0, 0
      FROM session_agents sa GROUP BY 1, 2, 3, 4) x
GROUP BY 1, 2, 3, 4;
INSERT INTO agent_usage_daily (day, agent_id, model_id, department_id, ta_role, sessions, runs, failed_runs, timed_runs,
                               response_ms_total, input_tokens, output_tokens, cached_input_tokens, cost)
SELECT u.day, u.agent_id, u.model_id, coalesce(p.department_id, ''), coalesce(p.ta_role::text, ''), sum(u.sessions), sum(u.runs),
       sum(u.failed_runs), sum(u.timed_runs), sum(u.response_ms_total), sum(u.input_tokens), sum(u.output_tokens),
       sum(u.cached_input_tokens), sum(u.cost)
FROM agent_usage_profile_daily u JOIN profiles p ON p.id = u.profile_id
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO agent_usage_monthly (month, agent_id, model_id, department_id, ta_role, sessions, runs, failed_runs, timed_runs,
                                 response_ms_total, input_tokens, output_tokens, cached_input_tokens, cost)
SELECT date_trunc('month', day)::date, agent_id, model_id, department_id, ta_role, sum(sessions), sum(runs), sum(failed_runs),
       sum(timed_runs), sum(response_ms_total), sum(input_tokens), sum(output_tokens), sum(cached_input_tokens), sum(cost)
FROM agent_usage_daily GROUP BY 1, 2, 3, 4, 5;

ANALYZE agent_versions, session_agents, agent_usage_profile_daily, agent_usage_daily, agent_usage_monthly;
