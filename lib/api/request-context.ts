import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// Who is asking, for audit rows written deep in the data layer: the API's route wrapper sets it;
// a page has Next's own request headers; a script or test has neither.
export interface RequestContext {
  headers: Headers;
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(context: RequestContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

export async function currentRequest(): Promise<RequestContext> {
  const context = storage.getStore();
  if (context) return context;
  try {
    const { headers } = await import("next/headers");
    return { headers: new Headers(await headers()), requestId: randomUUID() };
  } catch {
    return { headers: new Headers(), requestId: randomUUID() };
  }
}
