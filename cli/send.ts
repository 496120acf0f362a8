// Sends one command's request and hands the answer back: pretty JSON on stdout, bytes to a file
// (streamed to disk as they arrive), or the API's error message with a non-zero exit code.
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { Endpoint } from "@/lib/contract/endpoint";
import { CliError, exitCode, type CliIo } from "./io";

export interface Connection {
  url: string;
  token: string;
}

export interface OutputOptions {
  output?: string;
  force?: boolean;
}

export function connection(options: { url?: string; token?: string }, io: CliIo): Connection {
  const url = options.url ?? io.env.GLOW_INSTANCE_URL;
  const token = options.token ?? io.env.GLOW_TOKEN;
  if (!url) throw new CliError("Set GLOW_INSTANCE_URL (or pass --url) to the Glow Admin address, e.g. http://127.0.0.1:3000", exitCode.usage);
  if (!token)
    throw new CliError("Set GLOW_TOKEN (or pass --token) to an API token: npm run token:create -- --profile <email> --name <label>", exitCode.usage);
  if (!/^https?:\/\//i.test(url)) throw new CliError(`GLOW_INSTANCE_URL must start with http:// or https:// (got ${url})`, exitCode.usage);
  return { url: url.replace(/\/+$/, ""), token };
}

export async function send(endpoint: Endpoint, body: unknown, conn: Connection, output: OutputOptions, io: CliIo): Promise<void> {
  const target = `${conn.url}${endpoint.path}`;
  let response: Response;
  try {
    response = await io.fetch(target, {
      method: "POST",
      headers: { Authorization: `Bearer ${conn.token}`, "Content-Type": "application/json", Accept: endpoint.binary ? "*/*" : "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new CliError(`Cannot reach ${target}: ${reason}`, exitCode.apiError);
  }
  if (!response.ok) throw await apiError(response);
  const isJson = /^application\/(.+\+)?json\b/i.test(response.headers.get("content-type") ?? "");
  if (isJson && !endpoint.binary) {
    const data: unknown = await response.json();
    io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  await saveBytes(response, output, io);
}

export async function apiError(response: Response): Promise<CliError> {
  const raw = await response.text();
  try {
    const { error } = JSON.parse(raw) as { error: { code: string; message: string; issues?: { field: string; message: string }[] } };
    const head = `Error ${response.status} (${error.code})`;
    // The message of a 400 already sums up its issues; one per line reads better in a terminal.
    if (error.issues?.length) {
      const lines = error.issues.map((i) => `  ${i.field ? `${i.field}: ` : ""}${i.message}`);
      return new CliError([`${head}:`, ...lines].join("\n"), exitCode.apiError);
    }
    return new CliError(`${head}: ${error.message}`, exitCode.apiError);
  } catch {
    return new CliError(`Error ${response.status} ${response.statusText}: ${raw.slice(0, 300) || "(no body)"}`, exitCode.apiError);
  }
}

/** The file name the server suggests, reduced to a plain base name. */
export function suggestedFileName(disposition: string | null): string | null {
  const match = /filename\*=UTF-8''([^;]+)|filename="([^"]+)"|filename=([^;\s]+)/i.exec(disposition ?? "");
  const raw = match ? decodeURIComponent(match[1] ?? match[2] ?? match[3] ?? "") : "";
  const base = path.basename(raw.replace(/\\/g, "/")).replace(/^\.+/, "");
  return base || null;
}

async function saveBytes(response: Response, output: OutputOptions, io: CliIo): Promise<void> {
  if (!response.body) throw new CliError("The server answered without a body.", exitCode.apiError);
  const bytes = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  const toStdout = output.output === "-" || (output.output === undefined && !io.stdout.isTTY);
  if (toStdout) {
    await pipeline(bytes, io.stdout, { end: false });
    return;
  }
  const name = output.output ?? suggestedFileName(response.headers.get("content-disposition")) ?? "glow-download.bin";
  const file = path.resolve(io.cwd, name);
  if (!output.force && (await stat(file).catch(() => null))) {
    bytes.destroy();
    throw new CliError(`${file} already exists: pass --force to overwrite it, or --output another path.`, exitCode.usage);
  }
  // Written next to the target and renamed at the end, so a failed download never looks complete.
  const partial = `${file}.partial`;
  try {
    const sink = createWriteStream(partial);
    await pipeline(bytes, sink);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw new CliError(`Download failed: ${error instanceof Error ? error.message : String(error)}`, exitCode.apiError);
  }
  const { size } = await stat(file);
  io.stderr.write(`Saved ${path.relative(io.cwd, file) || file} (${size.toLocaleString("en-US")} bytes)\n`);
}
