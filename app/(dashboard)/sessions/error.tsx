"use client";

import { RouteError } from "@/components/ui/route-error";

export default function SessionsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="The sessions" {...props} />;
}
