// Waiting for a page to finish loading. Playwright's "networkidle" never comes on a page with a live
// stream (POST /system/watch stays open as long as the page does), so this counts the requests in
// flight itself, leaving the stream out, and waits for half a second with none.
import type { Page, Request } from "@playwright/test";

const inFlightByPage = new WeakMap<Page, Set<Request>>();

const isLiveStream = (request: Request) => new URL(request.url()).pathname === "/system/watch";

/** Starts counting the page's requests (settle does it too; call it before a navigation to count every one). */
export function trackRequests(page: Page): Set<Request> {
  const known = inFlightByPage.get(page);
  if (known) return known;
  const inFlight = new Set<Request>();
  page.on("request", (request) => {
    if (!isLiveStream(request)) inFlight.add(request);
  });
  page.on("requestfinished", (request) => inFlight.delete(request));
  page.on("requestfailed", (request) => inFlight.delete(request));
  inFlightByPage.set(page, inFlight);
  return inFlight;
}

/** Like waitForLoadState("networkidle"), except that an open live stream does not count. */
export async function settle(page: Page, quietMs = 500, timeoutMs = 30_000): Promise<void> {
  const inFlight = trackRequests(page);
  await page.waitForLoadState("load");
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (inFlight.size > 0) quietSince = Date.now();
    if (Date.now() > deadline) throw new Error(`the page kept loading: ${[...inFlight].map((request) => request.url()).join(", ")}`);
    await page.waitForTimeout(50);
  }
}
