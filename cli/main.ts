// The `glow` entry point (bin/glow.mjs runs it through tsx).
import { endpoints } from "@/lib/contract/endpoints";
import { processIo } from "./io";
import { runCli } from "./program";

process.exitCode = await runCli(process.argv.slice(2), endpoints, processIo());
