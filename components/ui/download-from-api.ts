// Downloads from the API in the browser. The API only takes JSON bodies, so a plain form cannot
// post them: the response is collected into a Blob and handed to a download link.

/** POSTs `body` to `path` and saves the file it answers with; the saved name, or an Error with the API's message. */
export async function downloadFromApi(path: string, body: unknown, fallbackName: string): Promise<string> {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(answer?.error?.message ?? `The download failed (${response.status}).`);
  }
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
