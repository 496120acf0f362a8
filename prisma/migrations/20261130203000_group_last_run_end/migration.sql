-- A group's last_run_at is "the time span of the group's runs": it now ends where the last run ended
-- (its finish time, or its start while it is still running), not where the last run started. The
-- runs trigger keeps it so (a run that finishes updates its group through the recount branch), the
-- truth view that POST /system/refresh reconciles against says the same, and the kept values are
-- brought to it here.

CREATE OR REPLACE VIEW glow_group_stats_truth AS
SELECT g.id AS group_id, g.session_id, s.profile_id, p.name AS profile_name, g.name AS group_name, g.created_at,
       count(r.id)::int AS run_count, coalesce(sum(r.input_tokens), 0)::bigint AS input_tokens,
       coalesce(sum(r.output_tokens), 0)::bigint AS output_tokens, coalesce(sum(r.cached_input_tokens), 0)::bigint AS cached_input_tokens,
       coalesce(sum(r.input_tokens::bigint + r.output_tokens), 0)::bigint AS total_tokens,
       coalesce(sum(r.cost), 0)::numeric(24, 10) AS total_cost, min(r.created_at) AS first_run_at,
       max(coalesce(r.finished_at, r.created_at)) AS last_run_at,
       coalesce(array_agg(DISTINCT r.model_id ORDER BY r.model_id) FILTER (WHERE r.model_id IS NOT NULL), '{}') AS model_ids
FROM groups g
JOIN sessions s ON s.id = g.session_id
JOIN profiles p ON p.id = s.profile_id
LEFT JOIN runs r ON r.group_id = g.id
GROUP BY g.id, s.profile_id, p.name;

CREATE OR REPLACE FUNCTION glow_runs_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.group_id <> o.group_id) THEN
      PERFORM glow_refuse_move('A run');
    END IF;
  END IF;

  IF TG_OP <> 'INSERT' THEN
    UPDATE session_stats ss SET run_count = ss.run_count - d.n, total_tokens = ss.total_tokens - d.tokens,
                                total_cost = ss.total_cost - d.cost
    FROM (SELECT gs.session_id, sum(per_group.n) AS n, sum(per_group.tokens) AS tokens, sum(per_group.cost) AS cost
          FROM (SELECT group_id, count(*) AS n, sum(input_tokens::bigint + output_tokens) AS tokens, sum(cost) AS cost
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
                                total_cost = ss.total_cost + d.cost
    FROM (SELECT gs.session_id, sum(per_group.n) AS n, sum(per_group.tokens) AS tokens, sum(per_group.cost) AS cost
          FROM (SELECT group_id, count(*) AS n, sum(input_tokens::bigint + output_tokens) AS tokens, sum(cost) AS cost
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

UPDATE group_stats gs SET last_run_at = t.last_at
FROM (SELECT group_id, max(coalesce(finished_at, created_at)) AS last_at FROM runs GROUP BY group_id) t
WHERE gs.group_id = t.group_id AND gs.last_run_at IS DISTINCT FROM t.last_at;
