import type { CAC } from 'cac';
import { colors, fail, log, print, printJson, usageError } from '../output.js';
import type { ToolManifestEntry } from '../../../sandbox/index.js';
import type { CompileResult } from '../../../compiler/index.js';

interface CompileFlags {
  tools?: string;
  name?: string;
  format?: string;
  json?: boolean;
  out?: string;
}

const formats = ['native', 'openai', 'anthropic'] as const;

function asManifest(value: unknown): ToolManifestEntry[] | undefined {
  if (Array.isArray(value)) return value as ToolManifestEntry[];
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record['manifest'])) return record['manifest'] as ToolManifestEntry[]; // a ToolPack
  if (Array.isArray(record['tools'])) return record['tools'] as ToolManifestEntry[]; // an MCP tools/list answer
  const definitions = Object.entries(record).filter(
    ([, definition]) => typeof definition === 'object' && definition !== null && 'inputSchema' in definition,
  );
  if (definitions.length === 0) return undefined;
  return definitions.map(([name, definition]) => {
    const { description, inputSchema, outputSchema } = definition as ToolManifestEntry;
    return {
      name,
      inputSchema,
      ...(description ? { description } : {}),
      ...(outputSchema ? { outputSchema } : {}),
    };
  });
}

/** Reads `--tools`: a JSON manifest, or a JS/TS module whose default or `tools` export is a ToolPack or definitions. */
async function loadManifest(path: string): Promise<ToolManifestEntry[]> {
  const { readFile } = await import('node:fs/promises');
  const { resolve } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const { KnackError, safeParseJson } = await import('../../../sandbox/index.js');
  let value: unknown;
  if (path.endsWith('.json')) {
    const parsed = safeParseJson(await readFile(path, 'utf8'));
    if (!parsed.ok) throw new KnackError('INVALID_MANIFEST', `${path}: not valid JSON: ${parsed.message}.`);
    value = parsed.value;
  } else {
    const module = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
    value = module['default'] ?? module['tools'];
  }
  const manifest = asManifest(value);
  if (!manifest) {
    throw new KnackError(
      'INVALID_MANIFEST',
      `${path}: expected a manifest array, { tools: [...] }, a ToolPack or tool definitions.`,
    );
  }
  return manifest;
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
  for (const skill of result.skills) {
    const status = skill.verification.isVerified ? c.green('verified') : c.red('NOT verified');
    print(`${c.bold(skill.name)}  ${status}  (${skill.provenance.trajectoryIds.join(', ')})`);
    print(`  params: ${schemaFields(skill.inputSchema)}`);
    print(`  permissions: ${skill.permissions.join(', ') || '(none)'}`);
    if (skill.secretParameters.length > 0)
      print(`  secret params (pass at call time): ${skill.secretParameters.join(', ')}`);
    if (skill.imports.length > 0) print(`  imports: ${skill.imports.join(', ')}`);
    for (const report of skill.verification.reports) {
      print(
        `  ${report.ok ? c.green('✓') : c.red('✗')} ${report.trajectoryId}${report.message ? `: ${report.message}` : ''}`,
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

async function compileAction(files: string[], flags: CompileFlags): Promise<void> {
  if (!flags.tools) usageError('`knack compile` needs `--tools MANIFEST_OR_PACK`.');
  if (files.length === 0) usageError('`knack compile` needs at least one trajectory FILE.');
  const format = flags.format as (typeof formats)[number] | undefined;
  if (format !== undefined && !formats.includes(format))
    usageError(`--format must be one of ${formats.join(', ')}.`);
  const { compileTrajectories } = await import('../../../compiler/index.js');
  const manifest = await loadManifest(flags.tools);
  log(`compiling ${files.length} trajectory file(s) against ${manifest.length} tools`);
  const result = await compileTrajectories({
    files,
    manifest,
    ...(flags.name ? { name: flags.name } : {}),
    ...(format ? { format } : {}),
    onProgress: (message) => log(message),
  });
  if (flags.out) await writeSkills(flags.out, result);
  if (flags.json) printJson(result);
  else await printSkills(result);
  const isVerified =
    result.skills.length > 0 && result.skills.every((skill) => skill.verification.isVerified);
  process.exitCode = isVerified && result.errors.length === 0 ? 0 : 1;
}

/** `knack compile FILE... --tools MANIFEST_OR_PACK`: trajectories to verified skills, offline. */
export function registerCompile(cli: CAC): void {
  cli
    .command('compile [...files]', 'Compile trajectories into verified skills (trace compiler, no model)')
    .option(
      '--tools <path>',
      'Tool manifest (.json) or a JS/TS module exporting a ToolPack or tool definitions',
    )
    .option('--name <name>', 'Skill name (snake_case); default: from the task')
    .option('--format <format>', 'Force the trajectory format: native, openai or anthropic')
    .option('--json', 'Print the compile result as JSON on stdout')
    .option('--out <dir>', 'Write <name>.ts and <name>.json for each skill into this folder')
    .example('knack compile trajectories/*.json --tools manifest.json --out skills/')
    .action(async (files: string[], flags: CompileFlags) => {
      try {
        await compileAction(files, flags);
      } catch (error) {
        fail(error);
      }
    });
}
