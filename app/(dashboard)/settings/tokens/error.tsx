"use client";

import { RouteError } from "@/components/ui/route-error";

export default function TokensError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="The API tokens" {...props} />;
}
