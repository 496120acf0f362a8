-- The people whose records a list read showed, so a TA's access history finds list reads too
-- (one GIN probe per person, like the target lookups). Adding a nullable column is instant; the
-- index over an existing log takes about a minute per 10M rows.
ALTER TABLE "audit_logs" ADD COLUMN "disclosed_profile_ids" UUID[];

CREATE INDEX "audit_logs_disclosed_profile_ids_idx" ON "audit_logs" USING GIN ("disclosed_profile_ids");
