import "server-only";
// Writes one export into a ZipWriter: per entity a JSONL file streamed straight into the ZIP while
// the same rows go to a CSV spill file on disk, which follows as the next entry (one database pass,
// and a ZIP cannot interleave two entries); then the media; manifest.json last, with the counts.
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { csvHeader, csvRow, jsonLineEncoder } from "./csv";
import { entityDefinitions, type EntityDefinitions } from "./entities";
import type { ExportContext } from "./entity";
import { keysetBatches } from "./keyset";
import { uploadsAfter } from "./entities-runs";
import { mediaPath } from "./media";
import type { ExportScope } from "./scope";
import type { ExportEntityName, ExportFile, ExportManifest } from "./schemas";
import type { ZipWriter } from "./zip-writer";

// Each page is one planned statement (2-3 ms of planning): larger pages amortise it.
const defaultBatchSize = 2000;
// Media a deflate pass would not shrink: store it as is and save the CPU.
const compressedKinds = new Set(["audio", "image", "video"]);

export type ManifestHeader = Omit<ExportManifest, "completed_at" | "counts" | "files" | "missing_media">;

export async function writeExport(
  zip: ZipWriter,
  ctx: ExportContext,
  scope: ExportScope,
  entities: readonly ExportEntityName[],
  header: ManifestHeader,
): Promise<ExportManifest> {
  const files: ExportFile[] = [];
  const counts: Partial<Record<ExportEntityName, number>> = {};
  const spillDir = await mkdtemp(path.join(os.tmpdir(), "glow-export-"));
  try {
    for (const entity of entities) {
      const written = await writeEntity(zip, ctx, scope, entity, spillDir);
      counts[entity] = written.rows;
      files.push(...written.files);
    }
    if (ctx.includeMedia) files.push(...(await writeMedia(zip, ctx, scope)));
  } finally {
    await rm(spillDir, { recursive: true, force: true });
  }
  const manifest: ExportManifest = {
    ...header,
    completed_at: new Date().toISOString(),
    counts,
    files,
    missing_media: [...ctx.missingMedia],
  };
  await zip.add("manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  await zip.finish();
  return manifest;
}

async function writeEntity<K extends ExportEntityName>(zip: ZipWriter, ctx: ExportContext, scope: ExportScope, entity: K, spillDir: string) {
  const definition: EntityDefinitions[K] = entityDefinitions[entity];
  const scoped = scope[entity];
  if (scoped === null) throw new Error(`${entity} is not part of this export`);
  // TypeScript does not narrow an indexed access on a generic key; the check above is the narrowing.
  const where = scoped as NonNullable<ExportScope[K]>;
  const { columns } = definition;
  // A temporary file: the marker keeps Next's build from tracing project CSVs as this one (scripts/build-trace.test.ts).
  const csvPath = path.join(/* turbopackIgnore: true */ spillDir, `${entity}.csv`);
  const csv = createWriteStream(csvPath);
  const jsonLine = jsonLineEncoder(columns);
  let rows = 0;

  async function* jsonl(): AsyncGenerator<Buffer> {
    try {
      await write(csv, csvHeader(columns));
      const batches = keysetBatches((afterId, take) => definition.fetch(ctx, where, afterId, take), definition.batchSize ?? defaultBatchSize);
      for await (const batch of batches) {
        let jsonText = "";
        let csvText = "";
        for (const row of batch) {
          jsonText += jsonLine(row);
          csvText += csvRow(columns, row);
        }
        rows += batch.length;
        await write(csv, csvText);
        yield Buffer.from(jsonText);
      }
      csv.end();
      await once(csv, "close");
    } finally {
      csv.destroy();
    }
  }

  const jsonlEntry = await zip.add(`${entity}.jsonl`, Readable.from(jsonl(), { objectMode: false }));
  const csvEntry = await zip.add(`${entity}.csv`, createReadStream(csvPath));
  await rm(csvPath, { force: true });
  return {
    rows,
    files: [
      { path: `${entity}.jsonl`, entity, format: "jsonl" as const, rows, ...jsonlEntry },
      { path: `${entity}.csv`, entity, format: "csv" as const, rows, ...csvEntry },
    ],
  };
}

async function writeMedia(zip: ZipWriter, ctx: ExportContext, scope: ExportScope): Promise<ExportFile[]> {
  const files: ExportFile[] = [];
  const uploads = keysetBatches(
    (afterId, take) =>
      ctx.db.upload.findMany({
        where: uploadsAfter(scope.uploads.where, afterId),
        orderBy: { id: "asc" },
        take,
        select: { id: true, kind: true, original_name: true, storage_key: true },
      }),
    defaultBatchSize,
  );
  for await (const batch of uploads) {
    for (const upload of batch) {
      if (ctx.missingMedia.has(upload.id)) continue;
      if ((await ctx.store.size(upload.storage_key)) === null) {
        ctx.missingMedia.add(upload.id);
        continue;
      }
      const entryPath = mediaPath(upload);
      const written = await zip.add(entryPath, await ctx.store.read(upload.storage_key), { compress: !compressedKinds.has(upload.kind) });
      files.push({ path: entryPath, entity: null, format: "media", rows: null, ...written });
    }
  }
  return files;
}

/** Writes to the spill file, waiting for it to drain so a slow disk cannot pile up batches in memory. */
async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}
