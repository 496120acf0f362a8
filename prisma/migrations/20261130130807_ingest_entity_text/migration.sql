-- AlterTable
ALTER TABLE "ingest_events" ALTER COLUMN "entity_id" SET DATA TYPE TEXT;
