"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { ApiCallError, callEndpoint } from "@/lib/contract/api-client";
import type { Endpoint } from "@/lib/contract/endpoint";

export type FieldErrors = Record<string, string>;

interface ApiFailure {
  message: string;
  /** By top-level body field ("scoped_department_ids.2" counts as scoped_department_ids). */
  fields: FieldErrors;
}

/**
 * Calls one of the settings endpoints (/system/users/*, /system/tokens/*) with the session cookie. On
 * success the server components re-render (router.refresh), so the table shows the change; failures
 * keep the API's message and its per-field issues for the form.
 */
export function useSettingsMutation<Body extends z.ZodType, Result extends z.ZodType>(endpoint: Endpoint<Body, Result>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  async function send(body: z.input<Body>): Promise<z.output<Result> | null> {
    setPending(true);
    setFailure(null);
    try {
      const answer = await callEndpoint(endpoint, body);
      router.refresh();
      return answer;
    } catch (error) {
      const failed = error instanceof ApiCallError ? error : new ApiCallError("The answer could not be read.", 0);
      setFailure({ message: failed.message, fields: failed.fieldErrors });
      return null;
    } finally {
      setPending(false);
    }
  }

  return { send, pending, failure, reset: () => setFailure(null) };
}
