import { NextResponse, type NextRequest } from "next/server";

// Only tells server components which path was asked for (to come back to it after signing in).
// Access checks live in the pages and route handlers themselves, never here.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-glow-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|system/|activity/resolve|favicon.ico).*)"],
};
