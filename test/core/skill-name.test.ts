import { describe, expect, it } from 'vitest';
import { isSkillName, KnackError } from '../../core/index.js';
import { SKILL_IMPORT_PATTERN } from '../../compiler/index.js';
import { parseSkillRef } from '../../src/store/index.js';

const names = [
  'refund_order',
  'a',
  'order2',
  `r${'x'.repeat(63)}`,
  `r${'x'.repeat(64)}`,
  'Refund_order',
  '_private',
  'refund-order',
  'refund.order',
  '2fa_reset',
  '',
];

describe('the skill-name rule', () => {
  it.each(names)('%j: the store accepts it exactly when a skill can import it', (name) => {
    const isImportable = SKILL_IMPORT_PATTERN.test(`knack:skills/${name}@1`);
    const isStorable = (() => {
      try {
        parseSkillRef(`${name}@1`);
        return true;
      } catch (error) {
        if (!KnackError.isInstance(error)) throw error;
        return false;
      }
    })();
    expect(isStorable).toBe(isImportable);
    expect(isSkillName(name)).toBe(isImportable);
  });

  it('accepts snake_case names up to 64 characters and nothing else', () => {
    expect(names.filter(isSkillName)).toEqual(['refund_order', 'a', 'order2', `r${'x'.repeat(63)}`]);
  });
});
