"use client";

import { RouteError } from "@/components/sessions/route-error";

export default function ProblemsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="The problems" {...props} />;
}
