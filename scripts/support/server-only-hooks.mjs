// Module hooks for scripts that run server code outside Next.js (the bench): "server-only" throws
// unless the react-server condition is on, but that condition also swaps React for its server
// build, which Next's route modules cannot load. Resolve the marker to its empty module instead.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const empty = pathToFileURL(
  createRequire(import.meta.url)
    .resolve("server-only")
    .replace(/index\.js$/, "empty.js"),
).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: empty, shortCircuit: true };
  return nextResolve(specifier, context);
}
