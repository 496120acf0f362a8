/** The caller's IP as the reverse proxy reports it (first X-Forwarded-For hop), for login and audit records. */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}
