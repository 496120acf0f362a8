-- Why a run stopped (issue 13, steps). Runs recorded before keep null: their reason was never sent,
-- and rewriting millions of runs would recount their groups' summaries for nothing exact.
-- CreateEnum
CREATE TYPE "FinishReason" AS ENUM ('stop', 'length', 'tool_calls', 'content_filter', 'error', 'cancelled');

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "finish_reason" "FinishReason";
