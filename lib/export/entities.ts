import "server-only";
// Every exported entity by name, typed so that each definition takes the scope's filter of the same name.
import type { EntityDefinition } from "./entity";
import { emulationsEntity, grantsEntity, loginsEntity, profilesEntity } from "./entities-people";
import { messagesEntity, runsEntity, toolCallsEntity, uploadsEntity } from "./entities-runs";
import { attemptsEntity, chatsEntity, groupsEntity, problemsEntity, sessionsEntity } from "./entities-sessions";
import type { ExportScope } from "./scope";
import type { ExportEntityName } from "./schemas";

export type EntityDefinitions = { [K in ExportEntityName]: EntityDefinition<NonNullable<ExportScope[K]>> };

export const entityDefinitions: EntityDefinitions = {
  profiles: profilesEntity,
  sessions: sessionsEntity,
  chats: chatsEntity,
  attempts: attemptsEntity,
  groups: groupsEntity,
  runs: runsEntity,
  messages: messagesEntity,
  uploads: uploadsEntity,
  tool_calls: toolCallsEntity,
  problems: problemsEntity,
  logins: loginsEntity,
  emulations: emulationsEntity,
  grants: grantsEntity,
};
