-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD';

-- A currency is an ISO 4217 code. Runs are kept in the one currency every total adds up
-- (lib/money/currency.ts); prices may name any, and a price not in it cannot price a run.
-- NOT VALID, then VALIDATE: the check of existing rows takes no lock that blocks writers.
ALTER TABLE "runs" ADD CONSTRAINT "runs_currency_accounting" CHECK ("currency" = 'USD') NOT VALID;
ALTER TABLE "runs" VALIDATE CONSTRAINT "runs_currency_accounting";
ALTER TABLE "model_prices" ADD CONSTRAINT "model_prices_currency_iso4217" CHECK ("currency" ~ '^[A-Z]{3}$') NOT VALID;
ALTER TABLE "model_prices" VALIDATE CONSTRAINT "model_prices_currency_iso4217";
