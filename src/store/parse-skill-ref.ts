import { isSkillName, KnackError, SKILL_NAME_RULE } from '../../core/index.js';

/** A parsed skill reference: `name` (latest active), `name@3` (that version), `name@latest` (newest of any status). */
export type SkillRef =
  | { name: string; selector: 'active' }
  | { name: string; selector: 'latest' }
  | { name: string; selector: 'version'; version: number };

/** Throws INVALID_SKILL_REF unless `name` is a valid skill name. */
export function assertSkillName(name: string, ref: string = name): void {
  if (!isSkillName(name)) {
    throw new KnackError(
      'INVALID_SKILL_REF',
      `Skill ref \`${ref}\`: the name \`${name}\` must be ${SKILL_NAME_RULE}.`,
    );
  }
}

/**
 * Parses `name`, `name@3` or `name@latest`.
 * @throws KnackError INVALID_SKILL_REF with the reason.
 * @example parseSkillRef('refund_order@2') // { name: 'refund_order', selector: 'version', version: 2 }
 */
export function parseSkillRef(ref: string): SkillRef {
  if (typeof ref !== 'string' || ref.trim() === '') {
    throw new KnackError('INVALID_SKILL_REF', 'Skill ref is empty; write `name`, `name@3` or `name@latest`.');
  }
  const at = ref.indexOf('@');
  const name = at === -1 ? ref : ref.slice(0, at);
  assertSkillName(name, ref);
  if (at === -1) return { name, selector: 'active' };
  const selector = ref.slice(at + 1);
  if (selector === 'latest') return { name, selector: 'latest' };
  if (!/^[1-9][0-9]{0,8}$/.test(selector)) {
    throw new KnackError(
      'INVALID_SKILL_REF',
      `Skill ref \`${ref}\`: the version after \`@\` must be a positive integer or \`latest\`, got \`${selector}\`.`,
    );
  }
  return { name, selector: 'version', version: Number(selector) };
}

/** Formats a ref back: `name@3`. */
export function formatSkillRef(name: string, version: number): string {
  return `${name}@${version}`;
}
