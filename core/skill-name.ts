/**
 * The one rule for skill names, shared by the compiler (a skill's `meta.name`, its
 * `knack:skills/<name>@<version>` imports) and the store (records, refs): snake_case, starting
 * with a lower-case letter, at most 64 characters. A name the store accepts is a name a skill can import.
 */
export const SKILL_NAME_PATTERN: string = '^[a-z][a-z0-9_]{0,63}$';

const skillNameRegExp = new RegExp(SKILL_NAME_PATTERN);

/** True when `name` follows the skill-name rule (`refund_order`). */
export function isSkillName(name: unknown): name is string {
  return typeof name === 'string' && skillNameRegExp.test(name);
}

/** What the rule asks for, for error messages. */
export const SKILL_NAME_RULE: string =
  'snake_case: a lower-case letter, then lower-case letters, digits or `_` (at most 64 characters)';

/** `get_order_items` -> `getOrderItems`: the identifier a tool or skill name becomes in TypeScript. */
export function toCamelCase(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = words
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined || 'value';
}
