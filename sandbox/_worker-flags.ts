// Skills get no WebAssembly (the glue deletes it; these flags keep V8 from building it into every
// context) and asm.js runs as plain JavaScript instead of being compiled to wasm. Together they
// take about a fifth off the CPU of each fresh context.
//
// Skills are ES2022 (the type checker's lib). Node 20's V8 installs its ES2023+ additions into
// every new context at run time, outside the snapshot: without them a fresh context costs about
// a quarter fewer instructions (callgrind, 2.76M -> 2.10M), and a skill that type-checks runs the
// same. Gone: Array and TypedArray toSorted/toReversed/toSpliced/with, resizable ArrayBuffers,
// the RegExp `v` flag, Intl.NumberFormat v3. (Symbols as WeakMap keys stay: Node's own
// worker threads need them.)
/** The V8 flags of every worker process. */
export const WORKER_V8_FLAGS: readonly string[] = [
  '--no-expose-wasm',
  '--no-validate-asm',
  '--no-harmony-change-array-by-copy',
  '--no-harmony-rab-gsab',
  '--no-harmony-regexp-unicode-sets',
  '--no-harmony-intl-number-format-v3',
];
