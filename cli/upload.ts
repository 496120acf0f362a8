// `glow ingest upload --body '{"kind": …}' --file <path>`: streams a file as the request body, its
// fields as the query string, with a Content-Type from --content-type or the file's extension.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { Endpoint } from "@/lib/contract/endpoint";
import { CliError, exitCode, type CliIo } from "./io";
import { apiError, type Connection } from "./send";

const typesByExtension: Record<string, string> = {
  txt: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  json: "application/json",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  wav: "audio/wav",
  m4a: "audio/mp4",
  mp4: "video/mp4",
  webm: "video/webm",
};

export async function uploadFile(
  endpoint: Endpoint,
  body: unknown,
  conn: Connection,
  options: { file?: string; contentType?: string },
  io: CliIo,
): Promise<void> {
  if (!options.file) throw new CliError(`glow ${endpoint.path.split("/")[1]} ${endpoint.command} needs --file <path>.`, exitCode.usage);
  const file = path.resolve(io.cwd, options.file);
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new CliError(`${file} does not exist.`, exitCode.usage);
  const contentType = options.contentType ?? typesByExtension[path.extname(file).slice(1).toLowerCase()];
  if (!contentType) throw new CliError(`Pass --content-type: the type of ${path.basename(file)} is not known from its extension.`, exitCode.usage);
  const query = new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([key, value]) => [key, String(value)]));
  const target = `${conn.url}${endpoint.path}?${query}`;
  let response: Response;
  try {
    response = await io.fetch(target, {
      method: "POST",
      headers: { Authorization: `Bearer ${conn.token}`, "Content-Type": contentType, "Content-Length": String(size) },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new CliError(`Cannot reach ${conn.url}${endpoint.path}: ${reason}`, exitCode.apiError);
  }
  if (!response.ok) throw await apiError(response);
  io.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`);
}
