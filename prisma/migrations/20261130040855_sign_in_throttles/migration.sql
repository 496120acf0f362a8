-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);

-- Old rows are swept by time.
CREATE INDEX "sign_in_throttles_updated_at_idx" ON "sign_in_throttles"("updated_at");

-- Claims one sign-in attempt under every key at once, or under none. Each key's count is raised
-- before the password is checked, so parallel attempts are counted as they arrive instead of after
-- they fail. Returns 0 when the attempt may go ahead, otherwise the whole seconds to wait.
-- A key's n-th attempt inside its window leaves no wait while n < free, then 2^(n - free) seconds,
-- capped: a growing delay, never a lock-out, and a person elsewhere has keys of their own.
CREATE FUNCTION glow_claim_sign_in(p_keys text[], p_free int[], p_max_delay_seconds int, p_forget_after_seconds int)
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
  IF wait_until > clock_timestamp() THEN
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
