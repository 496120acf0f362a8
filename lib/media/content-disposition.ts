// A Content-Disposition that cannot be used to inject headers, traverse paths or spoof a name: the
// stored original name is reduced to a plain file name, given as an ASCII fallback (`filename=`)
// and in full as RFC 5987/6266 UTF-8 (`filename*=`).

const maxNameLength = 180;

/** The original name reduced to something safe to save as: no directories, controls, quotes or reserved characters. */
export function safeFileName(originalName: string, fallback: string): string {
  const base = originalName.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    // C0/C1 controls (CR, LF, NUL, ...), bidirectional overrides that disguise extensions, and
    // characters that are quotes, separators or reserved on common file systems.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"<>:|?*;\\/]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const name = cleaned === "" ? fallback : cleaned;
  return truncateKeepingExtension(name, maxNameLength);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 12 ? name.slice(dot) : "";
  return [...name.slice(0, name.length - extension.length)].slice(0, max - [...extension].length).join("") + extension;
}

function asciiFallback(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|%/g, "_");
}

function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(type: "inline" | "attachment", originalName: string, fallback: string): string {
  const name = safeFileName(originalName, fallback);
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc5987(name)}`;
}
