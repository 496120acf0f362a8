"use client";

import { RouteError } from "@/components/ui/route-error";

export default function AuditError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="The audit log" {...props} />;
}
