"use client";

import { RouteError } from "@/components/sessions/route-error";

export default function SessionsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="The sessions" {...props} />;
}
