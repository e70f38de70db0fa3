import { KnackError } from '../../core/index.js';
import { splitCommand } from './_split-command.js';

/** An MCP server started as a child process, spoken to over stdio. */
export interface McpStdioServer {
  /** The program, e.g. `node` or `process.execPath`. */
  command: string;
  args?: string[];
  /**
   * Variables added to the server's environment. The server inherits only a safe few of the
   * caller's (HOME, PATH, SHELL, TERM, USER, LOGNAME), as the MCP SDK does. @default none
   */
  env?: Record<string, string>;
  /** Working directory of the server. @default the caller's */
  cwd?: string;
}

/** An MCP server reached over Streamable HTTP. */
export interface McpHttpServer {
  url: string | URL;
  /** Headers sent with every request (an `Authorization`, say). @default none */
  headers?: Record<string, string>;
}

/** Where an MCP server is: a command to start, or a URL. */
export type McpServerTarget = McpStdioServer | McpHttpServer;

const envWord = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

function quoteWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Names a server the way `--tools` spells it: `mcp+stdio:"node server.js"` or
 * `mcp+http://127.0.0.1:3001/mcp`. Environment values are left out: they may be secrets.
 */
export function formatMcpServerTarget(target: McpServerTarget): string {
  if ('url' in target) return `mcp+${String(target.url)}`;
  return `mcp+stdio:"${[target.command, ...(target.args ?? [])].map(quoteWord).join(' ')}"`;
}

/**
 * Reads an MCP spec of `--tools`: `mcp+stdio:"COMMAND ARGS"` (the outer quotes optional, words split
 * as a shell would, leading `NAME=value` words set the server's environment) or
 * `mcp+http://HOST:PORT/PATH` (`mcp+https://` too). Returns undefined when `text` is no MCP spec.
 * @throws KnackError `INVALID_ARGUMENT` naming the spec when it is malformed.
 * @example
 * parseMcpServerSpec('mcp+stdio:"MEMORY_FILE_PATH=/tmp/m.jsonl npx mcp-server-memory"');
 */
export function parseMcpServerSpec(text: string): McpServerTarget | undefined {
  if (!text.startsWith('mcp+')) return undefined;
  const rest = text.slice('mcp+'.length);
  if (rest.startsWith('http://') || rest.startsWith('https://')) {
    if (!URL.canParse(rest)) throw new KnackError('INVALID_ARGUMENT', `${text}: not a valid URL.`);
    return { url: rest };
  }
  if (!rest.startsWith('stdio:')) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${text}: unknown MCP transport; use mcp+stdio:"COMMAND ARGS" or mcp+http://HOST:PORT/PATH.`,
    );
  }
  let command = rest.slice('stdio:'.length);
  // The shell usually strips the quotes of mcp+stdio:"..."; when it did not, the pair wraps the whole command.
  if (command.length >= 2 && command.startsWith('"') && command.endsWith('"')) command = command.slice(1, -1);
  const words = splitCommand(command);
  const env: Record<string, string> = {};
  while (words.length > 0 && envWord.test(words[0] as string)) {
    const [, name, value] = envWord.exec(words.shift() as string) as RegExpExecArray;
    env[name as string] = value as string;
  }
  const [program, ...args] = words;
  if (program === undefined) {
    throw new KnackError('INVALID_ARGUMENT', `${text}: no command; use mcp+stdio:"COMMAND ARGS".`);
  }
  return { command: program, args, ...(Object.keys(env).length > 0 ? { env } : {}) };
}
