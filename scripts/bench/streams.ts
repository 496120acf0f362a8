// The two streamed downloads the issue times: the export of everything (first byte, rows per second
// and the server's peak memory) and a TA's access history (first byte and total).
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import yauzl from "yauzl";
import type { BenchServer } from "./server.ts";

export interface StreamResult {
  firstByteMs: number;
  totalMs: number;
  bytes: number;
}

async function download(url: string, init: RequestInit, file: string, stopAfterMs?: number): Promise<StreamResult & { stopped: boolean }> {
  const started = performance.now();
  const abort = new AbortController();
  const timer = stopAfterMs === undefined ? undefined : setTimeout(() => abort.abort(), stopAfterMs);
  let firstByteMs = Number.NaN;
  let bytes = 0;
  try {
    const response = await fetch(url, { ...init, signal: abort.signal });
    if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    body.on("data", (chunk: Buffer) => {
      if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
      bytes += chunk.length;
    });
    await pipeline(body, createWriteStream(file));
    return { firstByteMs, totalMs: performance.now() - started, bytes, stopped: false };
  } catch (error) {
    if (!abort.signal.aborted) throw error;
    return { firstByteMs, totalMs: performance.now() - started, bytes, stopped: true };
  } finally {
    clearTimeout(timer);
  }
}

async function manifestRows(file: string): Promise<number> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== "manifest.json") continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const manifest = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { counts: Record<string, number> };
      return Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
    }
    throw new Error("the export has no manifest.json");
  } finally {
    zip.close();
  }
}

export interface ExportResult extends StreamResult {
  /** Rows written, from the manifest; null when the download was stopped before the end. */
  rows: number | null;
  rowsPerSecond: number | null;
  /** The server's resident memory just before the export began, and its peak while it ran. */
  startRssBytes: number;
  peakRssBytes: number;
}

/**
 * The export of everything as the admin; the server's resident memory is sampled while it streams.
 * With stopAfterMs the download is cut there (a full export of a million sessions takes hours):
 * first byte, bytes and peak memory so far are still measured, rows are not.
 */
export async function measureExport(server: BenchServer, token: string, stopAfterMs?: number): Promise<ExportResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "glow-bench-export-"));
  const start = server.rss();
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rss());
  }, 50);
  try {
    const file = path.join(dir, "export.zip");
    const { stopped, ...result } = await download(
      `${server.url}/system/export`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ purpose: "npm run bench" }),
      },
      file,
      stopAfterMs,
    );
    clearInterval(sampler);
    peak = Math.max(peak, server.peakRss());
    const rows = stopped ? null : await manifestRows(file);
    return { ...result, rows, rowsPerSecond: rows === null ? null : rows / (result.totalMs / 1000), startRssBytes: start, peakRssBytes: peak };
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measureAccessHistory(server: BenchServer, token: string, profileId: string): Promise<StreamResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "glow-bench-history-"));
  try {
    return await download(
      `${server.url}/system/audit/access_history`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ profile_id: profileId, purpose: "npm run bench" }),
      },
      path.join(dir, "history.csv"),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
