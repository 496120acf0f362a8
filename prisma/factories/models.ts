// Agents, models and their price history.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgentKind } from "@/lib/generated/prisma/enums";
import { newId, uniqueToken } from "./ids.ts";
import type { Db } from "./people.ts";

export type AgentRow = Prisma.AgentCreateManyInput & { id: string; kind: AgentKind };
export type ModelRow = Prisma.ModelCreateManyInput & { id: string };

/** One price period; prices are per million tokens, as decimal strings (at most 6 decimals). */
export interface PriceRow {
  id: string;
  model_id: string;
  effective_from: Date;
  input_per_million: string;
  cached_input_per_million: string;
  output_per_million: string;
  currency: string;
}

export function buildAgent(overrides: Partial<AgentRow> = {}): AgentRow {
  const token = uniqueToken();
  return {
    id: newId(),
    name: `Test persona ${token}`,
    kind: "student_persona",
    description: "A simulated student created by a test",
    ...overrides,
  };
}

export async function createAgent(db: Db, overrides: Partial<AgentRow> = {}) {
  return db.agent.create({ data: buildAgent(overrides) });
}

export function buildModel(overrides: Partial<ModelRow> = {}): ModelRow {
  return { id: newId(), name: `test-model-${uniqueToken()}`, provider: "test", ...overrides };
}

export type PriceInput = Omit<PriceRow, "id" | "model_id" | "currency"> & Partial<Pick<PriceRow, "id" | "currency">>;

export function buildPrice(modelId: string, price: PriceInput): PriceRow {
  return { id: newId(), model_id: modelId, currency: "USD", ...price };
}

/** A model with one price from 2000-01-01 unless `prices` gives its history. */
export async function createModelWithPrices(
  db: Db,
  overrides: Partial<ModelRow> = {},
  prices: readonly PriceInput[] = [
    {
      effective_from: new Date("2000-01-01T00:00:00Z"),
      input_per_million: "2.50",
      cached_input_per_million: "1.25",
      output_per_million: "10.00",
    },
  ],
) {
  const model = await db.model.create({ data: buildModel(overrides) });
  const rows = prices.map((price) => buildPrice(model.id, price));
  await db.modelPrice.createMany({ data: rows });
  return { model, prices: rows };
}
