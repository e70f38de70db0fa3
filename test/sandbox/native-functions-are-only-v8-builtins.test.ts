import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// isolated-vm Callbacks and bound host functions show up in the isolate as functions whose source
// reads "[native code]". Every such function a skill can reach must be a plain V8 builtin: the
// same set a pristine V8 context (node:vm, same V8) has.
const walker = `function listNativeFunctions(roots) {
  const found = [];
  const seen = new Set();
  // Roots are walked one after another, the shared prototypes first, then globalThis, so a
  // builtin keeps the same path even where globals (WebAssembly, Atomics) were removed.
  const rest = [[Object.prototype, 'Object.prototype'], [Function.prototype, 'Function.prototype']];
  for (const [name, value] of Object.entries(roots)) rest.push([value, name]);
  const queue = [rest.shift()];
  const toText = Function.prototype.toString;
  while ((queue.length > 0 || rest.length > 0) && seen.size < 100000) {
    if (queue.length === 0) queue.push(rest.shift());
    const [value, path] = queue.shift();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (typeof value === 'function') {
      let source = '';
      try { source = toText.call(value); } catch (error) { source = '[native code] (unprintable)'; }
      if (source.includes('[native code]')) {
        let name = '';
        try { name = String(Reflect.getOwnPropertyDescriptor(value, 'name')?.value ?? ''); } catch (error) {}
        found.push([path, name]);
      }
    }
    let keys = [];
    // Sorted keys make the breadth-first paths the same in any context, whatever the key order.
    try { keys = Reflect.ownKeys(value).sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)); } catch (error) {}
    for (const key of keys) {
      let descriptor;
      try { descriptor = Reflect.getOwnPropertyDescriptor(value, key); } catch (error) { continue; }
      if (!descriptor) continue;
      const name = path + '.' + String(key);
      if ('value' in descriptor) queue.push([descriptor.value, name]);
      if (descriptor.get) queue.push([descriptor.get, name + '<get>']);
      if (descriptor.set) queue.push([descriptor.set, name + '<set>']);
    }
    try { queue.push([Reflect.getPrototypeOf(value), path + '.__proto__']); } catch (error) {}
  }
  return found;
}`;

// V8 builtins node:vm contexts lack (isolated-vm creates contexts without Node's tweaks).
const knownExtras = /v8BreakIterator|adoptText|breakType/;

describe('native functions reachable from skill code', () => {
  const { run } = useSandbox();

  it('are all V8 builtins, with no host callback among them', async () => {
    const baseline = new Set(
      (runInNewContext(`${walker}; listNativeFunctions({ globalThis })`) as [string, string][]).map(
        ([path]) => path,
      ),
    );
    const { tools } = recordTools({ echo: {}, 'github.create_issue': {} });
    const result = await run(
      skill(
        `const echoed = await tools.echo({ id: 1 });
        return listNativeFunctions({ globalThis, tools, input, result: echoed });`,
        walker,
      ),
      { tools, input: { id: 'x' } },
    );
    const reachable = expectValue(result) as [string, string][];
    expect(reachable.length).toBeGreaterThan(100);
    const extra = reachable
      .filter(([path]) => !baseline.has(path) && !knownExtras.test(path))
      .map(([path, name]) => `${path} (${name || 'anonymous'})`);
    expect(extra).toEqual([]);
  });
});
