import type { APIRequestContext } from "@playwright/test";

/**
 * Calls the system API as a script would (Bearer token), to compare what a page shows with the API.
 * Retried once when the socket was reset: between two calls a test may wait longer than the
 * server's keep-alive, and a request sent on the closing socket is lost.
 */
export async function api<T>(request: APIRequestContext, token: string, path: string, body: unknown = {}): Promise<T> {
  try {
    return await callOnce<T>(request, token, path, body);
  } catch (error) {
    if (!String(error).includes("ECONNRESET")) throw error;
    return callOnce<T>(request, token, path, body);
  }
}

async function callOnce<T>(request: APIRequestContext, token: string, path: string, body: unknown): Promise<T> {
  const response = await request.post(path, { data: body, headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}
