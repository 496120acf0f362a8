-- The uploads a recorded group read offered for download. Their downloads by the same person within
-- the hour find this row (one GIN probe per download) and write none of their own, so one page view
-- is one row with its media attached, instead of one row per image and per range request.
ALTER TABLE "audit_logs" ADD COLUMN "offered_upload_ids" UUID[];

CREATE INDEX "audit_logs_offered_upload_ids_idx" ON "audit_logs" USING GIN ("offered_upload_ids");
