// Test helpers: read an export ZIP back (yauzl, validating entry sizes and CRCs) and parse its CSV.
import { buffer } from "node:stream/consumers";
import yauzl from "yauzl";

export interface ZipEntries {
  /** Entry names in archive order. */
  names: string[];
  files: Map<string, Buffer>;
}

export async function readZip(bytes: Buffer): Promise<ZipEntries> {
  const zipfile = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  const names: string[] = [];
  const files = new Map<string, Buffer>();
  for await (const entry of zipfile.eachEntry()) {
    names.push(entry.fileName);
    files.set(entry.fileName, await buffer(await zipfile.openReadStreamPromise(entry)));
  }
  return { names, files };
}

/** RFC 4180: CRLF records, quoted fields with doubled quotes; returns the rows including the header. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || row.length > 0) throw new Error("CSV does not end with CRLF");
  return rows;
}

/** A CSV file as objects keyed by its header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error("CSV has no header row");
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

export function jsonlRecords(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
