import { describe, expect, it } from 'vitest';
import { expectStillServing, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// isolated-vm reads the options of Reference#apply (timeout, result.reference, ...) through the
// prototype chain, inside the isolate. A skill that plants getters on Object.prototype can rewrite
// the glue's options so the host's answer arrives as a Reference, then catch that Reference in an
// Object.prototype.then getter when the apply promise resolves. Any Reference in skill hands is a
// way into the worker process (isolated-vm README, "SECURITY").
const hijack = `
const found: string[] = [];
let stolen: any;
const looksLikeHandle = (value: any): boolean => {
  try {
    return value !== null && typeof value === 'object' &&
      (typeof value.applySync === 'function' || typeof value.getSync === 'function' || typeof value.copySync === 'function' || typeof value.derefInto === 'function');
  } catch { return false; }
};
for (const key of ['timeout', 'release', 'reference', 'externalCopy', 'transferIn', 'transferOut']) {
  Object.defineProperty(Object.prototype, key, {
    configurable: true,
    get(this: any) {
      try {
        if (this && this.result && typeof this.result === 'object' && !this.rewritten) {
          this.rewritten = true;
          found.push('options reached via ' + key);
          delete this.result.copy;
          this.result.promise = false;
          this.result.reference = true;
        }
      } catch {}
      return undefined;
    },
  });
}
Object.defineProperty(Object.prototype, 'then', {
  configurable: true,
  get(this: any) {
    if (looksLikeHandle(this)) { stolen = this; found.push('handle caught in then'); }
    return undefined;
  },
});
let reply: unknown;
try { reply = await tools.echo({ id: 'a' }); } catch (error) { reply = 'threw'; }
delete (Object.prototype as any).then;
let reached = 'nothing';
if (stolen) {
  try { reached = 'typeof ' + stolen.typeof; } catch {}
  try { const constructor = stolen.getSync('constructor'); if (constructor) reached += ', constructor reached'; } catch {}
}
return { stolen: stolen ? 'HANDLE' : 'none', reached, found };
`;

describe('escape via hijacked Reference options', () => {
  const { run } = useSandbox();

  it('gives a skill that rewrites the glue options through Object.prototype getters no host Reference', async () => {
    const { tools } = recordTools();
    const result = await run(skill(hijack), { tools, limits: { timeoutMs: 2000 } });
    // The skill may break its own run; it must never hold a handle into the worker.
    if (result.ok) expect(result.value).toMatchObject({ stolen: 'none' });
    await expectStillServing(run);
  });

  it('gives a skill that plants a then getter on Object.prototype no host Reference from a tool reply', async () => {
    const { tools } = recordTools();
    const result = await run(
      skill(`let caught = 'none';
      Object.defineProperty(Object.prototype, 'then', {
        configurable: true,
        get(this: any) {
          try { if (this && (typeof this.applySync === 'function' || typeof this.getSync === 'function')) caught = 'HANDLE'; } catch {}
          return undefined;
        },
      });
      try { await tools.echo({ id: 'a' }); } catch {}
      delete (Object.prototype as any).then;
      return caught;`),
      { tools, limits: { timeoutMs: 2000 } },
    );
    if (result.ok) expect(result.value).toBe('none');
  });
});
