/** The public address links are built on: the configured one, else the origin the request came in on. */
export function publicBaseUrl(request: Request): string {
  return process.env.NEXTAUTH_URL || new URL(request.url).origin;
}
