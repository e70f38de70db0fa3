import { KnackError } from '../../core/index.js';
import type { Limits, ToolPack } from '../../sandbox/index.js';
import type { SkillStore } from '../store/index.js';
import { openSkillCatalog, type SkillExposure } from './_skill-catalog.js';
import type { SessionContext } from './_skill-session.js';
import type { ServePolicy } from './serve-policy.js';
import { mayServe, resolveMaturityPolicy, type MaturityPolicy } from '../maturity-policy.js';
import { packageVersion } from '../package-version.js';

/** Options of `createSkillServer`. */
export interface CreateSkillServerOptions {
  /** The library to serve. The server reads it; runs add to its reliability figures and reports. */
  store: SkillStore;
  /** The real tools the skills call (one pack for the server's life); each skill reaches only its permissions. */
  tools: ToolPack;
  /**
   * Served skills also listed as MCP tools of their own: `'none'`, `'all'`, or `{ top: N }` (the
   * N most-run). @default 'none' (only search_skills, get_skill, run_skill, report_outcome)
   */
  expose?: SkillExposure;
  /**
   * `'destructive'`: a skill's call to a tool not marked read-only (nor `destructiveHint: false`)
   * in the pack's manifest first asks the client's user (MCP elicitation); a refusal, or a client
   * that cannot ask, ends the run with `DECLINED`. @default 'none'
   */
  confirm?: 'none' | 'destructive';
  /**
   * The maturity policy deciding which versions may be listed and run (`mayServe`): reviewed,
   * active versions at least `serveAtLeast` mature. @default every reviewed, active version
   */
  maturity?: MaturityPolicy;
  /** Replaces the maturity rule with a function of your own. @default (skill) => mayServe(skill, maturity) */
  policy?: ServePolicy;
  /**
   * Bounds of each run. With `confirm: 'destructive'` the wait for the user counts in `timeoutMs`.
   * @default the sandbox defaults (5 s), or a 120 s `timeoutMs` with `confirm: 'destructive'`
   */
  limits?: Limits;
  /** How often the store's change feed is read, in ms. @default 500 */
  watchIntervalMs?: number;
  /** Called with errors that end nothing (a failed change-feed read). @default dropped */
  onError?: (error: unknown) => void;
}

/** Shared state of a server's sessions, with its closer. */
export interface ServeContext extends SessionContext {
  close(): void;
}

function checkOptions(options: CreateSkillServerOptions): void {
  const fail = (field: string, message: string): never => {
    throw new KnackError('INVALID_ARGUMENT', `createSkillServer: ${message}`, { where: { field } });
  };
  if (typeof options?.store?.get !== 'function') fail('store', '`store` must be a store from openStore().');
  if (!Array.isArray(options.tools?.manifest) || !(options.tools.handlers instanceof Map))
    fail('tools', '`tools` must be a ToolPack (defineTools, connectMcpToolPack, ...).');
  const { expose = 'none', confirm = 'none', policy } = options;
  const isTop =
    typeof expose === 'object' && expose !== null && Number.isInteger(expose.top) && expose.top > 0;
  if (expose !== 'none' && expose !== 'all' && !isTop)
    fail(
      'expose',
      `\`expose\` is 'none', 'all' or { top: N } with N a positive integer, got ${JSON.stringify(expose)}.`,
    );
  if (confirm !== 'none' && confirm !== 'destructive')
    fail('confirm', `\`confirm\` is 'none' or 'destructive', got ${JSON.stringify(confirm)}.`);
  if (policy !== undefined && typeof policy !== 'function') fail('policy', '`policy` must be a function.');
  if (options.maturity !== undefined) resolveMaturityPolicy(options.maturity);
}

/** Validates options, loads the MCP SDK and the served skills, and starts watching the store. */
export async function openServeContext(options: CreateSkillServerOptions): Promise<ServeContext> {
  checkOptions(options);
  const [server, types] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/index.js'),
    import('@modelcontextprotocol/sdk/types.js'),
  ]);
  const maturity = options.maturity ?? {};
  const policy = options.policy ?? ((skill) => mayServe(skill, maturity));
  const confirm = options.confirm ?? 'none';
  const catalog = await openSkillCatalog({
    store: options.store,
    policy,
    expose: options.expose ?? 'none',
    watchIntervalMs: options.watchIntervalMs ?? 500,
    onError: options.onError ?? (() => undefined),
  });
  const limits = options.limits ?? (confirm === 'destructive' ? { timeoutMs: 120_000 } : undefined);
  return {
    store: options.store,
    catalog,
    tools: options.tools,
    policy,
    confirm,
    ...(limits ? { limits } : {}),
    serverVersion: packageVersion(),
    sdk: { server, types },
    close: () => catalog.close(),
  };
}
