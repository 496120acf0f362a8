import "server-only";
// What stands before next-auth's email-and-password callback: the attempt is counted (and maybe
// delayed) per account × address and per address, then it waits briefly for a password-hash slot.
// Refusals are 429 (or 503 while the database is down) with Retry-After, in next-auth's JSON shape (a `url` whose `error` the sign-in
// form reads) plus the API's error body. Only this path verifies passwords, so every check is gated.
import { isSafeText } from "@/lib/api/unsafe-text";
import { isDatabaseUnavailable, retryAfterSeconds } from "@/lib/db/unavailable";
import { clientAddress } from "./client-address";
import { signInHashSlots } from "./hash-slots";
import { databaseUnavailableSignInError, throttledSignInError } from "./sign-in-errors";
import { claimSignInAttempt } from "./sign-in-throttle";

interface Refusal {
  status: 429 | 503;
  code: "rate_limited" | "unavailable";
  /** What the sign-in form reads from the `url` next-auth's client returns. */
  formError: string;
  retryAfterSeconds: number;
  message: string;
}

function refuse(request: Request, refusal: Refusal): Response {
  const url = new URL("/login", process.env.NEXTAUTH_URL ?? request.url);
  url.searchParams.set("error", refusal.formError);
  return Response.json(
    { url: url.toString(), error: { code: refusal.code, message: refusal.message } },
    { status: refusal.status, headers: { "Retry-After": String(refusal.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

const throttled = (seconds: number, message: string): Refusal => ({
  status: 429,
  code: "rate_limited",
  formError: throttledSignInError(seconds),
  retryAfterSeconds: seconds,
  message,
});

async function submittedEmail(request: Request): Promise<string> {
  try {
    const form = await request.clone().formData();
    return String(form.get("email") ?? "")
      .trim()
      .toLowerCase();
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
    return Response.json(
      { error: { code: "invalid_body", message: "email must not contain a NUL character or an unpaired surrogate." } },
      { status: 400 },
    );
  }

  let wait: number;
  try {
    wait = await claimSignInAttempt(email, clientAddress(request.headers));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return refuse(request, {
      status: 503,
      code: "unavailable",
      formError: databaseUnavailableSignInError,
      retryAfterSeconds,
      message: "The database is unavailable: try again in a moment.",
    });
  }
  if (wait > 0) return refuse(request, throttled(wait, `Too many sign-in attempts: try again in ${wait} s.`));

  const release = await signInHashSlots.acquire();
  if (!release) return refuse(request, throttled(1, "Sign-in is busy: try again in a moment."));
  try {
    return await signIn();
  } finally {
    release();
  }
}
