// The request body of a command: from --body or --body-file (or stdin with "-"), parsed as JSON and
// checked against the endpoint's own zod schema before anything is sent.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { text } from "node:stream/consumers";
import type { z } from "zod";
import type { Endpoint } from "@/lib/contract/endpoint";
import { CliError, exitCode, type CliIo } from "./io";

export interface BodyOptions {
  body?: string;
  bodyFile?: string;
}

export async function readBody(options: BodyOptions, io: CliIo): Promise<unknown> {
  if (options.body !== undefined && options.bodyFile !== undefined) {
    throw new CliError("Pass --body or --body-file, not both.", exitCode.usage);
  }
  let source = "--body";
  let raw = options.body;
  if (options.bodyFile !== undefined) {
    source = options.bodyFile === "-" ? "standard input" : options.bodyFile;
    try {
      raw = options.bodyFile === "-" ? await text(io.stdin) : await readFile(path.resolve(io.cwd, options.bodyFile), "utf8");
    } catch (error) {
      throw new CliError(`Cannot read --body-file ${options.bodyFile}: ${error instanceof Error ? error.message : String(error)}`, exitCode.usage);
    }
  }
  if (raw === undefined || raw.trim() === "") return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new CliError(`The body in ${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, exitCode.usage);
  }
}

/** Each problem on its own line, naming the field as the API would. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") return `${issue.keys.join(", ")}: unknown field${issue.keys.length > 1 ? "s" : ""}`;
    const field = issue.path.map(String).join(".");
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}

export function validateBody(endpoint: Endpoint, body: unknown, command: string): void {
  const parsed = endpoint.body.safeParse(body);
  if (parsed.success) return;
  const lines = describeIssues(parsed.error).map((line) => `  ${line}`);
  throw new CliError([`Invalid body for ${command}:`, ...lines].join("\n"), exitCode.usage);
}
