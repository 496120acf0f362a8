import "server-only";
// What stands before next-auth's email-and-password callback: the attempt is counted (and maybe
// delayed) per account × address and per address, then it waits briefly for a password-hash slot.
// Refusals are 429 with Retry-After, in next-auth's JSON shape (a `url` whose `error` the sign-in
// form reads) plus the API's error body. Only this path verifies passwords, so every check is gated.
import { isSafeText } from "@/lib/api/unsafe-text";
import { isDatabaseUnavailable, retryAfterSeconds } from "@/lib/db/unavailable";
import { clientAddress } from "./client-address";
import { signInHashSlots } from "./hash-slots";
import { databaseUnavailableSignInError, throttledSignInError } from "./sign-in-errors";
import { claimSignInAttempt } from "./sign-in-throttle";

function refuse(request: Request, retryAfterSeconds: number, message: string): Response {
  const url = new URL("/login", process.env.NEXTAUTH_URL ?? request.url);
  url.searchParams.set("error", throttledSignInError(retryAfterSeconds));
  return Response.json(
    { url: url.toString(), error: { code: "rate_limited", message } },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

async function submittedEmail(request: Request): Promise<string> {
  try {
    const form = await request.clone().formData();
    return String(form.get("email") ?? "").trim().toLowerCase();
  } catch {
    return "";
  }
}

export async function gateCredentialsSignIn(request: Request, signIn: () => Promise<Response>): Promise<Response> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/callback/credentials")) return signIn();
  const email = await submittedEmail(request);
  // Nothing to check without an email: next-auth refuses it without hashing.
  if (!email) return signIn();
  if (!isSafeText(email)) {
    return Response.json({ error: { code: "invalid_body", message: "email must not contain a NUL character or an unpaired surrogate." } }, { status: 400 });
  }

  let wait: number;
  try {
    wait = await claimSignInAttempt(email, clientAddress(request.headers));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    const url = new URL("/login", process.env.NEXTAUTH_URL ?? request.url);
    url.searchParams.set("error", databaseUnavailableSignInError);
    return Response.json(
      { url: url.toString(), error: { code: "unavailable", message: "The database is unavailable: try again in a moment." } },
      { status: 503, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  if (wait > 0) return refuse(request, wait, `Too many sign-in attempts: try again in ${wait} s.`);

  const release = await signInHashSlots.acquire();
  if (!release) return refuse(request, 1, "Sign-in is busy: try again in a moment.");
  try {
    return await signIn();
  } finally {
    release();
  }
}
