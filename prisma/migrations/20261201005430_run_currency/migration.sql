-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD';

-- A currency is an ISO 4217 code. Runs are kept in the one currency every total adds up
-- (lib/money/currency.ts); prices may name any, and a price not in it cannot price a run.
-- Triggers rather than CHECK constraints: Prisma's schema engine (WebAssembly build) cannot read
-- CHECK constraints back, which breaks `npm run db:diff` and the drift test (as for token scopes).
CREATE FUNCTION glow_check_run_currency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.currency <> 'USD' THEN
    RAISE EXCEPTION 'runs.currency must be USD, the currency every total adds up, not %', NEW.currency
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER runs_currency_accounting BEFORE INSERT OR UPDATE OF currency ON "runs"
  FOR EACH ROW EXECUTE FUNCTION glow_check_run_currency();

CREATE FUNCTION glow_check_price_currency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.currency !~ '^[A-Z]{3}$' THEN
    RAISE EXCEPTION 'model_prices.currency must be an ISO 4217 code such as USD, not %', NEW.currency
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER model_prices_currency_iso4217 BEFORE INSERT OR UPDATE OF currency ON "model_prices"
  FOR EACH ROW EXECUTE FUNCTION glow_check_price_currency();
