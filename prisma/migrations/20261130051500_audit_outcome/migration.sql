-- What an audited read or a refused request came to: allowed (the record was disclosed), not_found
-- or denied. Rows written before this column existed recorded reads before their decision.
ALTER TABLE "audit_logs" ADD COLUMN "outcome" TEXT;
