"use client";

import { RouteError } from "@/components/ui/route-error";

export default function ActivityError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="Activity" error={error} reset={reset} />;
}
