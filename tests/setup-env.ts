import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.GLOW_MEDIA_DIR = inject("mediaDir");
