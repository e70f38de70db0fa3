import { describe, expect, it } from 'vitest';
import { parseSkillRef } from '../../src/store/index.js';

describe('parseSkillRef', () => {
  it('reads name, name@N and name@latest', () => {
    expect(parseSkillRef('refund_order')).toEqual({ name: 'refund_order', selector: 'active' });
    expect(parseSkillRef('refund_order@3')).toEqual({
      name: 'refund_order',
      selector: 'version',
      version: 3,
    });
    expect(parseSkillRef('refund_order@latest')).toEqual({ name: 'refund_order', selector: 'latest' });
  });

  it.each([
    ['', 'empty'],
    ['refund_order@', 'must be a positive integer or `latest`'],
    ['refund_order@0', 'must be a positive integer'],
    ['refund_order@v2', 'got `v2`'],
    ['../etc@1', 'must be snake_case'],
    ['a:b', 'must be snake_case'],
    ['Refund-Order', 'must be snake_case'],
    ['refund.order@2', 'must be snake_case'],
    [`r${'x'.repeat(64)}`, 'at most 64 characters'],
  ])('rejects %j with INVALID_SKILL_REF saying why', (ref, reason) => {
    expect(() => parseSkillRef(ref)).toThrow(reason);
    try {
      parseSkillRef(ref);
    } catch (error) {
      expect((error as { code: string }).code).toBe('INVALID_SKILL_REF');
    }
  });
});
