// `glow`: one command per endpoint of the system API, built from the endpoint definitions
// (lib/contract/endpoints.ts) so the CLI, the API and the OpenAPI document never disagree.
// `glow <group> <command>`: the group is the path's first segment (/system/export → glow system export).
import { Command, CommanderError, Option } from "commander";
import { z } from "zod";
import type { Endpoint } from "@/lib/contract/endpoint";
import { schemaFields, type JsonSchema } from "@/lib/openapi/schema-fields";
import { readBody, validateBody } from "./body";
import { CliError, exitCode, type CliIo } from "./io";
import { connection, send } from "./send";
import { uploadFile } from "./upload";
import { watch } from "./watch";

interface LeafOptions {
  body?: string;
  bodyFile?: string;
  output?: string;
  force?: boolean;
  url?: string;
  token?: string;
  json?: boolean;
  lastEventId?: string;
  file?: string;
  contentType?: string;
}

/** The words after `glow`: the path's first segment, then the endpoint's command ("emulation start" is two). */
export function commandPath(endpoint: Pick<Endpoint, "path" | "command">): string[] {
  const group = endpoint.path.split("/")[1] ?? "system";
  const words = endpoint.command.trim().split(/\s+/);
  return words[0] === group ? words : [group, ...words];
}

function commandList(list: readonly Endpoint[]): string {
  const names = list.map((endpoint) => commandPath(endpoint).join(" "));
  const width = Math.max(...names.map((name) => name.length), 0) + 2;
  return list.map((endpoint, i) => `  ${(names[i] ?? "").padEnd(width)}${endpoint.summary}`).join("\n");
}

/** The body's top-level fields for --help, from the endpoint's zod schema. */
export function bodyFieldsHelp(endpoint: Pick<Endpoint, "body">): string {
  const schema = z.toJSONSchema(endpoint.body, { io: "input", unrepresentable: "any" }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const fields = schemaFields(schema, schema.$defs ?? {}).filter((field) => field.depth === 0);
  if (fields.length === 0) return "";
  const width = Math.max(...fields.map((field) => field.name.length)) + 2;
  const lines = fields.map((field) => {
    const extra = [field.required ? "required" : "", field.notes].filter(Boolean).join(", ");
    return `  ${field.name.padEnd(width)}${field.type}${extra ? ` (${extra})` : ""}${field.description ? `: ${field.description}` : ""}`;
  });
  return `\n\nBody fields:\n${lines.join("\n")}`;
}

function commandNames(command: Command): string[] {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) names.unshift(current.name());
  return names;
}

export function buildProgram(list: readonly Endpoint[], io: CliIo): Command {
  const program = new Command("glow")
    .description("Glow Admin's system API from the command line. Reads GLOW_INSTANCE_URL and GLOW_TOKEN.")
    .addOption(new Option("--url <url>", "Glow Admin address (default: $GLOW_INSTANCE_URL)"))
    .addOption(new Option("--token <token>", "API token (default: $GLOW_TOKEN)"))
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `\nAll commands:\n${commandList(list)}\n\nEvery command takes --body '<json>' or --body-file <path|->; binary answers take --output <file|->.\nExit codes: 0 success, 1 the API answered an error (or could not be reached), 2 invalid usage or body.`,
    );
  for (const endpoint of list) {
    const words = commandPath(endpoint);
    const name = words.at(-1) ?? endpoint.command;
    // Intermediate words ("system", "emulation") are plain command groups shared by their endpoints.
    const parent = words.slice(0, -1).reduce<Command>((group, word) => {
      const found = group.commands.find((child) => child.name() === word);
      return found ?? group.command(word).description(`${[...commandNames(group), word].join(" ")} commands`);
    }, program);
    const leaf = parent
      .command(name)
      .summary(endpoint.summary)
      .description(
        `${endpoint.summary}\n\nPOST ${endpoint.path}, for ${endpoint.access.join(", ")}.\n\n${endpoint.description}${bodyFieldsHelp(endpoint)}`,
      )
      .option("--body <json>", "request body as JSON (default {})")
      .option("--body-file <path>", "read the JSON body from a file, or - for standard input");
    if (endpoint.binary) {
      leaf
        .option(
          "-o, --output <file>",
          "where to save the bytes (- for standard output; default: the server's file name, or standard output when piped)",
        )
        .option("--force", "overwrite --output if it exists");
    }
    if (endpoint.rawBody) {
      leaf
        .option("--file <path>", "the file to send; --body holds the other fields")
        .option("--content-type <type>", "the file's MIME type (default: from its extension)");
    }
    if (endpoint.events) {
      leaf
        .option("--json", "one JSON object per line even on a terminal (the default when piped)")
        .option("--last-event-id <id>", "resume after this event (the id of the last one received)");
    }
    leaf.action(async (options: LeafOptions, command: Command) => {
      const globals = command.optsWithGlobals<LeafOptions>();
      const body = await readBody(options, io);
      validateBody(endpoint, body, `glow ${words.join(" ")}`);
      if (endpoint.events) await watch(endpoint, body, connection(globals, io), options, io);
      else if (endpoint.rawBody) await uploadFile(endpoint, body, connection(globals, io), options, io);
      else await send(endpoint, body, connection(globals, io), options, io);
    });
  }
  return program;
}

/** Runs `glow` with `argv` (without node and the script) and answers the exit code. */
export async function runCli(argv: readonly string[], list: readonly Endpoint[], io: CliIo): Promise<number> {
  const program = buildProgram(list, io);
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    command.commands.forEach(configure);
  };
  configure(program);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCode.ok : exitCode.usage;
    if (error instanceof CliError) {
      io.stderr.write(`${error.message}\n`);
      return error.code;
    }
    io.stderr.write(`glow: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCode.apiError;
  }
}
