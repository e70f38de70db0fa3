import { describe, expect, it } from 'vitest';
import * as knack from '../src/index.js';

describe('the public entry (src/index.ts)', () => {
  it('exports exactly the curated API: adding or removing a name is an API decision', () => {
    expect(Object.keys(knack).sort()).toEqual([
      'KnackError',
      'ProviderCallError',
      'SKILL_BUNDLE_BANNER',
      'SKILL_BUNDLE_GLOBAL',
      'benchmarkSkill',
      'bindTools',
      'callSkill',
      'checkSkill',
      'compileTrajectories',
      'compileWithModel',
      'createAnthropicModel',
      'createOpenAICompatibleModel',
      'createOpenAIModel',
      'createSandbox',
      'defineTools',
      'diffSkillVersions',
      'draftSkill',
      'exportLibrary',
      'formatSkillRef',
      'importLibrary',
      'importTrajectory',
      'openStore',
      'parseSkillRef',
      'refineSkill',
      'refineStoredSkill',
      'renderSkillDiff',
      'resolveModel',
      'resolveStoreUrl',
      'restrictTools',
      'runSkill',
      'trajectorySchema',
      'verifySkill',
    ]);
  });

  it('recognizes its errors across package copies by brand, not by class identity', () => {
    const error = new knack.KnackError('NOT_FOUND', 'No skill `x`.');
    expect(knack.KnackError.isInstance(error)).toBe(true);
    expect(knack.KnackError.isInstance({ ...error, [Symbol.for('knack.error')]: true })).toBe(true);
    expect(knack.KnackError.isInstance(new Error('x'))).toBe(false);
  });
});
