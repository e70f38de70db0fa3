import type { BuildOptions } from 'esbuild';

/**
 * The global a skill bundle assigns its module namespace to: running a bundle defines
 * `__knackSkill.default` (the skill function) and `__knackSkill.meta`.
 */
export const SKILL_BUNDLE_GLOBAL = '__knackSkill';

/** The first line of every skill bundle; `runSkill` runs a source that starts with it as is. */
export const SKILL_BUNDLE_BANNER = '/* knack:bundle v1 */';

/**
 * The esbuild options every skill bundle is built with (the sandbox's own `runSkill` on a
 * TypeScript source, and the compiler's check): one IIFE script assigning `SKILL_BUNDLE_GLOBAL`,
 * starting with the banner, ES2022, an inline sourcemap whose sources read the skill's file name
 * (not a path relative to cwd). Callers add `stdin` and their import plugin.
 */
export const SKILL_BUNDLE_BUILD_OPTIONS: Readonly<BuildOptions> & { readonly write: false } = {
  absWorkingDir: '/',
  bundle: true,
  write: false,
  format: 'iife',
  globalName: SKILL_BUNDLE_GLOBAL,
  banner: { js: SKILL_BUNDLE_BANNER },
  target: 'es2022',
  platform: 'neutral',
  sourcemap: 'inline',
  logLevel: 'silent',
};
