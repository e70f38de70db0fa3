import { describe, expect, it } from 'vitest';
import { SKILL_BUNDLE_BANNER, SKILL_BUNDLE_GLOBAL } from '../../sandbox/index.js';
import { expectFailure, skill, useSandbox } from '../helpers/hostile.js';

const body = 'export default async function probe() { return "loaded"; }';

// Every way a TypeScript module can name another module: only `import type` from knack:tools passes.
const imports: Record<string, string> = {
  'a side-effect import': `import "node:fs";\n${body}`,
  'a namespace import': `import * as fs from "node:fs";\nexport default async function probe() { return typeof fs.readFileSync; }`,
  'a re-export': `export * from "node:child_process";\n${body}`,
  'a value import from knack:tools': `import { tools } from "knack:tools";\nexport default async function probe() { return typeof tools; }`,
  'an import-equals require': `import fs = require("fs");\nexport default async function probe() { return typeof fs.readFileSync; }`,
  'a JSON import with attributes': `import data from "/etc/hostname" with { type: "json" };\nexport default async function probe() { return data; }`,
  'a relative import': `import helper from "./helper.js";\nexport default async function probe() { return helper(); }`,
  'an unresolved skill import': `import other from "knack:skills/other@1";\nexport default async function probe() { return other; }`,
};

describe('imports of host modules', () => {
  const { run } = useSandbox();

  for (const [label, source] of Object.entries(imports)) {
    it(`refuses ${label}`, async () => {
      const result = await run(source);
      if (result.ok) expect.fail(`the skill ran and returned ${JSON.stringify(result.value)}`);
      expectFailure(result, 'COMPILE_ERROR', 'SKILL_THREW');
    });
  }

  it('finds no require at run time for a bare require() call', async () => {
    const result = await run(
      skill('const fs = require("fs"); return typeof fs.readFileSync;', 'declare const require: any;'),
    );
    const error = expectFailure(result, 'COMPILE_ERROR', 'SKILL_THREW');
    if (error.code === 'SKILL_THREW') expect(error.message).toMatch(/require/);
  });

  it('finds no require, process or import.meta in a prebuilt bundle run as is', async () => {
    const bundle = `${SKILL_BUNDLE_BANNER}
var ${SKILL_BUNDLE_GLOBAL} = { default: async function () {
  const seen = [typeof require, typeof process, typeof module, typeof globalThis.process];
  return seen.join(",");
} };`;
    const result = await run(bundle);
    expect(result.ok && result.value).toBe('undefined,undefined,undefined,undefined');
  });
});
