// The pages' Content-Security-Policy, which needs a fresh nonce per request (set in proxy.ts). The
// fixed headers, and the API's own policy, are in next.config.js.

/** The page policy: scripts only with this request's nonce (Next.js adds it to its own). */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; React needs eval only in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Server-rendered style attributes (chart sizes, legend swatches) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
