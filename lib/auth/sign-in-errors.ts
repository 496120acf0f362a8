// The `error` next-auth hands the sign-in form when an attempt was refused for coming too soon;
// shared by the server's gate and the (client-side) form.
const prefix = "rate_limited:";

export const throttledSignInError = (retryAfterSeconds: number) => `${prefix}${retryAfterSeconds}`;

/** Seconds to wait, when `error` is a throttled sign-in; otherwise null. */
export function retryAfterOf(error: string | null | undefined): number | null {
  const match = error?.startsWith(prefix) ? /^\d+$/.exec(error.slice(prefix.length)) : null;
  return match ? Number(match[0]) : null;
}

export const databaseUnavailableSignInError = "database_unavailable";
