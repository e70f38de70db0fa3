import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as KnackApi from '../src/index.js';

// The built entry, as `import 'knack'` loads it: compiled by the project's build config into a
// folder of its own, so a source-only export or a missing file in the build fails here.
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../.vitest/dist-exports', import.meta.url));
let knack: typeof KnackApi;

beforeAll(async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
  knack = (await import(pathToFileURL(`${outDir}/src/index.js`).href)) as typeof knack;
}, 120_000);

describe('the public entry (built src/index.js)', () => {
  it('exports exactly the curated API: adding or removing a name is an API decision', () => {
    expect(Object.keys(knack).sort()).toEqual([
      'DEFAULT_FAULT_SPEC',
      'DEFAULT_MIN_SCORE',
      'DEFAULT_SEARCH_STATUSES',
      'KnackError',
      'MIN_PROPOSAL_RUNS',
      'ProviderCallError',
      'SKILL_BUNDLE_BANNER',
      'SKILL_BUNDLE_GLOBAL',
      'assessMaturity',
      'benchmarkCases',
      'benchmarkSkill',
      'bindTools',
      'callSkill',
      'checkSkill',
      'combineToolPacks',
      'compileTrajectories',
      'compileWithModel',
      'connectMcpClient',
      'connectMcpToolPack',
      'createAnthropicModel',
      'createMcpToolPack',
      'createOpenAICompatibleModel',
      'createOpenAIModel',
      'createSandbox',
      'createSkillIndex',
      'createSkillServer',
      'defaultMaturityPolicy',
      'defineTools',
      'deriveMaturity',
      'diffSkillVersions',
      'draftSkill',
      'exportLibrary',
      'fisherExactTest',
      'formatAssumption',
      'formatEvidence',
      'formatSkillRef',
      'importLibrary',
      'importTrajectory',
      'loadSkillIndex',
      'markRecordedSession',
      'maturityOrder',
      'mayServe',
      'openLibrary',
      'openStore',
      'parseFaultSpec',
      'parseSkillRef',
      'passHatK',
      'proposeSkills',
      'readRecordedSession',
      'readUserTurns',
      'recordMcpSession',
      'refineSkill',
      'refineStoredSkill',
      'refreshSkillIndex',
      'renderBenchReport',
      'renderSkillDiff',
      'resolveMaturityPolicy',
      'resolveModel',
      'resolveStoreUrl',
      'restrictTools',
      'runSkill',
      'searchSkills',
      'serveSkills',
      'skillTypes',
      'testSkill',
      'testSkills',
      'trajectorySchema',
      'verifySkill',
      'wilsonInterval',
    ]);
  });

  it('recognizes its errors across package copies by brand, not by class identity', () => {
    const error = new knack.KnackError('NOT_FOUND', 'No skill `x`.');
    expect(knack.KnackError.isInstance(error)).toBe(true);
    expect(knack.KnackError.isInstance({ ...error, [Symbol.for('knack.error')]: true })).toBe(true);
    expect(knack.KnackError.isInstance(new Error('x'))).toBe(false);
  });
});
