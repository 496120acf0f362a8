// The currency of every cost (client-safe). The spec's costs are dollars and every total (a
// session's, a group's, the rollups') adds run costs together, so Glow Admin keeps one currency:
// a run or a price in any other is refused where it comes in, never converted and never added.
import { z } from "zod";

export const accountingCurrency = "USD";

export const currencyCode = z
  .string({ error: "currency must be a string" })
  .regex(/^[A-Z]{3}$/, { error: "currency must be an ISO 4217 code such as USD" })
  .meta({ description: "ISO 4217 currency code" });

/** Why a cost in `currency` cannot be kept, or null when it can. */
export function foreignCurrencyProblem(currency: string): string | null {
  if (currency === accountingCurrency) return null;
  return `costs are kept in ${accountingCurrency} (every total adds them up): convert this ${currency} cost to ${accountingCurrency} before sending it`;
}
