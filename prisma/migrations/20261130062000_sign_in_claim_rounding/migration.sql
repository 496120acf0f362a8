-- glow_claim_sign_in, unchanged but for one comparison: see the comment at the wait.
CREATE OR REPLACE FUNCTION glow_claim_sign_in(p_keys text[], p_free int[], p_max_delay_seconds int, p_forget_after_seconds int)
RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  wait_until timestamptz;
BEGIN
  INSERT INTO sign_in_throttles (key) SELECT unnest(p_keys) ON CONFLICT (key) DO NOTHING;
  -- In key order, so two attempts that share keys cannot deadlock.
  PERFORM 1 FROM sign_in_throttles WHERE key = ANY (p_keys) ORDER BY key FOR UPDATE;
  UPDATE sign_in_throttles SET attempts = 0
   WHERE key = ANY (p_keys) AND updated_at < clock_timestamp() - make_interval(secs => p_forget_after_seconds);
  SELECT max(next_attempt_at) INTO wait_until FROM sign_in_throttles WHERE key = ANY (p_keys);
  -- The column keeps milliseconds, rounded: a time stored half a millisecond ago may read as just
  -- ahead of the clock, which made a free attempt block the next one for "1 s".
  IF wait_until > clock_timestamp() + interval '1 millisecond' THEN
    RETURN ceil(extract(epoch FROM wait_until - clock_timestamp()))::int;
  END IF;
  UPDATE sign_in_throttles t
     SET attempts = t.attempts + 1,
         updated_at = clock_timestamp(),
         next_attempt_at = clock_timestamp() + CASE
           WHEN t.attempts + 1 < k.free THEN interval '0'
           ELSE make_interval(secs => least(p_max_delay_seconds, power(2, t.attempts + 1 - k.free)))
         END
    FROM unnest(p_keys, p_free) AS k(key, free)
   WHERE t.key = k.key;
  RETURN 0;
END $$;
