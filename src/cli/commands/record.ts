import type { CAC } from 'cac';
import type { McpServerTarget } from '../../mcp/index.js';
import { log, print, printJson, usageError } from '../output.js';
import type { ProposeFlags } from './propose.js';

interface RecordFlags extends ProposeFlags {
  '--'?: string[];
  out?: string;
  task?: string;
  upstream?: string;
  header?: string | string[];
  propose?: boolean;
  outcome?: string;
  answer?: string;
  chat?: string;
}

const envWord = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

function headersOf(flags: RecordFlags): Record<string, string> | undefined {
  if (flags.header === undefined) return undefined;
  const headers: Record<string, string> = {};
  for (const header of [flags.header].flat()) {
    const colon = String(header).indexOf(':');
    if (colon < 1) usageError(`--header must be NAME: VALUE, got \`${String(header)}\`.`);
    headers[String(header).slice(0, colon).trim()] = String(header)
      .slice(colon + 1)
      .trim();
  }
  return headers;
}

// The upstream is the agent's own server: it gets the environment `knack record` was given, as
// if the agent's host had started it directly. Leading NAME=value words add to it.
function upstreamOf(flags: RecordFlags): McpServerTarget {
  const words = [...(flags['--'] ?? [])];
  if (flags.upstream !== undefined) {
    if (words.length > 0)
      usageError('Give the upstream server as `--upstream URL` or as `-- COMMAND ARGS`, not both.');
    if (!URL.canParse(flags.upstream)) usageError(`--upstream \`${flags.upstream}\` is not a URL.`);
    const headers = headersOf(flags);
    return { url: flags.upstream, ...(headers ? { headers } : {}) };
  }
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  while (words.length > 0 && envWord.test(words[0] as string)) {
    const [, name, value] = envWord.exec(words.shift() as string) as RegExpExecArray;
    env[name as string] = value as string;
  }
  const [command, ...args] = words;
  if (command === undefined)
    usageError('`knack record` needs the server to proxy: `-- COMMAND ARGS` or `--upstream URL`.');
  return { command, args, env };
}

async function recordAction(flags: RecordFlags): Promise<void> {
  if (typeof flags.out !== 'string' || flags.out === '') usageError('`knack record` needs `--out DIR`.');
  const upstream = upstreamOf(flags);
  const { recordMcpSession } = await import('../../record/index.js');
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  const session = await recordMcpSession({
    upstream,
    outDir: flags.out,
    transport: new StdioServerTransport(),
    ...(flags.task === undefined ? {} : { task: String(flags.task) }),
    onError: (error) => log(`error ${error.code}: ${error.message}`),
  });
  log(`knack record: recording to ${session.file}`);
  // stdout carries the MCP protocol: everything else goes to stderr.
  const end = (): void => void session.close();
  process.stdin.once('end', end);
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
  const summary = await session.ended;
  process.off('SIGINT', end);
  process.off('SIGTERM', end);
  log(`knack record: session ${summary.status}, ${summary.steps} call(s) in ${summary.file}`);
  if (summary.status === 'incomplete')
    log(`  no knack_done: mark it with \`knack record mark ${summary.file} --outcome success|failure\``);
  if (flags.propose) await startProposal(flags.out, flags);
}

// The agent's host ends a server soon after disconnecting (the SDK: SIGTERM after 2 s), and a
// proposal compiles for longer: it runs as `knack propose` in a process of its own, which
// outlives this one. Its output goes to a log beside the sessions: the host may have closed our
// stderr by the time it writes.
async function startProposal(outDir: string, flags: RecordFlags): Promise<void> {
  const { spawn } = await import('node:child_process');
  const { openSync, closeSync } = await import('node:fs');
  const { join } = await import('node:path');
  const main = process.argv[1];
  if (main === undefined) return log('knack record: cannot find the knack CLI to run `knack propose`.');
  const args = [
    ...process.execArgv,
    main,
    'propose',
    outDir,
    ...(flags.store === undefined ? [] : ['--store', String(flags.store)]),
    ...(flags.minRuns === undefined ? [] : ['--min-runs', String(flags.minRuns)]),
  ];
  const logFile = join(outDir, 'knack-propose.log');
  const output = openSync(logFile, 'a');
  try {
    const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', output, output] });
    child.unref();
    log(`knack record: \`knack propose ${outDir}\` runs in process ${child.pid ?? '?'}; its log: ${logFile}`);
  } finally {
    closeSync(output);
  }
}

async function markAction(file: string | undefined, flags: RecordFlags, isAttach: boolean): Promise<void> {
  if (file === undefined)
    usageError(`\`knack record ${isAttach ? 'attach' : 'mark'}\` needs the session FILE.`);
  if (isAttach && !flags.chat) usageError('`knack record attach` needs `--chat CHAT.json`.');
  if (flags.outcome !== undefined && flags.outcome !== 'success' && flags.outcome !== 'failure')
    usageError(`--outcome must be success or failure, got \`${String(flags.outcome)}\`.`);
  const { loadJsonArgument } = await import('../load-tools.js');
  const answer =
    flags.answer === undefined ? undefined : await loadJsonArgument('answer', String(flags.answer));
  const { markRecordedSession } = await import('../../record/index.js');
  const session = await markRecordedSession({
    file,
    ...(flags.outcome === undefined ? {} : { outcome: flags.outcome }),
    ...(flags.task === undefined ? {} : { task: String(flags.task) }),
    ...(answer === undefined ? {} : { answer }),
    ...(flags.chat === undefined ? {} : { chat: String(flags.chat) }),
  });
  if (flags.json) return printJson(session);
  const missing = [session.task ? undefined : 'a task', session.outcome ? undefined : 'an outcome'].filter(
    Boolean,
  );
  print(
    `Marked ${file}: ${session.outcome ?? 'no outcome'}, task ${JSON.stringify(session.task ?? null)}` +
      (missing.length > 0 ? `; it still needs ${missing.join(' and ')} to compile.` : '.'),
  );
}

/** `knack record --out DIR -- COMMAND ARGS`, `knack record mark FILE`, `knack record attach FILE`. */
export function registerRecord(cli: CAC): void {
  cli
    .command(
      'record [...action]',
      "Proxy an agent's MCP server and record each session as a trajectory (mark FILE / attach FILE mark one afterwards)",
    )
    .option('--out <dir>', 'Folder of session files (one <id>.json per session)')
    .option(
      '--task <text>',
      "The user's request (the agent's knack_task replaces it); with mark: set the task",
    )
    .option('--upstream <url>', 'Proxy a Streamable HTTP server instead of `-- COMMAND ARGS`')
    .option('--header <text>', 'With --upstream: a header sent to it (NAME: VALUE); repeat for more')
    .option('--propose', 'When the session ends, run `knack propose` on --out')
    .option('--min-runs <n>', 'With --propose: sessions of one task shape needed (default 3)')
    .option('--store <url>', 'With --propose: the store (default $KNACK_STORE or sqlite://.knack/skills.db)')
    .option('--outcome <outcome>', 'mark: success or failure')
    .option('--answer <json>', 'mark: the final answer given to the user (JSON, or @file.json)')
    .option(
      '--chat <file>',
      'attach: an OpenAI or Anthropic chat export; its user turns become the task and notes',
    )
    .option('--json', 'mark/attach: print the session as JSON')
    .example(`knack record --out sessions/ -- npx -y @modelcontextprotocol/server-memory`)
    .example('knack record --out sessions/ --upstream http://127.0.0.1:3001/mcp --propose')
    .example('knack record mark sessions/2026-12-07T10-00-00-000Z-1a2b3c4d.json --outcome success')
    .example('knack record attach sessions/2026-12-07T10-00-00-000Z-1a2b3c4d.json --chat chat.json')
    .action(async (action: string[], flags: RecordFlags) => {
      const [verb, file, ...rest] = action;
      if (verb === undefined) return recordAction(flags);
      if (verb !== 'mark' && verb !== 'attach')
        usageError(
          `Unknown \`knack record ${verb}\`; use \`mark FILE\`, \`attach FILE\`, or \`--out DIR -- COMMAND ARGS\`.`,
        );
      if (rest.length > 0) usageError(`\`knack record ${verb}\` takes one FILE, got ${action.length - 1}.`);
      return markAction(file, flags, verb === 'attach');
    });
}
