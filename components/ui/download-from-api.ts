// Downloads from the API in the browser. The API only takes JSON bodies, so a plain form cannot
// post them: the response is collected into a Blob and handed to a download link.
import type { z } from "zod";
import { postEndpoint } from "@/lib/contract/api-client";
import type { Endpoint } from "@/lib/contract/endpoint";

/** POSTs `body` to the endpoint and saves the file it answers with; the saved name, or an ApiCallError with the API's message. */
export async function downloadFromApi<Body extends z.ZodType>(endpoint: Endpoint<Body>, body: z.input<Body>, fallbackName: string): Promise<string> {
  const response = await postEndpoint(endpoint, body);
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has handed the Blob to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}
