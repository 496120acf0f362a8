// The Range header of a download (RFC 9110 §14), for one representation of `size` bytes.
// Decisions: a missing, malformed or non-bytes Range is ignored (the whole file, 200), as RFC 9110
// allows; so is a request for several ranges (we never answer multipart/byteranges) and any Range
// on an empty file, which has no byte to point at. Only a well-formed single range that starts past
// the end (or a zero-length suffix) is unsatisfiable (416).

export type RangeDecision = { type: "full" } | { type: "partial"; start: number; end: number } | { type: "unsatisfiable" };

const full: RangeDecision = { type: "full" };

export function decideRange(header: string | null, size: number): RangeDecision {
  if (!header || size === 0) return full;
  const unit = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!unit?.[1]) return full;
  const specs = unit[1]
    .split(",")
    .map((spec) => spec.trim())
    .filter((spec) => spec !== "");
  if (specs.length !== 1 || !specs[0]) return full;
  const spec = specs[0];

  const suffix = /^-(\d+)$/.exec(spec);
  if (suffix?.[1]) {
    const length = Number(suffix[1]);
    if (length === 0) return { type: "unsatisfiable" };
    return { type: "partial", start: Math.max(0, size - length), end: size - 1 };
  }

  const bounded = /^(\d+)-(\d*)$/.exec(spec);
  if (!bounded?.[1]) return full;
  const start = Number(bounded[1]);
  const last = bounded[2] ? Number(bounded[2]) : Number.POSITIVE_INFINITY;
  if (last < start) return full; // an invalid range-spec: ignored like any malformed header
  if (start >= size) return { type: "unsatisfiable" };
  return { type: "partial", start, end: Math.min(last, size - 1) };
}
