// The demo admin's password and API token are made on this machine (never committed), kept in
// .data/demo-credentials.json so every `npm start` can print them, and re-made when the database
// no longer accepts them (a fresh database, another DATABASE_URL).
import { existsSync } from "node:fs";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db/client";
import { generateApiToken, hashApiToken } from "@/lib/auth/api-token";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { dataDir } from "./db/database.ts";

export const demoAdminEmail = "admin@glow.example";
const demoTokenName = "npm start demo token";
const credentialsFile = path.join(dataDir, "demo-credentials.json");

const storedCredentials = z.object({ password: z.string(), token: z.string() });
export type DemoCredentials = z.infer<typeof storedCredentials> & { email: string };

export async function ensureDemoCredentials(databaseUrl: string): Promise<DemoCredentials | null> {
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    const admin = await prisma.profile.findUnique({ where: { email: demoAdminEmail } });
    if (!admin) return null;
    const saved = existsSync(credentialsFile) ? storedCredentials.safeParse(JSON.parse(await readFile(credentialsFile, "utf8"))) : null;
    if (saved?.success) {
      const tokenRow = await prisma.apiToken.findUnique({ where: { token_hash: hashApiToken(saved.data.token) } });
      const passwordOk = admin.password_hash ? await verifyPassword(saved.data.password, admin.password_hash) : false;
      if (tokenRow && !tokenRow.revoked_at && tokenRow.profile_id === admin.id && passwordOk) {
        return { email: demoAdminEmail, ...saved.data };
      }
    }
    const password = randomBytes(9).toString("base64url");
    const token = generateApiToken();
    await prisma.$transaction([
      prisma.profile.update({ where: { id: admin.id }, data: { password_hash: await hashPassword(password) } }),
      prisma.apiToken.updateMany({
        where: { profile_id: admin.id, name: demoTokenName, revoked_at: null },
        data: { revoked_at: new Date() },
      }),
      prisma.apiToken.create({
        data: { profile_id: admin.id, name: demoTokenName, token_hash: token.token_hash, token_prefix: token.token_prefix },
      }),
    ]);
    await mkdir(dataDir, { recursive: true });
    await writeFile(credentialsFile, JSON.stringify({ password, token: token.token }, null, 2), { mode: 0o600 });
    return { email: demoAdminEmail, password, token: token.token };
  } finally {
    await prisma.$disconnect();
  }
}
