// The app server's V8 heap limit, shared by `npm start`, the e2e server and the bench. Without one,
// V8 sizes the old generation by the machine's memory and lets garbage pile up while an export
// streams: the server went from 200 MB at rest to about 500 MB resident during an export of
// everything. With 256 MB it collects sooner and peaked at 299 MB at no measured cost in speed
// (export of the 10,000-session set, `npm run bench -- --only export`). Live data at rest is about
// 60 MB; GLOW_SERVER_HEAP_MB raises the limit for a server that needs more.

const defaultHeapMb = 256;
const minimumHeapMb = 128;

export function appServerHeapMb(value = process.env.GLOW_SERVER_HEAP_MB): number {
  if (value === undefined || value.trim() === "") return defaultHeapMb;
  const megabytes = Number(value);
  if (!Number.isInteger(megabytes) || megabytes < minimumHeapMb) {
    throw new Error(`GLOW_SERVER_HEAP_MB must be a whole number of megabytes, at least ${minimumHeapMb} (got "${value}").`);
  }
  return megabytes;
}

/** Node's own arguments for the app server process (before the script). */
export function appServerNodeArgs(): string[] {
  return [`--max-old-space-size=${appServerHeapMb()}`];
}
