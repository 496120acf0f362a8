-- AlterTable
ALTER TABLE "profiles" ADD COLUMN     "invite_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "invite_token_hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "profiles_invite_token_hash_key" ON "profiles"("invite_token_hash");
