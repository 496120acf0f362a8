import { defineEndpoint } from "@/lib/contract/endpoint";
import { getAgentRequest, getAgentResponse, listAgentsRequest, listAgentsResponse } from "./schemas";

export const listAgentsEndpoint = defineEndpoint({
  command: "agents",
  path: "/system/agents",
  summary: "Every agent (student personas, graders, coaches) with its sessions, runs, tokens, exact cost, response time and error rate",
  description:
    "date_from/date_to window the runs' created_at; department_ids and roles filter the session owner's profile (a coordinator's usage is within their departments, a TA's is their own); model_ids the run's model. A session counts once per agent, on the day of that agent's first run in it. Sorted by sort_by (default total_cost) and sort_order (default desc), ties by name; paginated like every list.",
  tag: "Agents",
  body: listAgentsRequest,
  response: listAgentsResponse,
  access: ["admin", "coordinator", "ta"],
});

export const getAgentEndpoint = defineEndpoint({
  command: "agent",
  path: "/system/agent",
  summary: "One agent: its versions (prompt, model and temperature as stored), its usage per day, and a page of its sessions",
  description:
    "The usage filters are those of /system/agents. sessions takes every /system/sessions field and answers that list restricted to the sessions the agent ran in (audited as a session list read). An unknown agent answers 200 with agent_exists: false. TAs see the versions without their prompts.",
  tag: "Agents",
  body: getAgentRequest,
  response: getAgentResponse,
  access: ["admin", "coordinator", "ta"],
});
