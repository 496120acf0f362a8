// A real OpenID Connect provider for tests and local development (oauth2-mock-server). It signs
// everyone in at once; the `email` claim is whatever the authorization request's `login_hint`
// said (or `defaultEmail` without one), so a test picks who "the university" says is signing in.
// Run it alone for `npm run dev`, issuer http://127.0.0.1:<port>:
//   node --import tsx scripts/mock-idp.ts [port=3299] [default email]
import { pathToFileURL } from "node:url";
import { OAuth2Server } from "oauth2-mock-server";

export interface MockIdp {
  issuer: string;
  stop: () => Promise<void>;
}

export async function startMockIdp(port = 0, host = "127.0.0.1", defaultEmail?: string): Promise<MockIdp> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  const emailByCode = new Map<string, string>();

  server.service.on("beforeAuthorizeRedirect", (redirect: { url: URL }, req: { query: Record<string, unknown> }) => {
    const code = redirect.url.searchParams.get("code");
    const hint = req.query.login_hint;
    if (code && typeof hint === "string") emailByCode.set(code, hint);
  });
  // Fires for both the access token and the ID token of one code exchange.
  server.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }, req: { body?: { code?: unknown } }) => {
    const code = req.body?.code;
    const email = (typeof code === "string" ? emailByCode.get(code) : undefined) ?? defaultEmail;
    if (email) Object.assign(token.payload, { email, email_verified: true, name: email.split("@")[0] });
  });
  server.service.on("beforeResponse", (_response: unknown, req: { body?: { code?: unknown } }) => {
    if (typeof req.body?.code === "string") emailByCode.delete(req.body.code);
  });

  await server.start(port, host);
  // The library would say "localhost"; the issuer must be exactly what GLOW_OIDC_ISSUER names.
  const issuer = `http://${host}:${server.address().port}`;
  server.issuer.url = issuer;
  return { issuer, stop: () => server.stop() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const idp = await startMockIdp(Number(process.argv[2] ?? 3299), "127.0.0.1", process.argv[3]);
  console.log(`[mock-idp] issuer ${idp.issuer}`);
}
