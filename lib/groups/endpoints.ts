import { defineEndpoint } from "@/lib/contract/endpoint";
import { getGroupRequest, getGroupResponse, listGroupsRequest, listGroupsResponse, pricingRequest, pricingResponse } from "./schemas";

export const getGroupEndpoint = defineEndpoint({
  command: "group",
  path: "/system/group",
  summary: "One generation group: lean identity, or the full tree of runs and messages",
  description:
    "Lean by default: the group's identity (name, session, profile, creation time), cheap enough for audit linking. With include_detail: true also the runs and their messages, paged with message_limit/message_offset across runs in (run.created_at, run.id, message.position) order; `runs` lists each run with messages in the window (only those messages) and the empty runs the window holds (an empty run is listed on the page of the message after it, trailing ones on the last page), plus the models, agents, profiles and uploads they reference. A missing or out-of-scope group answers 200 with group_exists: false and null identity fields. The audit row of a detail read lists the uploads it returned; downloading them within the hour adds no row of its own.",
  tag: "Groups",
  body: getGroupRequest,
  response: getGroupResponse,
  access: ["admin", "coordinator", "ta"],
  auditRead: {
    entry: (request) => ({
      action: request.include_detail ? "group.read" : "group.resolve",
      target_type: "group",
      target_id: request.group_id,
    }),
    disclosed: (answer) => answer.group_exists,
    offeredUploads: (answer) => answer.uploads?.map((upload) => upload.upload_id) ?? [],
  },
});

export const listGroupsEndpoint = defineEndpoint({
  command: "groups",
  path: "/system/groups",
  summary: "Paginated generation groups with their run counts, tokens, cost and models",
  description:
    "The Pricing page's group history. date_from/date_to window the group's created_at; department_ids and roles filter the session owner's profile; model_ids keeps groups with at least one run on one of the models (totals still cover all the group's runs). total_tokens = input_tokens + output_tokens (cached input tokens are part of input_tokens). Sorted by sort_by (default last_run_at) and sort_order (default desc), ties broken by group_id; groups without runs sort last by first_run_at/last_run_at either way.",
  tag: "Groups",
  body: listGroupsRequest,
  response: listGroupsResponse,
  access: ["admin", "coordinator", "ta"],
});

export const pricingEndpoint = defineEndpoint({
  command: "pricing",
  path: "/system/pricing",
  summary: "Model prices and the cost of runs by model and by month",
  description:
    "Every model with its price history, and the exact cost, tokens and run count of the runs you may see, by model and by UTC month. date_from/date_to window the run's created_at; department_ids and roles filter the session owner's profile. Without a window the totals equal the sum of /system/groups' total_cost over the same filters.",
  tag: "Groups",
  body: pricingRequest,
  response: pricingResponse,
  access: ["admin", "coordinator", "ta"],
});
