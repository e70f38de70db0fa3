import type { CAC } from 'cac';
import type { SkillExposure } from '../../serve/index.js';
import type { Maturity } from '../../store/index.js';
import { log, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

interface ServeFlags extends StoreFlags {
  tools?: string | string[];
  http?: number | string;
  host?: string;
  token?: string;
  expose?: string;
  confirm?: string;
  serveAtLeast?: string;
  timeoutMs?: number | string;
}

function parseExpose(text: string | undefined): SkillExposure {
  if (text === undefined || text === 'none') return 'none';
  if (text === 'all') return 'all';
  const match = /^top:(\d+)$/.exec(text);
  if (match && Number(match[1]) > 0) return { top: Number(match[1]) };
  return usageError(`--expose is top:N (N > 0), all or none; got \`${text}\`.`);
}

function parsePort(text: number | string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    usageError(`--http takes a port number (0-65535; 0 picks a free one), got \`${String(text)}\`.`);
  return port;
}

// Resolves when the process is asked to stop, so the store and tool servers close cleanly.
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** `knack serve`: the skill library as an MCP server, over stdio or Streamable HTTP. */
export function registerServe(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'serve',
      'Serve the skill library to agents over MCP (stdio, or Streamable HTTP with --http)',
    ),
  )
    .option(
      '--tools <spec>',
      'The real tools skills call: a JS/TS pack module, mcp+stdio:"COMMAND ARGS" or mcp+http://…; PREFIX=SPEC; repeat to combine (required)',
    )
    .option(
      '--http <port>',
      'Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio (0 picks a port)',
    )
    .option('--host <host>', 'Address to bind with --http (default 127.0.0.1; others need --token)')
    .option('--token <token>', 'Bearer token every HTTP request must send (default $KNACK_SERVE_TOKEN)')
    .option(
      '--expose <which>',
      'Also list skills as tools of their own: top:N (most run), all, or none (default)',
    )
    .option('--confirm <which>', 'destructive: ask the client user before a skill calls a destructive tool')
    .option(
      '--serve-at-least <maturity>',
      'Serve only reviewed, active versions at least this mature: deliberate (default), supervised or autonomous',
    )
    .option(
      '--timeout-ms <ms>',
      'Wall-clock limit of each run (default 5000; 120000 with --confirm destructive)',
    )
    .example('knack serve --store sqlite://.knack/skills.db --tools skills/support-desk/pack.ts')
    .example(
      'knack serve --tools skills/support-desk/pack.ts --http 8787 --expose top:10 --confirm destructive',
    )
    .action(async (flags: ServeFlags) => {
      if (!flags.tools) usageError('`knack serve` needs `--tools PACK`: the tools the skills call.');
      const expose = parseExpose(flags.expose);
      const atLeast = flags.serveAtLeast;
      if (atLeast !== undefined && !['deliberate', 'supervised', 'autonomous'].includes(atLeast))
        usageError(`--serve-at-least is deliberate, supervised or autonomous, got \`${atLeast}\`.`);
      if (flags.confirm !== undefined && flags.confirm !== 'destructive' && flags.confirm !== 'none')
        usageError(`--confirm is destructive or none, got \`${flags.confirm}\`.`);
      const token = flags.token ?? process.env['KNACK_SERVE_TOKEN'];
      const http =
        flags.http === undefined
          ? undefined
          : {
              port: parsePort(flags.http),
              host: flags.host ?? '127.0.0.1',
              ...(token ? { token: String(token) } : {}),
            };
      if (flags.host !== undefined && http === undefined) usageError('--host needs --http PORT.');
      // On stdio, stdout is the protocol: a tool pack module that logs must not corrupt it.
      if (http === undefined)
        for (const level of ['log', 'info', 'debug'] as const) console[level] = console.error;
      const { loadToolPack } = await import('../load-tools.js');
      const tools = await loadToolPack(flags.tools);
      try {
        await withStore(flags, async (store) => {
          const { serveSkills } = await import('../../serve/index.js');
          const served = await serveSkills({
            store,
            tools: tools.createTools(),
            expose,
            confirm: flags.confirm === 'destructive' ? 'destructive' : 'none',
            ...(atLeast ? { maturity: { serveAtLeast: atLeast as Maturity } } : {}),
            ...(flags.timeoutMs === undefined ? {} : { limits: { timeoutMs: Number(flags.timeoutMs) } }),
            ...(http ? { http } : {}),
            onError: (error) => log(`knack serve: ${error instanceof Error ? error.message : String(error)}`),
          });
          // stdout carries only the protocol on stdio: every word of ours goes to stderr.
          log(
            `knack serve: ${store.location}, ${served.url ? `Streamable HTTP at ${served.url}` : 'stdio'}` +
              `${http?.token ? ' (Bearer token required)' : ''}`,
          );
          await Promise.race([served.closed, stopSignal()]);
          await served.close();
        });
      } finally {
        await tools.close();
      }
    });
}
