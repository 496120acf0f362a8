"use client";

import { RouteError } from "@/components/ui/route-error";

export default function ProblemsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="The problems" {...props} />;
}
