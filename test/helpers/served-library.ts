// A temp SQLite store holding the support-desk example library (every skill active and approved),
// and an MCP client for `knack serve` tests that answers elicitation as told.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ElicitRequestSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { importLibrary, type SkillStore } from '../../src/store/index.js';
import { openTempStore } from './temp-sqlite-store.js';

export const LIBRARY_DIR = fileURLToPath(new URL('../../skills/library', import.meta.url));
export const DESK_PACK = fileURLToPath(new URL('../fixtures/serve/desk-pack.ts', import.meta.url));

export async function openServedLibrary(): Promise<{ store: SkillStore; url: string; dir: string }> {
  const temp = await openTempStore();
  await importLibrary({ store: temp.store, dir: LIBRARY_DIR });
  return temp;
}

export interface TestClient {
  client: Client;
  /** The elicitation messages the server sent, in order. */
  asked: string[];
  /** How many `notifications/tools/list_changed` arrived. */
  listChanges: () => number;
  /** Resolves at the next `list_changed`. */
  nextListChange: () => Promise<void>;
}

/** Connects an SDK client declaring elicitation; `answer` decides each elicitation. */
export async function connectTestClient(
  transport: Transport,
  answer: 'accept' | 'decline' = 'accept',
): Promise<TestClient> {
  const client = new Client({ name: 'knack-test', version: '1.0.0' }, { capabilities: { elicitation: {} } });
  const asked: string[] = [];
  let changes = 0;
  let waiters: (() => void)[] = [];
  client.setRequestHandler(ElicitRequestSchema, (request) => {
    asked.push(String(request.params.message));
    return answer === 'accept' ? { action: 'accept', content: {} } : { action: 'decline' };
  });
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
    changes++;
    const pending = waiters;
    waiters = [];
    for (const resolve of pending) resolve();
  });
  await client.connect(transport);
  return {
    client,
    asked,
    listChanges: () => changes,
    nextListChange: () => new Promise((resolve) => waiters.push(resolve)),
  };
}
