// Where the sign-in page may send the browser afterwards. The decision is made on the URL the
// browser will build, not on the raw text: browsers read "\" as "/" and drop tabs and newlines, so
// "/\evil.example" and "/<tab>/evil.example" both become "//evil.example", another host.
const appOrigin = "https://glow.invalid";

/** A path of this app (with its query and fragment) that the callback resolves to, else "/". */
export function safeCallbackPath(callbackUrl: string | undefined): string {
  if (!callbackUrl) return "/";
  let url: URL;
  try {
    url = new URL(callbackUrl, appOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== appOrigin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that itself starts with "//" would be read as a host when the browser is sent to it.
  return path.startsWith("//") ? "/" : path;
}
