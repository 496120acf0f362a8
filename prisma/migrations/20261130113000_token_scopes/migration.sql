-- API tokens carry scopes: what a token may do. Tokens made before scopes existed keep what they
-- could do, `read` (the system API as far as the token's profile may use it); `ingest` is new.
ALTER TABLE "api_tokens" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['read']::TEXT[];

-- Only known scopes, at least one: a typo in a script must not make a token that can do nothing.
-- A trigger rather than a CHECK constraint: Prisma's schema engine (WebAssembly build) cannot read
-- CHECK constraints back, which would break `npm run db:diff` and the drift test.
CREATE FUNCTION glow_check_token_scopes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(NEW.scopes) = 0 OR NOT (NEW.scopes <@ ARRAY['read', 'ingest']::TEXT[]) THEN
    RAISE EXCEPTION 'api_tokens.scopes must be a non-empty subset of {read,ingest}, not %', NEW.scopes
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER api_tokens_scopes_known BEFORE INSERT OR UPDATE OF scopes ON "api_tokens"
  FOR EACH ROW EXECUTE FUNCTION glow_check_token_scopes();
