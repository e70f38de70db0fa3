// Mirrors the sandbox's bundle constants (COMMON.md contract) until sandbox/index.ts exports them.
export const SKILL_BUNDLE_GLOBAL = '__knackSkill';
export const SKILL_BUNDLE_BANNER = '/* knack:bundle v1 */';
