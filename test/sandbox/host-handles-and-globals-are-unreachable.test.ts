import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { expectFailure, expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// Walks everything reachable from globalThis, tools and input (own keys, symbols, prototypes, getters)
// and reports the paths of values that look like isolated-vm handles or setup leftovers.
const walker = `
function findHandles(roots: Record<string, unknown>, pristineGlobals: string[]): string[] {
  const handleMethods = ['applySync', 'applyIgnored', 'applySyncPromise', 'derefInto', 'copySync', 'copyInto', 'getSync', 'setSync'];
  const handleNames = /^(Reference|ExternalCopy|Callback|Isolate|Context|Script|Module|NativeModule)$/;
  const found: string[] = [];
  // Globals a pristine V8 context lacks: only the skill bundle's own global may be there.
  for (const key of Reflect.ownKeys(globalThis)) {
    if (typeof key === 'string' && !pristineGlobals.includes(key) && key !== '__knackSkill') found.push('globalThis.' + key + ' (extra global)');
  }
  // Looks a method up through descriptors, so no getter or Proxy trap answers for it.
  const hasMethod = (value: object, name: string): boolean => {
    for (let node: object | null = value, depth = 0; node && depth < 20; node = Reflect.getPrototypeOf(node), depth++) {
      const descriptor = Reflect.getOwnPropertyDescriptor(node, name);
      if (descriptor) return typeof descriptor.value === 'function';
    }
    return false;
  };
  const seen = new Set<unknown>();
  const queue: [unknown, string][] = Object.entries(roots).map(([name, value]) => [value, name]);
  let visited = 0;
  while (queue.length > 0 && visited < 50000) {
    const [value, path] = queue.shift()!;
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    visited++;
    try {
      const constructor = Reflect.getOwnPropertyDescriptor(Reflect.getPrototypeOf(value) ?? {}, 'constructor')?.value;
      const name = typeof constructor === 'function' ? Reflect.getOwnPropertyDescriptor(constructor, 'name')?.value : undefined;
      if (typeof name === 'string' && handleNames.test(name)) found.push(path + ' is a ' + name);
      for (const method of handleMethods) if (hasMethod(value, method)) found.push(path + '.' + method);
    } catch {}
    let keys: PropertyKey[] = [];
    try { keys = Reflect.ownKeys(value); } catch {}
    for (const key of keys) {
      let descriptor: PropertyDescriptor | undefined;
      try { descriptor = Reflect.getOwnPropertyDescriptor(value, key); } catch { continue; }
      if (!descriptor) continue;
      const keyPath = path + '.' + String(key);
      if ('value' in descriptor) queue.push([descriptor.value, keyPath]);
      if (descriptor.get) queue.push([descriptor.get, keyPath + '<get>']);
      if (descriptor.set) queue.push([descriptor.set, keyPath + '<set>']);
    }
    try { queue.push([Reflect.getPrototypeOf(value), path + '.__proto__']); } catch {}
  }
  // A walker that saw almost nothing proves nothing.
  if (visited < 500) found.push('the walker visited only ' + visited + ' objects');
  return found;
}`;

describe('host handles and setup globals', () => {
  const { run } = useSandbox();

  it('leaves no Reference, ExternalCopy, Callback or setup global reachable from skill code', async () => {
    const { tools } = recordTools({ echo: {}, 'github.create_issue': {} });
    const pristineGlobals = runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[];
    const result = await run(
      skill(
        `const echoed = await tools.echo({ id: 1 });
        return findHandles({ globalThis, tools, input, result: echoed }, ${JSON.stringify(pristineGlobals)});`,
        walker,
      ),
      {
        tools,
        input: { id: 'x' },
      },
    );
    expect(expectValue(result)).toEqual([]);
  });

  it('gives no host require, process, module, Buffer or network globals', async () => {
    const names = [
      'require',
      'process',
      'module',
      'exports',
      'Buffer',
      '__dirname',
      '__filename',
      'global',
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'setImmediate',
      'importScripts',
      'Deno',
      'Bun',
    ];
    const result = await run(
      skill(
        `return Object.fromEntries(${JSON.stringify(names)}.map((name: string) => [name, typeof (globalThis as any)[name]]));`,
      ),
    );
    expect(expectValue(result)).toEqual(Object.fromEntries(names.map((name) => [name, 'undefined'])));
  });

  it('refuses dynamic import() hidden from the compiler', async () => {
    const result = await run(
      skill(`try {
        const fs = await (0, eval)('import("node:fs")');
        return 'IMPORTED ' + typeof fs;
      } catch (error) {
        return 'refused';
      }`),
    );
    expect(expectValue(result)).toBe('refused');
  });

  it('refuses a skill that imports a host module', async () => {
    const result = await run(
      'import { readFileSync } from "node:fs";\nexport default async function read() { return readFileSync("/etc/passwd", "utf8"); }',
    );
    expectFailure(result, 'COMPILE_ERROR');
  });

  it('refuses a literal dynamic import() of a host module', async () => {
    const result = await run(skill('const fs = await import("node:fs"); return typeof fs.readFileSync;'));
    if (result.ok) expect(result.value).not.toBe('function');
    else expectFailure(result, 'COMPILE_ERROR', 'SKILL_THREW');
  });

  it('evaluates eval inside the isolate, where the host is out of reach', async () => {
    const result = await run(
      skill(`try {
        return (0, eval)('typeof process + "," + typeof require + "," + typeof globalThis.Buffer');
      } catch (error) {
        return 'blocked';
      }`),
    );
    expect(['undefined,undefined,undefined', 'blocked']).toContain(expectValue(result));
  });

  it('removes WebAssembly, SharedArrayBuffer and Atomics.wait from the context', async () => {
    const result = await run(
      skill(`const atomics = (globalThis as any).Atomics;
      return {
        WebAssembly: typeof (globalThis as any).WebAssembly,
        SharedArrayBuffer: typeof (globalThis as any).SharedArrayBuffer,
        'Atomics.wait': atomics === undefined ? 'undefined' : typeof atomics.wait,
        'Atomics.waitAsync': atomics === undefined ? 'undefined' : typeof atomics.waitAsync,
        viaFunction: typeof Function('return typeof WebAssembly')() === 'string' ? Function('return typeof WebAssembly')() : 'odd',
        sharedMemory: (() => {
          try {
            return typeof new (globalThis as any).WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer;
          } catch { return 'undefined'; }
        })(),
      };`),
    );
    expect(expectValue(result)).toEqual({
      WebAssembly: 'undefined',
      SharedArrayBuffer: 'undefined',
      'Atomics.wait': 'undefined',
      'Atomics.waitAsync': 'undefined',
      viaFunction: 'undefined',
      sharedMemory: 'undefined',
    });
  });

  it('runs an asm.js module as plain JavaScript, with no WebAssembly behind it', async () => {
    const result = await run(
      skill(`function AsmSum(stdlib: unknown, foreign: unknown, heap: ArrayBuffer) {
        'use asm';
        const values = new Int32Array(heap);
        function sum(count: number) {
          count = count | 0;
          let total = 0, index = 0;
          for (index = 0; (index | 0) < (count | 0); index = (index + 1) | 0) total = (total + (values[index] | 0)) | 0;
          return total | 0;
        }
        return { sum };
      }
      const heap = new ArrayBuffer(0x10000);
      new Int32Array(heap).set([40, 2]);
      return AsmSum(globalThis, {}, heap).sum(2);`),
    );
    expect(expectValue(result)).toBe(42);
  });
});
