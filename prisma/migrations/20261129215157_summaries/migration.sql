-- CreateTable
CREATE TABLE "session_stats" (
    "session_id" UUID NOT NULL,
    "profile_id" UUID NOT NULL,
    "profile_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "active" BOOLEAN NOT NULL,
    "group_count" INTEGER NOT NULL DEFAULT 0,
    "run_count" INTEGER NOT NULL DEFAULT 0,
    "chat_count" INTEGER NOT NULL DEFAULT 0,
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "message_count" INTEGER NOT NULL DEFAULT 0,
    "total_tokens" BIGINT NOT NULL DEFAULT 0,
    "total_cost" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "problem_count" INTEGER NOT NULL DEFAULT 0,
    "open_problem_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "session_stats_pkey" PRIMARY KEY ("session_id")
);

-- CreateTable
CREATE TABLE "group_stats" (
    "group_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "profile_id" UUID NOT NULL,
    "profile_name" TEXT NOT NULL,
    "group_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "run_count" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "total_tokens" BIGINT NOT NULL DEFAULT 0,
    "total_cost" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "first_run_at" TIMESTAMPTZ(3),
    "last_run_at" TIMESTAMPTZ(3),
    "model_ids" UUID[] DEFAULT ARRAY[]::UUID[],

    CONSTRAINT "group_stats_pkey" PRIMARY KEY ("group_id")
);

-- CreateTable
CREATE TABLE "activity_daily" (
    "day" DATE NOT NULL,
    "profile_id" UUID NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "active_sessions" INTEGER NOT NULL DEFAULT 0,
    "chats" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "groups" INTEGER NOT NULL DEFAULT 0,
    "logins" INTEGER NOT NULL DEFAULT 0,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "grants" INTEGER NOT NULL DEFAULT 0,
    "emulations" INTEGER NOT NULL DEFAULT 0,
    "problems" INTEGER NOT NULL DEFAULT 0,
    "open_problems" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "activity_daily_pkey" PRIMARY KEY ("day","profile_id")
);

-- CreateTable
CREATE TABLE "activity_monthly" (
    "month" DATE NOT NULL,
    "profile_id" UUID NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "active_sessions" INTEGER NOT NULL DEFAULT 0,
    "chats" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "groups" INTEGER NOT NULL DEFAULT 0,
    "logins" INTEGER NOT NULL DEFAULT 0,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "grants" INTEGER NOT NULL DEFAULT 0,
    "emulations" INTEGER NOT NULL DEFAULT 0,
    "problems" INTEGER NOT NULL DEFAULT 0,
    "open_problems" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "activity_monthly_pkey" PRIMARY KEY ("month","profile_id")
);

-- CreateTable
CREATE TABLE "usage_daily" (
    "day" DATE NOT NULL,
    "profile_id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(24,10) NOT NULL DEFAULT 0,

    CONSTRAINT "usage_daily_pkey" PRIMARY KEY ("day","profile_id","model_id")
);

-- CreateTable
CREATE TABLE "usage_monthly" (
    "month" DATE NOT NULL,
    "profile_id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(24,10) NOT NULL DEFAULT 0,

    CONSTRAINT "usage_monthly_pkey" PRIMARY KEY ("month","profile_id","model_id")
);

-- CreateTable
CREATE TABLE "activity_daily_cohort" (
    "day" DATE NOT NULL,
    "department_id" TEXT NOT NULL DEFAULT '',
    "ta_role" TEXT NOT NULL DEFAULT '',
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "active_sessions" INTEGER NOT NULL DEFAULT 0,
    "chats" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "groups" INTEGER NOT NULL DEFAULT 0,
    "logins" INTEGER NOT NULL DEFAULT 0,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "grants" INTEGER NOT NULL DEFAULT 0,
    "emulations" INTEGER NOT NULL DEFAULT 0,
    "problems" INTEGER NOT NULL DEFAULT 0,
    "open_problems" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "activity_daily_cohort_pkey" PRIMARY KEY ("day","department_id","ta_role")
);

-- CreateTable
CREATE TABLE "activity_monthly_cohort" (
    "month" DATE NOT NULL,
    "department_id" TEXT NOT NULL DEFAULT '',
    "ta_role" TEXT NOT NULL DEFAULT '',
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "active_sessions" INTEGER NOT NULL DEFAULT 0,
    "chats" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "groups" INTEGER NOT NULL DEFAULT 0,
    "logins" INTEGER NOT NULL DEFAULT 0,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "grants" INTEGER NOT NULL DEFAULT 0,
    "emulations" INTEGER NOT NULL DEFAULT 0,
    "problems" INTEGER NOT NULL DEFAULT 0,
    "open_problems" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "activity_monthly_cohort_pkey" PRIMARY KEY ("month","department_id","ta_role")
);

-- CreateTable
CREATE TABLE "usage_daily_cohort" (
    "day" DATE NOT NULL,
    "department_id" TEXT NOT NULL DEFAULT '',
    "ta_role" TEXT NOT NULL DEFAULT '',
    "model_id" UUID NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(24,10) NOT NULL DEFAULT 0,

    CONSTRAINT "usage_daily_cohort_pkey" PRIMARY KEY ("day","department_id","ta_role","model_id")
);

-- CreateTable
CREATE TABLE "usage_monthly_cohort" (
    "month" DATE NOT NULL,
    "department_id" TEXT NOT NULL DEFAULT '',
    "ta_role" TEXT NOT NULL DEFAULT '',
    "model_id" UUID NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cached_input_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(24,10) NOT NULL DEFAULT 0,

    CONSTRAINT "usage_monthly_cohort_pkey" PRIMARY KEY ("month","department_id","ta_role","model_id")
);

-- CreateIndex
CREATE INDEX "attempts_created_at_idx" ON "attempts"("created_at");

-- CreateIndex
CREATE INDEX "chats_created_at_idx" ON "chats"("created_at");

-- CreateIndex
CREATE INDEX "problems_created_at_idx" ON "problems"("created_at");

-- CreateIndex
CREATE INDEX "uploads_profile_id_idx" ON "uploads"("profile_id");

-- The stats rows change with every write: vacuum them often, so that index-only walks stay index-only.
ALTER TABLE "session_stats" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE "group_stats" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

-- =============================================================================================
-- Keeping the summaries current.
--
-- One mechanism: statement-level AFTER triggers with transition tables on every table a summary
-- reads. Each trigger turns the rows a statement changed into signed deltas (-1 for the old rows,
-- +1 for the new), sums them per summary key and applies them with one UPDATE or upsert per
-- summary, so a 600,000-row bulk insert costs a handful of set-based statements, not 600,000
-- row triggers. Upserts run in key order, so two writers touching the same keys wait, never
-- deadlock. The owner of a child row is found through session_stats / group_stats rather than
-- sessions / groups: in a cascading delete the parent's statement trigger fires first and the
-- parent rows are already invisible to its children's triggers, so the stats rows of a deleted
-- session or group stay until commit (a deferred trigger drops them) for those triggers to use.
--
-- What the deltas cannot express (a run's removal lowering its group's first or last run, runs
-- taking their messages with them) is recounted for the few keys involved.
--
-- Rows never move between parents (a session keeps its owner, a group its session, a run its
-- group, a message its run); the triggers refuse such an update rather than re-attributing every
-- summary behind it.
--
-- Bulk loads that bypass triggers (the scale seed, as pg_restore does) finish with
-- glow_reconcile_summary(), which is also what POST /system/refresh runs.
-- =============================================================================================

CREATE FUNCTION glow_utc_day(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (at AT TIME ZONE 'UTC')::date;

-- The bump functions are PL/pgSQL rather than SQL: PL/pgSQL keeps their plans per connection,
-- SQL functions are planned on every call (that was most of a run's write cost).
CREATE TYPE glow_activity_delta AS (
  day date, profile_id uuid, sessions bigint, active_sessions bigint, chats bigint, attempts bigint, groups bigint,
  logins bigint, failed_logins bigint, grants bigint, emulations bigint, problems bigint, open_problems bigint
);

CREATE FUNCTION glow_activity(
  day date, profile_id uuid, sessions bigint DEFAULT 0, active_sessions bigint DEFAULT 0, chats bigint DEFAULT 0,
  attempts bigint DEFAULT 0, groups bigint DEFAULT 0, logins bigint DEFAULT 0, failed_logins bigint DEFAULT 0,
  grants bigint DEFAULT 0, emulations bigint DEFAULT 0, problems bigint DEFAULT 0, open_problems bigint DEFAULT 0
) RETURNS glow_activity_delta
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ROW(day, profile_id, sessions, active_sessions, chats, attempts, groups, logins, failed_logins, grants,
             emulations, problems, open_problems)::glow_activity_delta;

-- The same per cohort (the profile's department and TA role, '' for none) instead of per profile.
CREATE FUNCTION glow_bump_activity_cohorts(deltas glow_activity_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO activity_daily_cohort AS t (day, department_id, ta_role, sessions, active_sessions, chats, attempts, groups, logins, failed_logins, grants, emulations, problems, open_problems)
  SELECT d.day, coalesce(p.department_id, ''), coalesce(p.ta_role::text, ''), sum(d.sessions), sum(d.active_sessions), sum(d.chats), sum(d.attempts), sum(d.groups), sum(d.logins), sum(d.failed_logins), sum(d.grants), sum(d.emulations), sum(d.problems), sum(d.open_problems)
  FROM unnest(deltas) d JOIN profiles p ON p.id = d.profile_id
  GROUP BY 1, 2, 3
  HAVING (sum(d.sessions), sum(d.active_sessions), sum(d.chats), sum(d.attempts), sum(d.groups), sum(d.logins), sum(d.failed_logins), sum(d.grants), sum(d.emulations), sum(d.problems), sum(d.open_problems)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3
  ON CONFLICT (day, department_id, ta_role) DO UPDATE SET
    sessions = t.sessions + excluded.sessions,
    active_sessions = t.active_sessions + excluded.active_sessions,
    chats = t.chats + excluded.chats,
    attempts = t.attempts + excluded.attempts,
    groups = t.groups + excluded.groups,
    logins = t.logins + excluded.logins,
    failed_logins = t.failed_logins + excluded.failed_logins,
    grants = t.grants + excluded.grants,
    emulations = t.emulations + excluded.emulations,
    problems = t.problems + excluded.problems,
    open_problems = t.open_problems + excluded.open_problems;

  INSERT INTO activity_monthly_cohort AS t (month, department_id, ta_role, sessions, active_sessions, chats, attempts, groups, logins, failed_logins, grants, emulations, problems, open_problems)
  SELECT date_trunc('month', d.day)::date, coalesce(p.department_id, ''), coalesce(p.ta_role::text, ''), sum(d.sessions), sum(d.active_sessions), sum(d.chats), sum(d.attempts), sum(d.groups), sum(d.logins), sum(d.failed_logins), sum(d.grants), sum(d.emulations), sum(d.problems), sum(d.open_problems)
  FROM unnest(deltas) d JOIN profiles p ON p.id = d.profile_id
  GROUP BY 1, 2, 3
  HAVING (sum(d.sessions), sum(d.active_sessions), sum(d.chats), sum(d.attempts), sum(d.groups), sum(d.logins), sum(d.failed_logins), sum(d.grants), sum(d.emulations), sum(d.problems), sum(d.open_problems)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3
  ON CONFLICT (month, department_id, ta_role) DO UPDATE SET
    sessions = t.sessions + excluded.sessions,
    active_sessions = t.active_sessions + excluded.active_sessions,
    chats = t.chats + excluded.chats,
    attempts = t.attempts + excluded.attempts,
    groups = t.groups + excluded.groups,
    logins = t.logins + excluded.logins,
    failed_logins = t.failed_logins + excluded.failed_logins,
    grants = t.grants + excluded.grants,
    emulations = t.emulations + excluded.emulations,
    problems = t.problems + excluded.problems,
    open_problems = t.open_problems + excluded.open_problems;
END $$;

CREATE FUNCTION glow_bump_activity(deltas glow_activity_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO activity_daily AS t (day, profile_id, sessions, active_sessions, chats, attempts, groups, logins,
                                   failed_logins, grants, emulations, problems, open_problems)
  SELECT d.day, d.profile_id, sum(d.sessions), sum(d.active_sessions), sum(d.chats), sum(d.attempts), sum(d.groups),
         sum(d.logins), sum(d.failed_logins), sum(d.grants), sum(d.emulations), sum(d.problems), sum(d.open_problems)
  FROM unnest(deltas) d
  WHERE d.profile_id IS NOT NULL
  GROUP BY d.day, d.profile_id
  HAVING (sum(d.sessions), sum(d.active_sessions), sum(d.chats), sum(d.attempts), sum(d.groups), sum(d.logins),
          sum(d.failed_logins), sum(d.grants), sum(d.emulations), sum(d.problems), sum(d.open_problems))
         <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY d.day, d.profile_id
  ON CONFLICT (day, profile_id) DO UPDATE SET
    sessions = t.sessions + excluded.sessions, active_sessions = t.active_sessions + excluded.active_sessions,
    chats = t.chats + excluded.chats, attempts = t.attempts + excluded.attempts, groups = t.groups + excluded.groups,
    logins = t.logins + excluded.logins, failed_logins = t.failed_logins + excluded.failed_logins,
    grants = t.grants + excluded.grants, emulations = t.emulations + excluded.emulations,
    problems = t.problems + excluded.problems, open_problems = t.open_problems + excluded.open_problems;

  INSERT INTO activity_monthly AS t (month, profile_id, sessions, active_sessions, chats, attempts, groups, logins,
                                     failed_logins, grants, emulations, problems, open_problems)
  SELECT date_trunc('month', d.day)::date, d.profile_id, sum(d.sessions), sum(d.active_sessions), sum(d.chats),
         sum(d.attempts), sum(d.groups), sum(d.logins), sum(d.failed_logins), sum(d.grants), sum(d.emulations),
         sum(d.problems), sum(d.open_problems)
  FROM unnest(deltas) d
  WHERE d.profile_id IS NOT NULL
  GROUP BY 1, 2
  HAVING (sum(d.sessions), sum(d.active_sessions), sum(d.chats), sum(d.attempts), sum(d.groups), sum(d.logins),
          sum(d.failed_logins), sum(d.grants), sum(d.emulations), sum(d.problems), sum(d.open_problems))
         <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2
  ON CONFLICT (month, profile_id) DO UPDATE SET
    sessions = t.sessions + excluded.sessions, active_sessions = t.active_sessions + excluded.active_sessions,
    chats = t.chats + excluded.chats, attempts = t.attempts + excluded.attempts, groups = t.groups + excluded.groups,
    logins = t.logins + excluded.logins, failed_logins = t.failed_logins + excluded.failed_logins,
    grants = t.grants + excluded.grants, emulations = t.emulations + excluded.emulations,
    problems = t.problems + excluded.problems, open_problems = t.open_problems + excluded.open_problems;

  PERFORM glow_bump_activity_cohorts(deltas);
END $$;

CREATE TYPE glow_usage_delta AS (
  day date, profile_id uuid, model_id uuid, runs bigint, input_tokens bigint, output_tokens bigint,
  cached_input_tokens bigint, cost numeric
);

-- The same per cohort (the owner's department and TA role, '' for none) instead of per profile.
CREATE TYPE glow_cohort_usage_delta AS (
  day date, department_id text, ta_role text, model_id uuid, runs bigint, input_tokens bigint, output_tokens bigint,
  cached_input_tokens bigint, cost numeric
);

CREATE FUNCTION glow_bump_usage_cohorts(deltas glow_cohort_usage_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_daily_cohort AS t (day, department_id, ta_role, model_id, runs, input_tokens, output_tokens, cached_input_tokens, cost)
  SELECT d.day, d.department_id, d.ta_role, d.model_id, sum(d.runs), sum(d.input_tokens), sum(d.output_tokens),
         sum(d.cached_input_tokens), sum(d.cost)
  FROM unnest(deltas) d
  GROUP BY 1, 2, 3, 4
  HAVING (sum(d.runs), sum(d.input_tokens), sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)) <> (0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, department_id, ta_role, model_id) DO UPDATE SET
    runs = t.runs + excluded.runs, input_tokens = t.input_tokens + excluded.input_tokens,
    output_tokens = t.output_tokens + excluded.output_tokens,
    cached_input_tokens = t.cached_input_tokens + excluded.cached_input_tokens, cost = t.cost + excluded.cost;

  INSERT INTO usage_monthly_cohort AS t (month, department_id, ta_role, model_id, runs, input_tokens, output_tokens, cached_input_tokens, cost)
  SELECT date_trunc('month', d.day)::date, d.department_id, d.ta_role, d.model_id, sum(d.runs), sum(d.input_tokens),
         sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)
  FROM unnest(deltas) d
  GROUP BY 1, 2, 3, 4
  HAVING (sum(d.runs), sum(d.input_tokens), sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)) <> (0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (month, department_id, ta_role, model_id) DO UPDATE SET
    runs = t.runs + excluded.runs, input_tokens = t.input_tokens + excluded.input_tokens,
    output_tokens = t.output_tokens + excluded.output_tokens,
    cached_input_tokens = t.cached_input_tokens + excluded.cached_input_tokens, cost = t.cost + excluded.cost;
END $$;

CREATE FUNCTION glow_bump_usage(deltas glow_usage_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_daily AS t (day, profile_id, model_id, runs, input_tokens, output_tokens, cached_input_tokens, cost)
  SELECT d.day, d.profile_id, d.model_id, sum(d.runs), sum(d.input_tokens), sum(d.output_tokens),
         sum(d.cached_input_tokens), sum(d.cost)
  FROM unnest(deltas) d
  GROUP BY d.day, d.profile_id, d.model_id
  HAVING (sum(d.runs), sum(d.input_tokens), sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)) <> (0, 0, 0, 0, 0)
  ORDER BY d.day, d.profile_id, d.model_id
  ON CONFLICT (day, profile_id, model_id) DO UPDATE SET
    runs = t.runs + excluded.runs, input_tokens = t.input_tokens + excluded.input_tokens,
    output_tokens = t.output_tokens + excluded.output_tokens,
    cached_input_tokens = t.cached_input_tokens + excluded.cached_input_tokens, cost = t.cost + excluded.cost;

  INSERT INTO usage_monthly AS t (month, profile_id, model_id, runs, input_tokens, output_tokens, cached_input_tokens, cost)
  SELECT date_trunc('month', d.day)::date, d.profile_id, d.model_id, sum(d.runs), sum(d.input_tokens),
         sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)
  FROM unnest(deltas) d
  GROUP BY 1, 2, 3
  HAVING (sum(d.runs), sum(d.input_tokens), sum(d.output_tokens), sum(d.cached_input_tokens), sum(d.cost)) <> (0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3
  ON CONFLICT (month, profile_id, model_id) DO UPDATE SET
    runs = t.runs + excluded.runs, input_tokens = t.input_tokens + excluded.input_tokens,
    output_tokens = t.output_tokens + excluded.output_tokens,
    cached_input_tokens = t.cached_input_tokens + excluded.cached_input_tokens, cost = t.cost + excluded.cost;

  PERFORM glow_bump_usage_cohorts(ARRAY(
    SELECT ROW(d.day, coalesce(p.department_id, ''), coalesce(p.ta_role::text, ''), d.model_id, d.runs, d.input_tokens,
               d.output_tokens, d.cached_input_tokens, d.cost)::glow_cohort_usage_delta
    FROM unnest(deltas) d JOIN profiles p ON p.id = d.profile_id));
END $$;

CREATE FUNCTION glow_refuse_move(what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% cannot be moved to another parent: create a new one instead', what
    USING ERRCODE = 'check_violation';
END $$;

-- sessions: their own stats row, and sessions / active sessions per day of their start -----------
CREATE FUNCTION glow_sessions_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A row may linger from a session deleted earlier in this transaction (see glow_drop_stats).
    INSERT INTO session_stats AS ss (session_id, profile_id, profile_name, created_at, updated_at, active)
    SELECT n.id, n.profile_id, p.name, n.created_at, n.updated_at, n.active FROM new_rows n JOIN profiles p ON p.id = n.profile_id
    ON CONFLICT (session_id) DO UPDATE SET profile_id = excluded.profile_id, profile_name = excluded.profile_name,
      created_at = excluded.created_at, updated_at = excluded.updated_at, active = excluded.active, group_count = 0,
      run_count = 0, chat_count = 0, attempt_count = 0, message_count = 0, total_tokens = 0, total_cost = 0,
      problem_count = 0, open_problem_count = 0;
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.profile_id <> o.profile_id) THEN
      PERFORM glow_refuse_move('A session');
    END IF;
    UPDATE session_stats ss SET created_at = n.created_at, updated_at = n.updated_at, active = n.active
    FROM new_rows n
    WHERE ss.session_id = n.id AND (ss.created_at, ss.updated_at, ss.active) IS DISTINCT FROM (n.created_at, n.updated_at, n.active);
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

-- profiles: the owner's name is copied into the stats rows so lists sort by it with an index -----
-- ... and their usage moves to their new cohort when their department or TA role changes.
CREATE FUNCTION glow_profiles_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE session_stats ss SET profile_name = n.name
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.name IS DISTINCT FROM o.name AND ss.profile_id = n.id;
  UPDATE group_stats gs SET profile_name = n.name
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.name IS DISTINCT FROM o.name AND gs.profile_id = n.id;
  PERFORM glow_bump_usage_cohorts(ARRAY(
    SELECT ROW(u.day, side.department_id, side.ta_role, u.model_id, side.sign * u.runs, side.sign * u.input_tokens,
               side.sign * u.output_tokens, side.sign * u.cached_input_tokens, side.sign * u.cost)::glow_cohort_usage_delta
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (-1, coalesce(o.department_id, ''), coalesce(o.ta_role::text, '')),
                               (1, coalesce(n.department_id, ''), coalesce(n.ta_role::text, ''))) side(sign, department_id, ta_role)
    JOIN usage_daily u ON u.profile_id = n.id
    WHERE (n.department_id, n.ta_role) IS DISTINCT FROM (o.department_id, o.ta_role)));
  INSERT INTO activity_daily_cohort AS t (day, department_id, ta_role, sessions, active_sessions, chats, attempts, groups, logins, failed_logins, grants, emulations, problems, open_problems)
  SELECT a.day, side.department_id, side.ta_role, sum(side.sign * a.sessions), sum(side.sign * a.active_sessions), sum(side.sign * a.chats), sum(side.sign * a.attempts), sum(side.sign * a.groups), sum(side.sign * a.logins), sum(side.sign * a.failed_logins), sum(side.sign * a.grants), sum(side.sign * a.emulations), sum(side.sign * a.problems), sum(side.sign * a.open_problems)
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  CROSS JOIN LATERAL (VALUES (-1, coalesce(o.department_id, ''), coalesce(o.ta_role::text, '')),
                             (1, coalesce(n.department_id, ''), coalesce(n.ta_role::text, ''))) side(sign, department_id, ta_role)
  JOIN activity_daily a ON a.profile_id = n.id
  WHERE (n.department_id, n.ta_role) IS DISTINCT FROM (o.department_id, o.ta_role)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, department_id, ta_role) DO UPDATE SET
    sessions = t.sessions + excluded.sessions,
    active_sessions = t.active_sessions + excluded.active_sessions,
    chats = t.chats + excluded.chats,
    attempts = t.attempts + excluded.attempts,
    groups = t.groups + excluded.groups,
    logins = t.logins + excluded.logins,
    failed_logins = t.failed_logins + excluded.failed_logins,
    grants = t.grants + excluded.grants,
    emulations = t.emulations + excluded.emulations,
    problems = t.problems + excluded.problems,
    open_problems = t.open_problems + excluded.open_problems;
  INSERT INTO activity_monthly_cohort AS t (month, department_id, ta_role, sessions, active_sessions, chats, attempts, groups, logins, failed_logins, grants, emulations, problems, open_problems)
  SELECT a.month, side.department_id, side.ta_role, sum(side.sign * a.sessions), sum(side.sign * a.active_sessions), sum(side.sign * a.chats), sum(side.sign * a.attempts), sum(side.sign * a.groups), sum(side.sign * a.logins), sum(side.sign * a.failed_logins), sum(side.sign * a.grants), sum(side.sign * a.emulations), sum(side.sign * a.problems), sum(side.sign * a.open_problems)
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  CROSS JOIN LATERAL (VALUES (-1, coalesce(o.department_id, ''), coalesce(o.ta_role::text, '')),
                             (1, coalesce(n.department_id, ''), coalesce(n.ta_role::text, ''))) side(sign, department_id, ta_role)
  JOIN activity_monthly a ON a.profile_id = n.id
  WHERE (n.department_id, n.ta_role) IS DISTINCT FROM (o.department_id, o.ta_role)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (month, department_id, ta_role) DO UPDATE SET
    sessions = t.sessions + excluded.sessions,
    active_sessions = t.active_sessions + excluded.active_sessions,
    chats = t.chats + excluded.chats,
    attempts = t.attempts + excluded.attempts,
    groups = t.groups + excluded.groups,
    logins = t.logins + excluded.logins,
    failed_logins = t.failed_logins + excluded.failed_logins,
    grants = t.grants + excluded.grants,
    emulations = t.emulations + excluded.emulations,
    problems = t.problems + excluded.problems,
    open_problems = t.open_problems + excluded.open_problems;
  RETURN NULL;
END $$;

-- A deleted profile leaves its cohorts first, while it can still be found: the rows it takes with it
-- (sign-ins set to no one) reach no cohort afterwards.
CREATE FUNCTION glow_profiles_leave_cohorts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM glow_bump_activity_cohorts(ARRAY(
    SELECT glow_activity(a.day, a.profile_id, -a.sessions, -a.active_sessions, -a.chats, -a.attempts, -a.groups, -a.logins,
                         -a.failed_logins, -a.grants, -a.emulations, -a.problems, -a.open_problems)
    FROM activity_daily a WHERE a.profile_id = OLD.id));
  RETURN OLD;
END $$;

-- chats: chat_count, and chats per day of the chat's start and session owner --------------------
CREATE FUNCTION glow_chats_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: a condition naming old_rows is planned even when TG_OP rules it out.
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.session_id <> o.session_id) THEN
      PERFORM glow_refuse_move('A chat');
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE session_stats ss SET chat_count = ss.chat_count - d.n
    FROM (SELECT session_id, count(*) AS n FROM old_rows GROUP BY session_id) d WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(o.created_at), ss.profile_id, chats => -count(*))
      FROM old_rows o JOIN session_stats ss ON ss.session_id = o.session_id
      GROUP BY glow_utc_day(o.created_at), ss.profile_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE session_stats ss SET chat_count = ss.chat_count + d.n
    FROM (SELECT session_id, count(*) AS n FROM new_rows GROUP BY session_id) d WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(n.created_at), ss.profile_id, chats => count(*))
      FROM new_rows n JOIN session_stats ss ON ss.session_id = n.session_id
      GROUP BY glow_utc_day(n.created_at), ss.profile_id));
  END IF;
  RETURN NULL;
END $$;

-- attempts: attempt_count, and attempts per day of the attempt's start and session owner --------
CREATE FUNCTION glow_attempts_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.session_id <> o.session_id) THEN
      PERFORM glow_refuse_move('An attempt');
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE session_stats ss SET attempt_count = ss.attempt_count - d.n
    FROM (SELECT session_id, count(*) AS n FROM old_rows GROUP BY session_id) d WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(o.created_at), ss.profile_id, attempts => -count(*))
      FROM old_rows o JOIN session_stats ss ON ss.session_id = o.session_id
      GROUP BY glow_utc_day(o.created_at), ss.profile_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE session_stats ss SET attempt_count = ss.attempt_count + d.n
    FROM (SELECT session_id, count(*) AS n FROM new_rows GROUP BY session_id) d WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(n.created_at), ss.profile_id, attempts => count(*))
      FROM new_rows n JOIN session_stats ss ON ss.session_id = n.session_id
      GROUP BY glow_utc_day(n.created_at), ss.profile_id));
  END IF;
  RETURN NULL;
END $$;

-- problems: problem counts (open ones apart), and problems per day they were flagged -----------
CREATE FUNCTION glow_problems_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.session_id <> o.session_id) THEN
      PERFORM glow_refuse_move('A problem');
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE session_stats ss SET problem_count = ss.problem_count - d.n, open_problem_count = ss.open_problem_count - d.open
    FROM (SELECT session_id, count(*) AS n, count(*) FILTER (WHERE NOT resolved) AS open FROM old_rows GROUP BY session_id) d
    WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(o.created_at), ss.profile_id, problems => -count(*),
                           open_problems => -count(*) FILTER (WHERE NOT o.resolved))
      FROM old_rows o JOIN session_stats ss ON ss.session_id = o.session_id
      GROUP BY glow_utc_day(o.created_at), ss.profile_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE session_stats ss SET problem_count = ss.problem_count + d.n, open_problem_count = ss.open_problem_count + d.open
    FROM (SELECT session_id, count(*) AS n, count(*) FILTER (WHERE NOT resolved) AS open FROM new_rows GROUP BY session_id) d
    WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(n.created_at), ss.profile_id, problems => count(*),
                           open_problems => count(*) FILTER (WHERE NOT n.resolved))
      FROM new_rows n JOIN session_stats ss ON ss.session_id = n.session_id
      GROUP BY glow_utc_day(n.created_at), ss.profile_id));
  END IF;
  RETURN NULL;
END $$;

-- groups: their own stats row, group_count, and groups per day of their creation ---------------
CREATE FUNCTION glow_groups_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO group_stats AS gs (group_id, session_id, profile_id, profile_name, group_name, created_at)
    SELECT n.id, n.session_id, s.profile_id, p.name, n.name, n.created_at
    FROM new_rows n JOIN sessions s ON s.id = n.session_id JOIN profiles p ON p.id = s.profile_id
    ON CONFLICT (group_id) DO UPDATE SET session_id = excluded.session_id, profile_id = excluded.profile_id,
      profile_name = excluded.profile_name, group_name = excluded.group_name, created_at = excluded.created_at, run_count = 0,
      input_tokens = 0, output_tokens = 0, cached_input_tokens = 0, total_tokens = 0, total_cost = 0, first_run_at = NULL,
      last_run_at = NULL, model_ids = '{}';
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.session_id <> o.session_id) THEN
      PERFORM glow_refuse_move('A group');
    END IF;
    UPDATE group_stats gs SET group_name = n.name, created_at = n.created_at
    FROM new_rows n
    WHERE gs.group_id = n.id AND (gs.group_name, gs.created_at) IS DISTINCT FROM (n.name, n.created_at);
  END IF;

  IF TG_OP <> 'INSERT' THEN
    UPDATE session_stats ss SET group_count = ss.group_count - d.n
    FROM (SELECT session_id, count(*) AS n FROM old_rows GROUP BY session_id) d WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(o.created_at), ss.profile_id, groups => -count(*))
      FROM old_rows o JOIN session_stats ss ON ss.session_id = o.session_id
      GROUP BY glow_utc_day(o.created_at), ss.profile_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE session_stats ss SET group_count = ss.group_count + d.n
    FROM (SELECT session_id, count(*) AS n FROM new_rows GROUP BY session_id) d WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(n.created_at), ss.profile_id, groups => count(*))
      FROM new_rows n JOIN session_stats ss ON ss.session_id = n.session_id
      GROUP BY glow_utc_day(n.created_at), ss.profile_id));
  END IF;
  RETURN NULL;
END $$;

-- runs: group totals and span, session totals, and usage per day of the run's start -------------
CREATE FUNCTION glow_runs_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.group_id <> o.group_id) THEN
      PERFORM glow_refuse_move('A run');
    END IF;
  END IF;

  IF TG_OP <> 'INSERT' THEN
    UPDATE session_stats ss SET run_count = ss.run_count - d.n, total_tokens = ss.total_tokens - d.tokens,
                                total_cost = ss.total_cost - d.cost
    FROM (SELECT gs.session_id, count(*) AS n, sum(o.input_tokens::bigint + o.output_tokens) AS tokens, sum(o.cost) AS cost
          FROM old_rows o JOIN group_stats gs ON gs.group_id = o.group_id GROUP BY gs.session_id) d
    WHERE ss.session_id = d.session_id;
    PERFORM glow_bump_usage(ARRAY(
      SELECT ROW(glow_utc_day(o.created_at), gs.profile_id, o.model_id, -count(*), -sum(o.input_tokens), -sum(o.output_tokens),
                 -sum(o.cached_input_tokens), -sum(o.cost))::glow_usage_delta
      FROM old_rows o JOIN group_stats gs ON gs.group_id = o.group_id
      GROUP BY glow_utc_day(o.created_at), gs.profile_id, o.model_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE session_stats ss SET run_count = ss.run_count + d.n, total_tokens = ss.total_tokens + d.tokens,
                                total_cost = ss.total_cost + d.cost
    FROM (SELECT gs.session_id, count(*) AS n, sum(n.input_tokens::bigint + n.output_tokens) AS tokens, sum(n.cost) AS cost
          FROM new_rows n JOIN group_stats gs ON gs.group_id = n.group_id GROUP BY gs.session_id) d
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
                 sum(cached_input_tokens) AS cached, sum(cost) AS cost, min(created_at) AS first_at, max(created_at) AS last_at,
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
                   min(r.created_at) AS first_at, max(r.created_at) AS last_at,
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

-- messages: message_count of the run's session ---------------------------------------------------
CREATE FUNCTION glow_messages_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.run_id <> o.run_id) THEN
      PERFORM glow_refuse_move('A message');
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    UPDATE session_stats ss SET message_count = ss.message_count + d.n
    FROM (SELECT g.session_id, count(*) AS n FROM new_rows m JOIN runs r ON r.id = m.run_id JOIN groups g ON g.id = r.group_id
          GROUP BY g.session_id) d
    WHERE ss.session_id = d.session_id;
  ELSE
    -- Messages removed with their run (or group, or session) no longer reach a session here: the
    -- run's trigger recounts those sessions.
    UPDATE session_stats ss SET message_count = ss.message_count - d.n
    FROM (SELECT g.session_id, count(*) AS n FROM old_rows m JOIN runs r ON r.id = m.run_id JOIN groups g ON g.id = r.group_id
          GROUP BY g.session_id) d
    WHERE ss.session_id = d.session_id;
  END IF;
  RETURN NULL;
END $$;

-- logins, grants, emulations: per day and profile ----------------------------------------------
CREATE FUNCTION glow_logins_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(o.created_at), o.profile_id, logins => -count(*), failed_logins => -count(*) FILTER (WHERE NOT o.succeeded))
      FROM old_rows o GROUP BY glow_utc_day(o.created_at), o.profile_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(n.created_at), n.profile_id, logins => count(*), failed_logins => count(*) FILTER (WHERE NOT n.succeeded))
      FROM new_rows n GROUP BY glow_utc_day(n.created_at), n.profile_id));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION glow_grants_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(o.created_at), o.profile_id, grants => -count(*))
      FROM old_rows o GROUP BY glow_utc_day(o.created_at), o.profile_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(n.created_at), n.profile_id, grants => count(*))
      FROM new_rows n GROUP BY glow_utc_day(n.created_at), n.profile_id));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION glow_emulations_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(o.started_at), o.target_profile_id, emulations => -count(*))
      FROM old_rows o GROUP BY glow_utc_day(o.started_at), o.target_profile_id));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM glow_bump_activity(ARRAY(
      SELECT glow_activity(glow_utc_day(n.started_at), n.target_profile_id, emulations => count(*))
      FROM new_rows n GROUP BY glow_utc_day(n.started_at), n.target_profile_id));
  END IF;
  RETURN NULL;
END $$;

-- Drops the stats row of a deleted session or group at commit, once every cascaded trigger has
-- used it to find its owner; kept if the row's key was inserted again in the same transaction.
CREATE FUNCTION glow_drop_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    DELETE FROM session_stats ss WHERE ss.session_id = OLD.id AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = OLD.id);
  ELSE
    DELETE FROM group_stats gs WHERE gs.group_id = OLD.id AND NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = OLD.id);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER sessions_summaries_drop AFTER DELETE ON sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION glow_drop_stats();
CREATE CONSTRAINT TRIGGER groups_summaries_drop AFTER DELETE ON groups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION glow_drop_stats();

-- PostgreSQL allows transition tables only on single-event triggers: three per table.
DO $$
DECLARE
  source text;
BEGIN
  FOREACH source IN ARRAY ARRAY['sessions', 'chats', 'attempts', 'problems', 'groups', 'runs', 'messages', 'logins', 'grants', 'emulations'] LOOP
    EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT ON %2$I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %3$I()',
                   source || '_summaries_insert', source, 'glow_' || source || '_summaries');
    EXECUTE format('CREATE TRIGGER %1$I AFTER UPDATE ON %2$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %3$I()',
                   source || '_summaries_update', source, 'glow_' || source || '_summaries');
    EXECUTE format('CREATE TRIGGER %1$I AFTER DELETE ON %2$I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %3$I()',
                   source || '_summaries_delete', source, 'glow_' || source || '_summaries');
  END LOOP;
END $$;

CREATE TRIGGER profiles_summaries_update AFTER UPDATE ON profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION glow_profiles_summaries();
CREATE TRIGGER profiles_summaries_delete BEFORE DELETE ON profiles FOR EACH ROW EXECUTE FUNCTION glow_profiles_leave_cohorts();

-- =============================================================================================
-- What each summary must hold, computed from the base tables. The reconcile below compares a
-- summary with its truth and repairs the difference; tests compare them after random writes.
-- =============================================================================================

CREATE VIEW glow_session_stats_truth AS
SELECT s.id AS session_id, s.profile_id, p.name AS profile_name, s.created_at, s.updated_at, s.active,
       coalesce(g.n, 0)::int AS group_count, coalesce(r.n, 0)::int AS run_count, coalesce(c.n, 0)::int AS chat_count,
       coalesce(a.n, 0)::int AS attempt_count, coalesce(m.n, 0)::int AS message_count,
       coalesce(r.tokens, 0)::bigint AS total_tokens, coalesce(r.cost, 0)::numeric(24, 10) AS total_cost,
       coalesce(pr.n, 0)::int AS problem_count, coalesce(pr.open, 0)::int AS open_problem_count
FROM sessions s
JOIN profiles p ON p.id = s.profile_id
LEFT JOIN (SELECT session_id, count(*) AS n FROM groups GROUP BY session_id) g ON g.session_id = s.id
LEFT JOIN (SELECT g.session_id, count(*) AS n, sum(r.input_tokens::bigint + r.output_tokens) AS tokens, sum(r.cost) AS cost
           FROM runs r JOIN groups g ON g.id = r.group_id GROUP BY g.session_id) r ON r.session_id = s.id
LEFT JOIN (SELECT g.session_id, sum(per_run.n) AS n
           FROM (SELECT run_id, count(*) AS n FROM messages GROUP BY run_id) per_run
           JOIN runs r ON r.id = per_run.run_id JOIN groups g ON g.id = r.group_id GROUP BY g.session_id) m ON m.session_id = s.id
LEFT JOIN (SELECT session_id, count(*) AS n FROM chats GROUP BY session_id) c ON c.session_id = s.id
LEFT JOIN (SELECT session_id, count(*) AS n FROM attempts GROUP BY session_id) a ON a.session_id = s.id
LEFT JOIN (SELECT session_id, count(*) AS n, count(*) FILTER (WHERE NOT resolved) AS open FROM problems GROUP BY session_id) pr
       ON pr.session_id = s.id;

CREATE VIEW glow_group_stats_truth AS
SELECT g.id AS group_id, g.session_id, s.profile_id, p.name AS profile_name, g.name AS group_name, g.created_at,
       count(r.id)::int AS run_count, coalesce(sum(r.input_tokens), 0)::bigint AS input_tokens,
       coalesce(sum(r.output_tokens), 0)::bigint AS output_tokens, coalesce(sum(r.cached_input_tokens), 0)::bigint AS cached_input_tokens,
       coalesce(sum(r.input_tokens::bigint + r.output_tokens), 0)::bigint AS total_tokens,
       coalesce(sum(r.cost), 0)::numeric(24, 10) AS total_cost, min(r.created_at) AS first_run_at, max(r.created_at) AS last_run_at,
       coalesce(array_agg(DISTINCT r.model_id ORDER BY r.model_id) FILTER (WHERE r.model_id IS NOT NULL), '{}') AS model_ids
FROM groups g
JOIN sessions s ON s.id = g.session_id
JOIN profiles p ON p.id = s.profile_id
LEFT JOIN runs r ON r.group_id = g.id
GROUP BY g.id, s.profile_id, p.name;

CREATE VIEW glow_activity_daily_truth AS
SELECT day, profile_id, sum(sessions)::int AS sessions, sum(active_sessions)::int AS active_sessions, sum(chats)::int AS chats,
       sum(attempts)::int AS attempts, sum(groups)::int AS groups, sum(logins)::int AS logins,
       sum(failed_logins)::int AS failed_logins, sum(grants)::int AS grants, sum(emulations)::int AS emulations,
       sum(problems)::int AS problems, sum(open_problems)::int AS open_problems
FROM (
  SELECT (glow_activity(glow_utc_day(s.created_at), s.profile_id, sessions => count(*),
                        active_sessions => count(*) FILTER (WHERE s.active))).*
  FROM sessions s GROUP BY glow_utc_day(s.created_at), s.profile_id
  UNION ALL
  SELECT (glow_activity(glow_utc_day(c.created_at), s.profile_id, chats => count(*))).*
  FROM chats c JOIN sessions s ON s.id = c.session_id GROUP BY glow_utc_day(c.created_at), s.profile_id
  UNION ALL
  SELECT (glow_activity(glow_utc_day(a.created_at), s.profile_id, attempts => count(*))).*
  FROM attempts a JOIN sessions s ON s.id = a.session_id GROUP BY glow_utc_day(a.created_at), s.profile_id
  UNION ALL
  SELECT (glow_activity(glow_utc_day(g.created_at), s.profile_id, groups => count(*))).*
  FROM groups g JOIN sessions s ON s.id = g.session_id GROUP BY glow_utc_day(g.created_at), s.profile_id
  UNION ALL
  SELECT (glow_activity(glow_utc_day(l.created_at), l.profile_id, logins => count(*),
                        failed_logins => count(*) FILTER (WHERE NOT l.succeeded))).*
  FROM logins l WHERE l.profile_id IS NOT NULL GROUP BY glow_utc_day(l.created_at), l.profile_id
  UNION ALL
  SELECT (glow_activity(glow_utc_day(gr.created_at), gr.profile_id, grants => count(*))).*
  FROM grants gr GROUP BY glow_utc_day(gr.created_at), gr.profile_id
  UNION ALL
  SELECT (glow_activity(glow_utc_day(e.started_at), e.target_profile_id, emulations => count(*))).*
  FROM emulations e GROUP BY glow_utc_day(e.started_at), e.target_profile_id
  UNION ALL
  SELECT (glow_activity(glow_utc_day(pr.created_at), s.profile_id, problems => count(*),
                        open_problems => count(*) FILTER (WHERE NOT pr.resolved))).*
  FROM problems pr JOIN sessions s ON s.id = pr.session_id GROUP BY glow_utc_day(pr.created_at), s.profile_id
) events
GROUP BY day, profile_id;

CREATE VIEW glow_activity_monthly_truth AS
SELECT date_trunc('month', day)::date AS month, profile_id, sum(sessions)::int AS sessions,
       sum(active_sessions)::int AS active_sessions, sum(chats)::int AS chats, sum(attempts)::int AS attempts,
       sum(groups)::int AS groups, sum(logins)::int AS logins, sum(failed_logins)::int AS failed_logins,
       sum(grants)::int AS grants, sum(emulations)::int AS emulations, sum(problems)::int AS problems,
       sum(open_problems)::int AS open_problems
FROM glow_activity_daily_truth GROUP BY 1, 2;

CREATE VIEW glow_usage_daily_truth AS
SELECT glow_utc_day(r.created_at) AS day, s.profile_id, r.model_id, count(*)::int AS runs,
       sum(r.input_tokens)::bigint AS input_tokens, sum(r.output_tokens)::bigint AS output_tokens,
       sum(r.cached_input_tokens)::bigint AS cached_input_tokens, sum(r.cost)::numeric(24, 10) AS cost
FROM runs r JOIN groups g ON g.id = r.group_id JOIN sessions s ON s.id = g.session_id
GROUP BY 1, 2, 3;

CREATE VIEW glow_usage_monthly_truth AS
SELECT date_trunc('month', day)::date AS month, profile_id, model_id, sum(runs)::int AS runs,
       sum(input_tokens)::bigint AS input_tokens, sum(output_tokens)::bigint AS output_tokens,
       sum(cached_input_tokens)::bigint AS cached_input_tokens, sum(cost)::numeric(24, 10) AS cost
FROM glow_usage_daily_truth GROUP BY 1, 2, 3;

CREATE VIEW glow_activity_daily_cohort_truth AS
SELECT a.day, coalesce(p.department_id, '') AS department_id, coalesce(p.ta_role::text, '') AS ta_role, sum(a.sessions)::int AS sessions, sum(a.active_sessions)::int AS active_sessions, sum(a.chats)::int AS chats, sum(a.attempts)::int AS attempts, sum(a.groups)::int AS groups, sum(a.logins)::int AS logins, sum(a.failed_logins)::int AS failed_logins, sum(a.grants)::int AS grants, sum(a.emulations)::int AS emulations, sum(a.problems)::int AS problems, sum(a.open_problems)::int AS open_problems
FROM glow_activity_daily_truth a JOIN profiles p ON p.id = a.profile_id
GROUP BY 1, 2, 3;

CREATE VIEW glow_activity_monthly_cohort_truth AS
SELECT date_trunc('month', day)::date AS month, department_id, ta_role, sum(sessions)::int AS sessions, sum(active_sessions)::int AS active_sessions, sum(chats)::int AS chats, sum(attempts)::int AS attempts, sum(groups)::int AS groups, sum(logins)::int AS logins, sum(failed_logins)::int AS failed_logins, sum(grants)::int AS grants, sum(emulations)::int AS emulations, sum(problems)::int AS problems, sum(open_problems)::int AS open_problems
FROM glow_activity_daily_cohort_truth GROUP BY 1, 2, 3;

CREATE VIEW glow_usage_daily_cohort_truth AS
SELECT u.day, coalesce(p.department_id, '') AS department_id, coalesce(p.ta_role::text, '') AS ta_role, u.model_id,
       sum(u.runs)::int AS runs, sum(u.input_tokens)::bigint AS input_tokens, sum(u.output_tokens)::bigint AS output_tokens,
       sum(u.cached_input_tokens)::bigint AS cached_input_tokens, sum(u.cost)::numeric(24, 10) AS cost
FROM glow_usage_daily_truth u JOIN profiles p ON p.id = u.profile_id
GROUP BY 1, 2, 3, 4;

CREATE VIEW glow_usage_monthly_cohort_truth AS
SELECT date_trunc('month', day)::date AS month, department_id, ta_role, model_id, sum(runs)::int AS runs,
       sum(input_tokens)::bigint AS input_tokens, sum(output_tokens)::bigint AS output_tokens,
       sum(cached_input_tokens)::bigint AS cached_input_tokens, sum(cost)::numeric(24, 10) AS cost
FROM glow_usage_daily_cohort_truth GROUP BY 1, 2, 3, 4;

-- Every summary: its table, its truth, its key, the columns copied from the base rows (attrs) and
-- the columns that add up (sums). The order is the order POST /system/refresh reports.
CREATE FUNCTION glow_summary_definitions()
RETURNS TABLE (name text, truth text, keys text[], attrs text[], sums text[])
LANGUAGE sql IMMUTABLE AS $$
  VALUES
    ('session_stats', 'glow_session_stats_truth', '{session_id}'::text[],
     '{profile_id,profile_name,created_at,updated_at,active}'::text[],
     '{group_count,run_count,chat_count,attempt_count,message_count,total_tokens,total_cost,problem_count,open_problem_count}'::text[]),
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

-- Brings one summary to its truth in one statement (one snapshot), safely beside live writers:
--  * sums are corrected by the difference seen in the snapshot (x = x + truth - observed), so a
--    trigger's increment that lands meanwhile is kept, not overwritten;
--  * copied columns are set only where they still hold the value the snapshot saw;
--  * missing rows are inserted, and rows with no truth left are deleted if still as observed.
--  * rollup rows whose every sum is zero (left by deletes) are pruned; they are not drift.
-- Returns how many rows it inserted, updated and deleted: all zero when nothing had drifted.
-- It aggregates whole tables: more memory than a request needs keeps the hashes off the disk.
CREATE FUNCTION glow_reconcile_summary(summary text, OUT inserted bigint, OUT updated bigint, OUT deleted bigint, OUT pruned bigint)
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
DECLARE
  def record;
  all_cols text;
  key_match text;
  differs text;
  d_cols text;
  set_cols text;
  unchanged text;
  empty_o text;
  empty_x text;
BEGIN
  SELECT * INTO def FROM glow_summary_definitions() d WHERE d.name = summary;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown summary %', summary USING ERRCODE = 'invalid_parameter_value';
  END IF;
  all_cols := array_to_string(ARRAY(SELECT quote_ident(c) FROM unnest(def.keys || def.attrs || def.sums) c), ', ');
  key_match := array_to_string(ARRAY(SELECT format('%1$s.%2$I = %3$s.%2$I', '%1$s', c, '%2$s') FROM unnest(def.keys) c), ' AND ');
  differs := format('(%s) IS DISTINCT FROM (%s)',
    array_to_string(ARRAY(SELECT 't.' || quote_ident(c) FROM unnest(def.attrs || def.sums) c), ', '),
    array_to_string(ARRAY(SELECT 'o.' || quote_ident(c) FROM unnest(def.attrs || def.sums) c), ', '));
  d_cols := array_to_string(
    ARRAY(SELECT format('coalesce(t.%1$I, o.%1$I) AS %1$I', c) FROM unnest(def.keys) c)
    || ARRAY(SELECT format('t.%1$I AS %1$I, o.%1$I AS %2$I', c, 'o_' || c) FROM unnest(def.attrs) c)
    || ARRAY(SELECT format('coalesce(t.%1$I, 0) AS %1$I, o.%1$I AS %2$I', c, 'o_' || c) FROM unnest(def.sums) c), ', ');
  set_cols := array_to_string(
    ARRAY(SELECT format('%1$I = CASE WHEN x.%1$I IS NOT DISTINCT FROM d.%2$I THEN d.%1$I ELSE x.%1$I END', c, 'o_' || c) FROM unnest(def.attrs) c)
    || ARRAY(SELECT format('%1$I = x.%1$I + (d.%1$I - d.%2$I)', c, 'o_' || c) FROM unnest(def.sums) c), ', ');
  unchanged := array_to_string(ARRAY(SELECT format('x.%1$I IS NOT DISTINCT FROM d.%2$I', c, 'o_' || c) FROM unnest(def.attrs || def.sums) c), ' AND ');
  -- Only rollups (no copied columns) have empty rows: a stats row of all zeros is a new session.
  IF cardinality(def.attrs) = 0 THEN
    empty_o := array_to_string(ARRAY(SELECT format('o.%I = 0', c) FROM unnest(def.sums) c), ' AND ');
    empty_x := array_to_string(ARRAY(SELECT format('x.%I = 0', c) FROM unnest(def.sums) c), ' AND ');
  ELSE
    empty_o := 'false';
    empty_x := 'false';
  END IF;

  EXECUTE format($sql$
    WITH t AS MATERIALIZED (SELECT true AS present, %1$s FROM %2$I),
    o AS MATERIALIZED (SELECT true AS present, %1$s FROM %3$I),
    d AS (
      SELECT t.present AS in_truth, o.present AS in_summary, %4$s
      FROM t FULL JOIN o ON %5$s
      WHERE CASE WHEN t.present IS NULL THEN NOT (%10$s) WHEN o.present IS NULL THEN true ELSE %6$s END
    ),
    ins AS (
      INSERT INTO %3$I (%1$s) SELECT %1$s FROM d WHERE d.in_truth AND d.in_summary IS NULL
      ON CONFLICT DO NOTHING RETURNING 1
    ),
    upd AS (
      UPDATE %3$I x SET %7$s FROM d WHERE d.in_truth AND d.in_summary AND %8$s RETURNING 1
    ),
    del AS (
      DELETE FROM %3$I x USING d WHERE d.in_truth IS NULL AND %8$s AND %9$s RETURNING 1
    ),
    prune AS (
      DELETE FROM %3$I x USING o WHERE %12$s AND %10$s AND %11$s AND NOT EXISTS (SELECT 1 FROM t WHERE %5$s) RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM upd), (SELECT count(*) FROM del), (SELECT count(*) FROM prune)
  $sql$,
    all_cols, def.truth, def.name, d_cols, format(key_match, 't', 'o'), differs, set_cols, format(key_match, 'x', 'd'), unchanged,
    empty_o, empty_x, format(key_match, 'x', 'o'))
  INTO inserted, updated, deleted, pruned;
END $$;

-- Whatever is already in the database when this migration runs gets its summaries now. Statistics
-- first: a bulk-loaded database that was never analyzed would be aggregated with nested loops.
ANALYZE profiles, sessions, chats, attempts, groups, runs, messages, problems, logins, grants, emulations;
SELECT d.name, r.* FROM glow_summary_definitions() d CROSS JOIN LATERAL glow_reconcile_summary(d.name) r;

-- The summaries' own indexes last: built once over the filled tables rather than row by row.
-- CreateIndex
CREATE INDEX "session_stats_created_at_session_id_profile_id_active_idx" ON "session_stats"("created_at", "session_id", "profile_id", "active");

-- CreateIndex
CREATE INDEX "session_stats_updated_at_session_id_profile_id_created_at_a_idx" ON "session_stats"("updated_at", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_profile_name_session_id_profile_id_created_at_idx" ON "session_stats"("profile_name", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_group_count_session_id_profile_id_created_at__idx" ON "session_stats"("group_count", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_run_count_session_id_profile_id_created_at_ac_idx" ON "session_stats"("run_count", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_chat_count_session_id_profile_id_created_at_a_idx" ON "session_stats"("chat_count", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_attempt_count_session_id_profile_id_created_a_idx" ON "session_stats"("attempt_count", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_message_count_session_id_profile_id_created_a_idx" ON "session_stats"("message_count", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_total_tokens_session_id_profile_id_created_at_idx" ON "session_stats"("total_tokens", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_total_cost_session_id_profile_id_created_at_a_idx" ON "session_stats"("total_cost", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_problem_count_session_id_profile_id_created_a_idx" ON "session_stats"("problem_count", "session_id", "profile_id", "created_at", "active");

-- CreateIndex
CREATE INDEX "session_stats_profile_id_created_at_idx" ON "session_stats"("profile_id", "created_at");

-- CreateIndex
CREATE INDEX "session_stats_active_created_at_idx" ON "session_stats"("active", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_created_at_group_id_profile_id_idx" ON "group_stats"("created_at", "group_id", "profile_id");

-- CreateIndex
CREATE INDEX "group_stats_group_name_group_id_profile_id_created_at_idx" ON "group_stats"("group_name", "group_id", "profile_id", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_profile_name_group_id_profile_id_created_at_idx" ON "group_stats"("profile_name", "group_id", "profile_id", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_first_run_at_group_id_profile_id_created_at_idx" ON "group_stats"("first_run_at", "group_id", "profile_id", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_last_run_at_group_id_profile_id_created_at_idx" ON "group_stats"("last_run_at", "group_id", "profile_id", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_total_cost_group_id_profile_id_created_at_idx" ON "group_stats"("total_cost", "group_id", "profile_id", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_total_tokens_group_id_profile_id_created_at_idx" ON "group_stats"("total_tokens", "group_id", "profile_id", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_run_count_group_id_profile_id_created_at_idx" ON "group_stats"("run_count", "group_id", "profile_id", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_profile_id_created_at_idx" ON "group_stats"("profile_id", "created_at");

-- CreateIndex
CREATE INDEX "group_stats_session_id_created_at_idx" ON "group_stats"("session_id", "created_at");

-- CreateIndex
CREATE INDEX "activity_daily_profile_id_day_idx" ON "activity_daily"("profile_id", "day");

-- CreateIndex
CREATE INDEX "activity_monthly_profile_id_month_idx" ON "activity_monthly"("profile_id", "month");

-- CreateIndex
CREATE INDEX "usage_daily_profile_id_day_idx" ON "usage_daily"("profile_id", "day");

-- CreateIndex
CREATE INDEX "usage_monthly_profile_id_month_idx" ON "usage_monthly"("profile_id", "month");

ANALYZE session_stats, group_stats, activity_daily, activity_monthly, usage_daily, usage_monthly, activity_daily_cohort, activity_monthly_cohort, usage_daily_cohort, usage_monthly_cohort;
