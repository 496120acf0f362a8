import "server-only";
// How often sign-in may be tried: per account × client address (so an attacker elsewhere cannot
// slow a person down at their own desk) and per client address across accounts (so one address
// cannot work through a list of emails). Decided inside PostgreSQL in one statement, so parallel
// attempts are counted as they arrive; see glow_claim_sign_in in the sign_in_throttles migration.
import { prisma } from "@/lib/db";
import { envNumber } from "@/lib/env-number";

export const signInPolicy = {
  /** Attempts per account × address before delays start (1 s, then doubling). */
  freePerAccount: envNumber("GLOW_SIGN_IN_FREE_ATTEMPTS", 5),
  /** Attempts per address, over all accounts, before delays start. */
  freePerAddress: envNumber("GLOW_SIGN_IN_FREE_ATTEMPTS_PER_ADDRESS", 30),
  maxDelaySeconds: 15 * 60,
  /** A key with no attempt for this long starts over. */
  forgetAfterSeconds: 24 * 3600,
};

function keysFor(email: string, address: string | null) {
  const where = address ?? "unknown";
  return { account: `account:${email}|${where}`, address: `address:${where}` };
}

/** Seconds to wait before this attempt may be checked; 0 means go ahead (and it has been counted). */
export async function claimSignInAttempt(email: string, address: string | null): Promise<number> {
  const keys = keysFor(email, address);
  const rows = await prisma.$queryRaw<{ wait: number }[]>`
    SELECT glow_claim_sign_in(
      ARRAY[${keys.account}, ${keys.address}]::text[],
      ARRAY[${signInPolicy.freePerAccount}, ${signInPolicy.freePerAddress}]::int[],
      ${signInPolicy.maxDelaySeconds}::int,
      ${signInPolicy.forgetAfterSeconds}::int
    ) AS wait`;
  if (Math.random() < 0.01) await forgetQuietKeys();
  return rows[0]?.wait ?? 0;
}

/**
 * After a right password: the account × address starts over, and the address gets back the attempt
 * that was counted in advance, so an office signing in all day through one address is never slowed.
 */
export async function releaseAfterSuccess(email: string, address: string | null): Promise<void> {
  const keys = keysFor(email, address);
  await prisma.$transaction([
    prisma.signInThrottle.deleteMany({ where: { key: keys.account } }),
    prisma.$executeRaw`
      UPDATE sign_in_throttles
         SET attempts = greatest(attempts - 1, 0),
             next_attempt_at = CASE WHEN attempts - 1 < ${signInPolicy.freePerAddress} THEN least(next_attempt_at, clock_timestamp()) ELSE next_attempt_at END
       WHERE key = ${keys.address}`,
  ]);
}

async function forgetQuietKeys(): Promise<void> {
  const cutoff = new Date(Date.now() - signInPolicy.forgetAfterSeconds * 1000);
  await prisma.signInThrottle.deleteMany({ where: { updated_at: { lt: cutoff }, next_attempt_at: { lt: new Date() } } });
}
