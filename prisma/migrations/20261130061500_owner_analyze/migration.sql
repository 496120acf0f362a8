-- ANALYZE needs the table's owner, and the app's role owns nothing (scripts/db/app-role.ts), so
-- POST /system/refresh asks this function, which runs as the owner and does nothing else.
CREATE FUNCTION glow_analyze(target regclass) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  EXECUTE format('ANALYZE %s', target);
END $$;

REVOKE ALL ON FUNCTION glow_analyze(regclass) FROM PUBLIC;
