// Field rules shared by every ingest event (client-safe).
import { z } from "zod";
import { uuid } from "@/lib/api/common-schemas";

export const name = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(300, { error: `${field} must be at most 300 characters` });

export const tokens = (field: string) =>
  z
    .int({ error: `${field} must be a whole number` })
    .min(0, { error: `${field} must not be negative` })
    .max(2_000_000_000, { error: `${field} is too large` });

/** Exact decimal strings: money and scores never pass through a float. */
export const decimal = (field: string, scale: number) =>
  z.string({ error: `${field} must be a decimal string` }).regex(new RegExp(`^\\d{1,10}(\\.\\d{1,${scale}})?$`), {
    error: `${field} must be a non-negative decimal string with at most ${scale} decimals`,
  });

export const eventId = { event_id: uuid("event_id").meta({ description: "The sender's id of this event: sending it again changes nothing" }) };
