-- CreateTable
CREATE TABLE "ingest_events" (
    "event_id" UUID NOT NULL,
    "token_id" UUID,
    "type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "ingest_events_received_at_idx" ON "ingest_events"("received_at");
