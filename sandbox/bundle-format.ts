/**
 * The global a skill bundle assigns its module namespace to: running a bundle defines
 * `__knackSkill.default` (the skill function) and `__knackSkill.meta`.
 */
export const SKILL_BUNDLE_GLOBAL = '__knackSkill';

/** The first line of every skill bundle; `runSkill` runs a source that starts with it as is. */
export const SKILL_BUNDLE_BANNER = '/* knack:bundle v1 */';
