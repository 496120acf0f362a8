// CSV per RFC 4180 (CRLF, quotes doubled) with spreadsheet-formula injection neutralised: a text
// cell that a spreadsheet would evaluate (= + - @ TAB CR first) gets a leading apostrophe, as
// OWASP recommends. JSONL keeps the raw values; only the CSV is meant for spreadsheets.

export type Cell = string | number | boolean | null | readonly string[];
export type ExportRow = Readonly<Record<string, Cell>>;

export const csvArraySeparator = ";";
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** Neutralises a text value that a spreadsheet would run as a formula. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null) return "";
  // Numbers and booleans come from the database's typed columns, so they cannot carry a formula.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = neutraliseFormula(typeof value === "string" ? value : value.join(csvArraySeparator));
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function csvHeader(columns: readonly string[]): string {
  return csvLine(columns);
}

export function csvRow(columns: readonly string[], row: ExportRow): string {
  return csvLine(columns.map((column) => row[column] ?? null));
}

/** One JSON object per line, keys in column order. */
export function jsonLine(columns: readonly string[], row: ExportRow): string {
  const ordered: Record<string, Cell> = {};
  for (const column of columns) ordered[column] = row[column] ?? null;
  return `${JSON.stringify(ordered)}\n`;
}
