// Unique ids and names for factory rows, so tests can add their own data to a shared database
// without resetting it and without colliding with the demo seed or with each other.
import { randomBytes, randomUUID } from "node:crypto";

let sequence = 0;

/** A short token unique across processes (random part) and within this one (counter). */
export function uniqueToken(): string {
  sequence += 1;
  return `${randomBytes(4).toString("hex")}${sequence.toString(36)}`;
}

export function newId(): string {
  return randomUUID();
}

/** `base` plus `ms` milliseconds, for building timelines without mutating dates. */
export function addMs(base: Date, ms: number): Date {
  return new Date(base.getTime() + ms);
}
