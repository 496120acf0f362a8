// Timing over HTTP: one request at a time for the per-case figures (the whole answer read), a
// signed-in browser cookie for the pages, and autocannon for the mixed load from this process (a
// second process beside the server, on loopback).
import autocannon from "autocannon";

export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Sent {
  method: "POST" | "GET";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Sends the request and reads the whole answer; throws on anything but 2xx. */
export async function send(request: Sent): Promise<void> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: "manual" });
  const body = await response.arrayBuffer();
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${request.method} ${request.url} answered ${response.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
  }
}

/** Wall times of `count` sequential sends, in ms, after `warmup` untimed ones. */
export async function timeSequential(request: Sent, count: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await send(request);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await send(request);
    times.push(performance.now() - started);
  }
  return times;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in with next-auth's credentials endpoint as the dashboard's form does; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const cookies = [...jar, ...cookiesOf(response)];
  if (!cookies.some((cookie) => cookie.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return cookies.join("; ");
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  errors: number;
  p50: number;
  p95: number;
}

/** `connections` clients sending `requests` round-robin for `seconds`; every latency kept for exact percentiles. */
export async function runLoad(options: { url: string; requests: Sent[]; connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      requests: options.requests.map((request) => ({
        method: request.method,
        path: new URL(request.url).pathname,
        headers: request.headers,
        body: request.body,
      })),
    },
    (error: unknown, result: autocannon.Result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) errors++;
  });
  const result = await done;
  errors += result.errors + result.timeouts;
  const seconds = result.duration;
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}
