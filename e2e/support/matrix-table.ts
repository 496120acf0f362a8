// The authorization matrix is written as aligned text tables, one row per question: the first
// column names what is asked, the second the object (A, B or -), then one outcome per caller.

export type ObjectName = "A" | "B" | "-";

export interface MatrixRow<Caller extends string, Outcome extends string> {
  subject: string;
  object: ObjectName;
  expected: Record<Caller, Outcome>;
}

/** Parses a table whose header must list exactly `callers`, in order; a malformed row throws. */
export function parseMatrix<Caller extends string, Outcome extends string>(text: string, callers: readonly Caller[]): MatrixRow<Caller, Outcome>[] {
  const [header, ...lines] = text
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/));
  const callerColumns = header?.slice(2) ?? [];
  if (callerColumns.join(" ") !== callers.join(" ")) throw new Error(`matrix columns are ${callerColumns.join(" ")}, not ${callers.join(" ")}`);
  return lines.map((cells) => {
    const [subject = "", object = "", ...outcomes] = cells;
    if (!["A", "B", "-"].includes(object) || outcomes.length !== callers.length) throw new Error(`bad matrix row: ${cells.join(" ")}`);
    const expected = Object.fromEntries(callers.map((caller, i) => [caller, outcomes[i]])) as Record<Caller, Outcome>;
    return { subject, object: object as ObjectName, expected };
  });
}
