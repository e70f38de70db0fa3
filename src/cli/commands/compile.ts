import type { CAC } from 'cac';
import { colors, fail, log, print, printJson, usageError } from '../output.js';
import type { CompileResult } from '../../../compiler/index.js';
import { formatEvidence } from '../../diff/index.js';

interface CompileFlags {
  /** One spec, or several when `--tools` is repeated. */
  tools?: string | string[];
  name?: string;
  format?: string;
  json?: boolean;
  out?: string;
  model?: string;
  maxAttempts?: number;
  publish?: boolean;
  store?: string;
  readOnly?: string | string[];
  leaveOneOut?: string;
}

// `--read-only a,b --read-only c` -> ['a', 'b', 'c'].
function readOnlyNames(flag: string | string[] | undefined): string[] {
  const values = flag === undefined ? [] : Array.isArray(flag) ? flag : [flag];
  return values
    .flatMap((value) => String(value).split(','))
    .map((name) => name.trim())
    .filter(Boolean);
}

const formats = ['native', 'openai', 'anthropic'] as const;

// `--leave-one-out on|trace|off` -> the `leaveOneOut` option.
const leaveOneOutModes = { on: true, trace: 'trace', off: false } as const;

function leaveOneOutMode(flag: string | undefined): boolean | 'trace' | undefined {
  if (flag === undefined) return undefined;
  if (!Object.hasOwn(leaveOneOutModes, flag))
    usageError(
      `--leave-one-out must be one of ${Object.keys(leaveOneOutModes).join(', ')}, got ${JSON.stringify(flag)}.`,
    );
  return leaveOneOutModes[flag as keyof typeof leaveOneOutModes];
}

function schemaFields(schema: unknown): string {
  const properties =
    (schema as { properties?: Record<string, { type?: string; enum?: unknown[] }> }).properties ?? {};
  const fields = Object.entries(properties).map(
    ([key, field]) =>
      `${key}: ${field.type ?? (field.enum ? field.enum.map((item) => JSON.stringify(item)).join(' | ') : 'unknown')}`,
  );
  return fields.join(', ') || '(none)';
}

async function printSkills(result: CompileResult): Promise<void> {
  const c = colors();
  const { describeLeftOut } = await import('../../diff/index.js');
  for (const skill of result.skills) {
    const status = skill.verification.isVerified ? c.green('verified') : c.red('NOT verified');
    print(`${c.bold(skill.name)}  ${status}  (${skill.provenance.trajectoryIds.join(', ')})`);
    print(`  params: ${schemaFields(skill.inputSchema)}`);
    if (skill.evidence) print(`  evidence: ${formatEvidence(skill.evidence)}`);
    print(`  permissions: ${skill.permissions.join(', ') || '(none)'}`);
    for (const call of skill.provenance.leftOut ?? []) print(`  left out: ${describeLeftOut(call)}`);
    if (skill.secretParameters.length > 0)
      print(`  secret params (pass at call time): ${skill.secretParameters.join(', ')}`);
    if (skill.imports.length > 0) print(`  imports: ${skill.imports.join(', ')}`);
    for (const report of skill.verification.reports) {
      print(
        `  ${report.ok ? c.green('✓') : c.red('✗')} ${report.trajectoryId}${report.step === undefined ? '' : `, step ${report.step}`}${report.message ? `: ${report.message}` : ''}`,
      );
    }
    for (const diagnostic of skill.diagnostics) {
      const at = diagnostic.line
        ? `${skill.name}.ts:${diagnostic.line}:${diagnostic.column ?? 1}`
        : `${skill.name}.ts`;
      const label = diagnostic.severity === 'error' ? c.red('error') : c.yellow('warning');
      print(`  ${at} ${label}${diagnostic.code ? ` ${diagnostic.code}` : ''}: ${diagnostic.message}`);
    }
  }
  for (const error of result.errors) log(`${c.red(`error ${error.code}`)}: ${error.message}`);
}

async function writeSkills(directory: string, result: CompileResult): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  await mkdir(directory, { recursive: true });
  for (const skill of result.skills) {
    await writeFile(join(directory, `${skill.name}.ts`), skill.source);
    await writeFile(join(directory, `${skill.name}.json`), `${JSON.stringify(skill, null, 2)}\n`);
  }
}

/** Publishes every compiled skill: verified ones as `verified`, others as `draft`; never activates. */
async function publishSkills(flags: CompileFlags, result: CompileResult): Promise<void> {
  const { withStore } = await import('./_store-flags.js');
  await withStore(flags, async (store) => {
    for (const skill of result.skills) {
      const published = await store.publish(skill, { by: 'knack compile' });
      log(`${published.isNew ? 'published' : 'unchanged'} ${published.ref} (${published.status})`);
    }
  });
}

async function compileAction(files: string[], flags: CompileFlags): Promise<void> {
  if (!flags.tools) usageError('`knack compile` needs `--tools MANIFEST_OR_PACK`.');
  if (files.length === 0) usageError('`knack compile` needs at least one trajectory FILE.');
  const format = flags.format as (typeof formats)[number] | undefined;
  if (format !== undefined && !formats.includes(format))
    usageError(`--format must be one of ${formats.join(', ')}.`);
  const leaveOneOut = leaveOneOutMode(
    flags.leaveOneOut === undefined ? undefined : String(flags.leaveOneOut),
  );
  const { compileTrajectories } = await import('../../../compiler/index.js');
  const { loadTools } = await import('../load-tools.js');
  // Compiling needs only the manifest: an MCP server is asked for tools/list, then let go.
  const tools = await loadTools(flags.tools);
  await tools.close();
  const { manifest } = tools;
  const unknown = readOnlyNames(flags.readOnly).filter(
    (name) => !manifest.some((entry) => entry.name === name),
  );
  if (unknown.length > 0) usageError(`--read-only names tools the manifest lacks: ${unknown.join(', ')}.`);
  log(`compiling ${files.length} trajectory file(s) against ${manifest.length} tools`);
  const result = await compileTrajectories({
    files,
    manifest,
    ...(flags.name ? { name: flags.name } : {}),
    ...(format ? { format } : {}),
    ...(flags.model ? { model: flags.model } : {}),
    ...(flags.maxAttempts ? { maxAttempts: Number(flags.maxAttempts) } : {}),
    ...(flags.readOnly === undefined ? {} : { readOnly: readOnlyNames(flags.readOnly) }),
    ...(leaveOneOut === undefined ? {} : { leaveOneOut }),
    onProgress: (message) => log(message),
  });
  if (flags.out) await writeSkills(flags.out, result);
  if (flags.publish) await publishSkills(flags, result);
  if (flags.json) printJson(result);
  else await printSkills(result);
  const isVerified =
    result.skills.length > 0 && result.skills.every((skill) => skill.verification.isVerified);
  process.exitCode = isVerified && result.errors.length === 0 ? 0 : 1;
}

/** `knack compile FILE... --tools MANIFEST_OR_PACK`: trajectories to verified skills, offline. */
export function registerCompile(cli: CAC): void {
  cli
    .command(
      'compile [...files]',
      'Compile trajectories into verified skills (offline trace compiler, or a model with --model)',
    )
    .option(
      '--tools <spec>',
      'Tool manifest (.json), a JS/TS module exporting a ToolPack or definitions, mcp+stdio:"COMMAND ARGS" or mcp+http://HOST:PORT/PATH; PREFIX=SPEC; repeat to combine',
    )
    .option('--name <name>', 'Skill name (snake_case); default: from the task')
    .option('--format <format>', 'Force the trajectory format: native, openai or anthropic')
    .option(
      '--model <spec>',
      'Draft with a model (openai:gpt-4.1, openai-compatible:NAME@URL, anthropic:claude-sonnet-4-5); default $KNACK_MODEL, else the trace compiler',
    )
    .option(
      '--max-attempts <n>',
      'Model attempts per skill before falling back to the trace draft (default 3)',
    )
    .option(
      '--leave-one-out <how>',
      'With 3+ siblings, compile from all but one and replay the one left out: on (default; folds compiled as the skill was, by the model for a model draft: n extra model compiles), trace (trace folds only, no extra model calls) or off',
    )
    .option(
      '--read-only <names>',
      'Tools known to change nothing (comma-separated; beyond MCP readOnlyHint): their calls are left out when nothing uses their results',
    )
    .option('--json', 'Print the compile result as JSON on stdout')
    .option('--out <dir>', 'Write <name>.ts and <name>.json for each skill into this folder')
    .option(
      '--publish',
      'Store each skill as a new version (verified or draft; activate with `knack promote`)',
    )
    .option('--store <url>', 'Store for --publish (default $KNACK_STORE or sqlite://.knack/skills.db)')
    .example('knack compile trajectories/*.json --tools manifest.json --publish')
    .example('knack compile chats/*.json --tools manifest.json --read-only search_flights,think')
    .example('knack compile chats/*.json --tools manifest.json --model openai:gpt-4.1 --leave-one-out trace')
    .example(
      `knack compile session.json --tools 'fs=mcp+stdio:"npx -y @modelcontextprotocol/server-filesystem /tmp"'`,
    )
    .action(async (files: string[], flags: CompileFlags) => {
      try {
        await compileAction(files, flags);
      } catch (error) {
        fail(error);
      }
    });
}
