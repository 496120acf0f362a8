import { NextResponse, type NextRequest } from "next/server";
import { isSafeText } from "@/lib/api/unsafe-text";
import { pageContentSecurityPolicy } from "@/lib/security/headers";

// Tells server components which path was asked for (to come back to it after signing in), and gives
// every page its Content-Security-Policy with a fresh nonce: Next.js reads the policy from the
// request headers and puts the nonce on its own scripts. Access checks live in the pages and
// route handlers themselves, never here.
export function proxy(request: NextRequest) {
  for (const [name, value] of request.nextUrl.searchParams) {
    if (!isSafeText(name) || !isSafeText(value)) {
      return new NextResponse(
        `Bad request: the query parameter "${name.replace(/[^\w-]/g, "?")}" must not contain a NUL character or an unpaired surrogate.`,
        {
          status: 400,
          headers: { "Content-Type": "text/plain; charset=utf-8" },
        },
      );
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-glow-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/|api/|system/|activity/resolve|favicon.ico).*)"],
};
