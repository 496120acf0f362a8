import { createModelWithPrices } from "@/prisma/factories/models.ts";
import { e2eDb } from "./database";

/**
 * One model per name for the whole run: models are global (every dashboard lists them), so a fresh
 * one per test would crowd the shared database's charts. Two workers may race to create it; the
 * loser reads the winner's.
 */
export async function sharedModel(name: string) {
  const db = await e2eDb();
  const existing = await db.model.findUnique({ where: { name } });
  if (existing) return existing;
  try {
    return (await createModelWithPrices(db, { name })).model;
  } catch {
    return db.model.findUniqueOrThrow({ where: { name } });
  }
}
