import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as otlpPost } from "@/app/ingest/otlp/v1/traces/route";
import { POST as groupPost } from "@/app/system/group/route";
import { POST as createTokenPost } from "@/app/system/tokens/create/route";
import * as textRoute from "@/app/system/text_download/route";
import { getGroupResponse } from "@/lib/groups/schemas";
import { createTokenResponseSchema } from "@/lib/tokens/schemas";
import { createModelWithPrices } from "@/prisma/factories/models";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { nameBasedId } from "./map";
import { otlpTraceResponseSchema } from "./schemas";

let admin: TestActor;
let ta: TestActor;
let ingestToken: string;
let modelName: string;
/** The GenAI conventions' own example of a chat span with a tool call, as an exporter sends it. */
let fixture: string;

beforeAll(async () => {
  admin = await createActor("admin");
  ta = await createActor("ta");
  const made = await callJson(createTokenPost, "/system/tokens/create", { name: "otlp", scopes: ["ingest"] }, { token: admin.token });
  ingestToken = createTokenResponseSchema.parse(made).token;
  modelName = `gpt-4-${randomUUID().slice(0, 8)}`;
  const price = {
    effective_from: new Date("2020-01-01T00:00:00Z"),
    input_per_million: "30",
    cached_input_per_million: "15",
    output_per_million: "60",
  };
  await createModelWithPrices(db(), { name: modelName }, [price]);
  fixture = await readFile(path.join(import.meta.dirname, "fixtures/genai-chat-with-tool-call.json"), "utf8");
});

/** The fixture for this test: its own session, trace and TA, and the model this test priced. */
function traces(overrides: { session?: string; traceId?: string; model?: string; errorStatus?: boolean } = {}): unknown {
  const text = fixture
    .replaceAll('"gpt-4"', JSON.stringify(overrides.model ?? modelName))
    .replace("office-hours-2026-06-02-ada", overrides.session ?? `office-hours-${randomUUID()}`)
    .replaceAll("5b8aa5a2d2c872e8321cf37308d69df2", overrides.traceId ?? randomUUID().replaceAll("-", ""))
    .replace("00000000-0000-4000-8000-000000000000", ta.profile_id)
    .replace('"status": {}', overrides.errorStatus ? '"status": { "code": 2, "message": "rate limited" }' : '"status": {}');
  return JSON.parse(text);
}

const send = (body: unknown, token = ingestToken) => call(otlpPost, "/ingest/otlp/v1/traces", body, { token });

describe("POST /ingest/otlp/v1/traces", () => {
  it("turns the GenAI example span into a session, a group, a priced run and its messages, and a resent span changes nothing", async () => {
    const session = `office-hours-${randomUUID()}`;
    const traceId = randomUUID().replaceAll("-", "");
    const response = await send(traces({ session, traceId }));
    expect(response.status).toBe(200);
    expect(otlpTraceResponseSchema.parse(await response.json())).toEqual({});

    const sessionId = nameBasedId(`session:${session}`);
    const stored = await db().session.findUniqueOrThrow({ where: { id: sessionId }, include: { groups: { include: { runs: true } } } });
    expect(stored.profile_id).toBe(ta.profile_id);
    expect(stored.groups).toHaveLength(1);
    const [run] = stored.groups[0]!.runs;
    expect(run).toMatchObject({ status: "succeeded", finish_reason: "stop", input_tokens: 97, output_tokens: 52, duration_ms: 1850 });
    expect(run?.created_at.toISOString()).toBe("2026-06-02T10:00:00.000Z");
    // 97 × $30 + 52 × $60 per million tokens.
    expect(run?.cost.toFixed()).toBe("0.00603");
    // Only the inference span is a run; the execute_tool span is not.
    expect(stored.groups[0]!.runs).toHaveLength(1);

    const group = getGroupResponse.parse(
      await callJson(groupPost, "/system/group", { group_id: stored.groups[0]!.id, include_detail: true }, { token: admin.token }),
    );
    const messages = group.runs?.[0]?.messages ?? [];
    expect(messages.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool", "assistant"]);
    const texts = await Promise.all(
      messages.map(async (message) => {
        const uploadId = message.text_upload_ids[0];
        if (!uploadId) return null;
        const download = await textRoute.GET(
          new Request(`http://glow.test/system/text_download?text_upload_id=${uploadId}`, { headers: { Authorization: `Bearer ${admin.token}` } }),
        );
        return download.text();
      }),
    );
    expect(texts).toEqual([
      "You are an assistant for frequent travelers.",
      "Weather in Paris?",
      null,
      "rainy, 57°F",
      "The weather in Paris is currently rainy with a temperature of 57°F.",
    ]);
    expect(messages.flatMap((message) => message.calls.map((toolCall) => toolCall.template_name))).toEqual(["get_weather"]);
    const agent = await db().agent.findUniqueOrThrow({ where: { id: run!.agent_id } });
    expect(agent).toMatchObject({ name: "office-hours-assistant", kind: "assistant" });

    // An exporter retrying the same spans: accepted, and nothing is counted twice.
    const again = await send(traces({ session, traceId }));
    expect(await again.json()).toEqual({});
    expect(await db().run.count({ where: { group: { session_id: sessionId } } })).toBe(1);
    expect(await db().message.count({ where: { run_id: run!.id } })).toBe(5);
  });

  it("records a span that ended in error as a failed run, and names the spans it cannot take", async () => {
    const session = `office-hours-${randomUUID()}`;
    const failed = await send(traces({ session, errorStatus: true }));
    expect(await failed.json()).toEqual({});
    const run = await db().run.findFirstOrThrow({ where: { group: { session_id: nameBasedId(`session:${session}`) } } });
    expect(run).toMatchObject({ status: "failed", finish_reason: "error", error: "rate limited" });

    const unknownModel = await send(traces({ model: "a-model-glow-has-no-price-for" }));
    const answer = otlpTraceResponseSchema.parse(await unknownModel.json());
    expect(answer.partialSuccess).toMatchObject({
      rejectedSpans: 1,
      errorMessage: expect.stringContaining("no model named a-model-glow-has-no-price-for"),
    });

    const strangerSession = JSON.parse(JSON.stringify(traces()).replace(ta.profile_id, randomUUID())) as unknown;
    const stranger = otlpTraceResponseSchema.parse(await (await send(strangerSession)).json());
    expect(stranger.partialSuccess).toMatchObject({ rejectedSpans: 1, errorMessage: expect.stringMatching(/profile_id no profile/) });
  });

  it("takes JSON only, and only from a token with the ingest scope", async () => {
    const protobuf = await call(otlpPost, "/ingest/otlp/v1/traces", undefined, {
      token: ingestToken,
      rawBody: "\u0000\u0001",
      headers: { "Content-Type": "application/x-protobuf" },
    });
    expect(protobuf.status).toBe(415);
    expect((await send(traces(), admin.token)).status).toBe(403);
    const malformed = await send({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "nope", spanId: "x", startTimeUnixNano: "1" }] }] }] });
    expect(malformed.status).toBe(400);
  });
});
