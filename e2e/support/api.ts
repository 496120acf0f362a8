import type { APIRequestContext } from "@playwright/test";

/** Calls the system API as a script would (Bearer token), to compare what a page shows with the API. */
export async function api<T>(request: APIRequestContext, token: string, path: string, body: unknown = {}): Promise<T> {
  const response = await request.post(path, { data: body, headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}
