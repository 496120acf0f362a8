// CSV per RFC 4180 (CRLF, quotes doubled) with spreadsheet-formula injection neutralised as OWASP
// recommends: a text value that a spreadsheet would evaluate gets a leading apostrophe. That is one
// starting with = + - @ TAB or CR, also behind leading spaces or line breaks (spreadsheets trim
// them), and every element of an array cell on its own. A cell holding the array separator ";" is
// quoted, so a spreadsheet that splits on ";" (the default in many locales) cannot cut "ok;=1+1"
// into a second, live cell. JSONL keeps the raw values; only the CSV is meant for spreadsheets.

export type Cell = string | number | boolean | null | readonly string[];
export type ExportRow = Readonly<Record<string, Cell>>;

export const csvArraySeparator = ";";
const formulaStart = /^(?:[\t\r]|\s*[=+\-@])/;
const needsQuotes = /[",;\r\n]/;

/** Neutralises a text value that a spreadsheet would run as a formula. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null) return "";
  // Numbers and booleans come from the database's typed columns, so they cannot carry a formula.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? neutraliseFormula(value) : value.map(neutraliseFormula).join(csvArraySeparator);
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

/**
 * One JSON object per line, keys in column order. The keys' text is made once per column list: an
 * export writes millions of lines, and building an ordered object per row to stringify it was a
 * tenth of the export's CPU.
 */
export function jsonLineEncoder(columns: readonly string[]): (row: ExportRow) => string {
  const keys = columns.map((column, index) => `${index === 0 ? "{" : ","}${JSON.stringify(column)}:`);
  return (row) => {
    let line = "";
    for (let index = 0; index < columns.length; index++) {
      const value = row[columns[index] as string];
      line += (keys[index] as string) + (value === undefined || value === null ? "null" : JSON.stringify(value));
    }
    return `${line}}\n`;
  };
}

export function jsonLine(columns: readonly string[], row: ExportRow): string {
  return jsonLineEncoder(columns)(row);
}
