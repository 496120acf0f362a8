// POST /ingest/otlp/v1/traces: OTLP/HTTP JSON as OpenTelemetry exporters send it (client-safe).
// Only what the GenAI mapping reads is described; everything else an exporter sends is accepted
// and ignored, as an OTLP receiver must.
import { z } from "zod";

/**
 * OTLP's AnyValue (JSON encodes 64-bit integers as strings). Arrays and key-value lists nest further
 * AnyValues, read level by level (lib/ingest/otlp/map.ts) rather than described recursively, which
 * the OpenAPI document cannot show.
 */
export const anyValueSchema = z.looseObject({
  stringValue: z.string().optional(),
  boolValue: z.boolean().optional(),
  intValue: z.union([z.string(), z.number()]).optional(),
  doubleValue: z.number().optional(),
  arrayValue: z.looseObject({ values: z.array(z.unknown()).optional() }).optional(),
  kvlistValue: z.looseObject({ values: z.array(z.looseObject({ key: z.string(), value: z.unknown() })).optional() }).optional(),
  bytesValue: z.string().optional(),
});

const attributes = z.array(z.looseObject({ key: z.string(), value: anyValueSchema.optional() })).optional();
const nanos = z.union([z.string().regex(/^\d{1,20}$/, { error: "must be nanoseconds since the epoch" }), z.int().min(0)]);

export const otlpSpanSchema = z.looseObject({
  traceId: z.string().regex(/^[0-9a-fA-F]{32}$/, { error: "traceId must be 32 hex digits" }),
  spanId: z.string().regex(/^[0-9a-fA-F]{16}$/, { error: "spanId must be 16 hex digits" }),
  parentSpanId: z.string().optional(),
  name: z.string().max(1000).optional(),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos.optional(),
  attributes,
  status: z.looseObject({ code: z.union([z.int(), z.string()]).optional(), message: z.string().optional() }).optional(),
});
export type OtlpSpan = z.infer<typeof otlpSpanSchema>;

export const otlpTraceRequestSchema = z
  .looseObject({
    resourceSpans: z
      .array(
        z.looseObject({
          resource: z.looseObject({ attributes }).optional(),
          scopeSpans: z.array(z.looseObject({ spans: z.array(otlpSpanSchema).max(10_000).optional() })).optional(),
        }),
      )
      .max(1000),
  })
  .meta({
    id: "OtlpExportTraceServiceRequest",
    description: "OTLP/HTTP JSON (ExportTraceServiceRequest). GenAI inference spans become runs; see the README for the mapping.",
  });
export type OtlpTraceRequest = z.infer<typeof otlpTraceRequestSchema>;

export const otlpTraceResponseSchema = z
  .object({
    partialSuccess: z
      .object({
        rejectedSpans: z.int().min(0),
        errorMessage: z.string().meta({ description: "Why spans were rejected, one reason per span, by span id" }),
      })
      .optional(),
  })
  .meta({ id: "OtlpExportTraceServiceResponse", description: "OTLP's answer: partialSuccess when some spans were rejected" });
export type OtlpTraceResponse = z.infer<typeof otlpTraceResponseSchema>;
