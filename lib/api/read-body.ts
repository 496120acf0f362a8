import { ApiError } from "./errors";

export const maxBodyBytes = Number(process.env.GLOW_MAX_BODY_BYTES ?? 64 * 1024);

/**
 * The request's JSON body, read with a size cap (413 past it). No body at all means `{}`, so
 * `glow system activity` with no --body asks for everything, as the spec says.
 */
export async function readJsonBody(request: Request, limit = maxBodyBytes): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  if (contentType && !/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return {};

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks)).trim();
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.", [{ field: "", message: "not valid JSON" }]);
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError("payload_too_large", `The request body is larger than ${limit} bytes.`);
}
