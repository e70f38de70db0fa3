import { build, type Plugin } from 'esbuild';
import { SKILL_BUNDLE_BUILD_OPTIONS } from '../../sandbox/index.js';
import type { Diagnostic, ResolvedSkill, SkillResolver } from './compiled-skill.js';
import { SKILL_IMPORT_PATTERN } from './check-policy.js';

/** Options of `bundleSkill`. */
export interface BundleOptions {
  source: string;
  /** Names the source in the sourcemap and stack traces. @default 'skill.ts' */
  filename?: string;
  /** Resolves `knack:skills/<name>@<version>`; without it such imports are diagnostics. */
  resolver?: SkillResolver;
}

/** The bundle, its inline sourcemap, the pinned skill refs, or diagnostics when it could not be built. */
export interface BundleResult {
  bundle?: string;
  sourcemap?: string;
  imports: string[];
  diagnostics: Diagnostic[];
}

function skillsPlugin(resolver: SkillResolver | undefined, pinned: Map<string, ResolvedSkill>): Plugin {
  return {
    name: 'knack-skills',
    setup(builder) {
      builder.onResolve({ filter: /^knack:/ }, (args) => {
        if (args.path === 'knack:tools') return { path: args.path, namespace: 'knack-tools' };
        if (!SKILL_IMPORT_PATTERN.test(args.path))
          return { errors: [{ text: `\`${args.path}\` is not an allowed import.` }] };
        if (!resolver)
          return {
            errors: [
              { text: `\`${args.path}\` needs a skill resolver (a store) to be pinned; none was given.` },
            ],
          };
        return { path: args.path.slice('knack:skills/'.length), namespace: 'knack-skill' };
      });
      builder.onLoad({ filter: /.*/, namespace: 'knack-tools' }, () => ({
        contents: 'export {};',
        loader: 'js',
      }));
      builder.onLoad({ filter: /.*/, namespace: 'knack-skill' }, async (args) => {
        const [name, version] = args.path.split('@');
        const skill = await resolver?.resolveSkill(name ?? '', Number(version));
        if (!skill) return { errors: [{ text: `skill \`${args.path}\` was not found in the store.` }] };
        pinned.set(`${skill.name}@${skill.version}`, skill);
        return { contents: skill.source, loader: 'ts', resolveDir: '/' };
      });
    },
  };
}

function toDiagnostics(error: unknown): Diagnostic[] {
  const errors = (
    error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }
  ).errors;
  if (!errors)
    return [
      { message: error instanceof Error ? error.message : String(error), code: 'BUNDLE', severity: 'error' },
    ];
  return errors.map((item) => ({
    message: item.text,
    code: 'BUNDLE',
    severity: 'error',
    ...(item.location ? { line: item.location.line, column: item.location.column + 1 } : {}),
  }));
}

/**
 * Bundles a skill module with esbuild into one script for the isolate (IIFE, global
 * `__knackSkill`, banner `knack:bundle v1`, ES2022, inline sourcemap), resolving
 * `knack:skills/<name>@<version>` through the resolver and pinning those versions.
 */
export async function bundleSkill(options: BundleOptions): Promise<BundleResult> {
  const pinned = new Map<string, ResolvedSkill>();
  try {
    const output = await build({
      stdin: {
        contents: options.source,
        loader: 'ts',
        sourcefile: options.filename ?? 'skill.ts',
        resolveDir: '/',
      },
      ...SKILL_BUNDLE_BUILD_OPTIONS,
      plugins: [skillsPlugin(options.resolver, pinned)],
    });
    const bundle = output.outputFiles[0]?.text ?? '';
    const sourcemap = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(bundle)?.[1];
    return {
      bundle,
      ...(sourcemap ? { sourcemap: Buffer.from(sourcemap, 'base64').toString('utf8') } : {}),
      imports: [...pinned.keys()].sort(),
      diagnostics: [],
    };
  } catch (error) {
    return { imports: [...pinned.keys()].sort(), diagnostics: toDiagnostics(error) };
  }
}
