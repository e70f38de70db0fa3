import { SKILL_BUNDLE_GLOBAL } from './bundle-format.js';

// Source of the glue that runs first in every fresh context, before any skill code. It is
// evaluated as a closure whose `$0` (send a tool call) and `$1` (report the outcome) are the
// worker's callbacks: they are captured here and never stored on a global, so skill code cannot
// reach them. The closure returns `control`, which the worker holds as a Reference and calls
// synchronously (no thread hop): op 0 starts the run, op 1 settles a tool call, and op 2, while
// the worker prepares the context, builds the tools object for the names it expects. All skill
// code thus runs inside the worker's timed applySync calls; between them the isolate is idle.
// Nothing here is a security boundary (the worker and the caller check every string that leaves),
// so a skill that subverts the glue only breaks its own run.
/** Where the bundle's top-level try puts what its code threw (see IsolateSlot.compile). */
export const LOAD_ERROR_GLOBAL = '__knackLoadError';

export const GLUE_SOURCE: string = String.raw`
'use strict';
const send = $0, finish = $1;
const G = globalThis;
const { stringify, parse } = JSON;
const apply = Reflect.apply, reflectGet = Reflect.get, hasOwn = Object.hasOwn;
const then = Promise.prototype.then;
const PromiseCtor = Promise;
const ErrorCtor = Error, TypeErrorCtor = TypeError, StringCtor = String, ProxyCtor = Proxy;
const freeze = Object.freeze, keys = Object.keys, objectProto = Object.prototype;
const push = Array.prototype.push, join = Array.prototype.join, isArray = Array.isArray;
const split = String.prototype.split, slice = String.prototype.slice, charCodeAt = String.prototype.charCodeAt;
const getOwn = Object.getOwnPropertyDescriptor, isFiniteNumber = Number.isFinite;
const getTime = Date.prototype.getTime, toISOString = Date.prototype.toISOString;
const objectToString = Object.prototype.toString;
const rejectPromise = Promise.reject.bind(Promise);
// FinalizationRegistry: V8 runs its callbacks as tasks of their own, outside every timed call of
// the worker, so a callback that loops holds the isolate with no deadline.
for (const name of ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry']) {
  try { delete G[name]; } catch {}
}
const pending = Object.create(null);
let seq = 0;
const logs = [];
let logBytes = 0, logMax = 0, logTruncated = false;

function text(value, max) {
  let out;
  try { out = typeof value === 'string' ? value : StringCtor(value); } catch { out = '[unprintable]'; }
  return out.length > max ? apply(slice, out, [0, max]) : out;
}
function format(value, max) {
  if (typeof value === 'string') return value;
  if (value instanceof ErrorCtor) { try { return text(value.stack || value.message, max); } catch { return '[error]'; } }
  if (value !== null && typeof value === 'object') {
    try { const json = stringify(value); if (typeof json === 'string') return text(json, max); } catch {}
  }
  return text(value, max);
}
function record(level, args) {
  const room = logMax - logBytes;
  if (room <= 0) { logTruncated = true; return; }
  let message = '';
  for (let index = 0; index < args.length && message.length <= room; index++) {
    message += (index ? ' ' : '') + format(args[index], room);
  }
  // The budget is in UTF-8 bytes: cut at the last whole character that fits.
  let bytes = 0, end = 0;
  for (; end < message.length; end++) {
    const code = apply(charCodeAt, message, [end]);
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 4 : 3;
    if (bytes + size > room) break;
    bytes += size;
    if (size === 4) end++;
  }
  if (end < message.length) { message = apply(slice, message, [0, end]); logTruncated = true; }
  logBytes += bytes + 1;
  apply(push, logs, [[level, message]]);
}
const consoleObject = {};
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  consoleObject[level] = (...args) => record(level, args);
}
G.console = freeze(consoleObject);

class ToolError extends ErrorCtor {}
// A private brand: instanceof consults Symbol.hasInstance, which skill code can redefine.
const toolErrors = new WeakSet();
const weakAdd = WeakSet.prototype.add, weakHas = WeakSet.prototype.has;
// Results, logs and tool arguments leave as plain data, written by this copy with intrinsics
// captured above: JSON.stringify would call toJSON hooks (a skill can patch Object.prototype) and
// run accessors. A tool argument with an accessor or a toJSON is refused rather than invoked; a
// result's toJSON is ignored. Dates become their ISO string, as in JSON.
function where(key) { return key === '' ? 'the top level' : '"' + text(key, 100) + '"'; }
function plainJson(value, depth, key, isArgument) {
  const type = typeof value;
  if (type === 'string') return stringify(value);
  if (type === 'number') return isFiniteNumber(value) ? stringify(value) : 'null';
  if (type === 'boolean') return value ? 'true' : 'false';
  if (type === 'undefined') return undefined;
  if (type !== 'object') throw new TypeErrorCtor('a ' + type + ' at ' + where(key) + ' is not JSON data');
  if (value === null) return 'null';
  if (depth >= 256) throw new TypeErrorCtor('the value is nested deeper than 256 levels, or holds a cycle');
  // A Date (tag first: a failed getTime throws, and an Error per object costs a stack trace).
  if (apply(objectToString, value, []) === '[object Date]') {
    let time;
    try { time = apply(getTime, value, []); } catch {}
    if (time !== undefined) return time === time ? stringify(apply(toISOString, value, [])) : 'null';
  }
  if (isArgument && 'toJSON' in value) throw new TypeErrorCtor('an object with toJSON at ' + where(key) + ' is not plain data');
  const parts = [];
  if (isArray(value)) {
    const length = getOwn(value, 'length').value;
    for (let index = 0; index < length; index++) {
      const slot = getOwn(value, index);
      if (slot !== undefined && !('value' in slot)) throw new TypeErrorCtor('an accessor at ' + where(StringCtor(index)) + ' is not plain data');
      const json = slot === undefined ? undefined : plainJson(slot.value, depth + 1, StringCtor(index), isArgument);
      apply(push, parts, [json === undefined ? 'null' : json]);
    }
    return '[' + apply(join, parts, [',']) + ']';
  }
  const names = keys(value);
  for (let index = 0; index < names.length; index++) {
    const name = names[index];
    const slot = getOwn(value, name);
    if (slot === undefined) continue;
    if (!('value' in slot)) throw new TypeErrorCtor('an accessor at ' + where(name) + ' is not plain data');
    const json = plainJson(slot.value, depth + 1, name, isArgument);
    if (json !== undefined) apply(push, parts, [stringify(name) + ':' + json]);
  }
  return '{' + apply(join, parts, [',']) + '}';
}
function decodeReply(reply) {
  if (typeof reply !== 'string' || reply.length === 0) throw new ErrorCtor('The host sent no reply.');
  const kind = reply[0];
  if (kind === 'v') return parse(apply(slice, reply, [1]));
  if (kind === 'u') return undefined;
  const failure = parse(apply(slice, reply, [1]));
  const error = kind === 'e' ? new ToolError(failure.message) : new ErrorCtor(failure.message);
  error.name = kind === 'e' ? 'ToolError' : 'KnackRunEnded';
  error.tool = failure.tool;
  error.step = failure.step;
  if (kind === 'e') apply(weakAdd, toolErrors, [error]);
  throw error;
}
function callTool(name, args) {
  let json;
  try {
    json = args === undefined ? '' : plainJson(args, 0, '', true);
  } catch (error) {
    return rejectPromise(new TypeErrorCtor('tools.' + name + ': arguments must be JSON data: ' + text(error && error.message, 500)));
  }
  return new PromiseCtor((resolve, reject) => {
    const id = ++seq;
    pending[id] = [resolve, reject];
    send(id, name, json === undefined ? '' : json);
  });
}
function makeTool(name) {
  return (args) => callTool(name, args);
}
function guard(node, prefix) {
  return new ProxyCtor(freeze(node), {
    get(target, property, receiver) {
      if (typeof property !== 'string' || property in target || property === 'then' || property === 'toJSON') {
        return reflectGet(target, property, receiver);
      }
      // An ungranted name reads as absent, as 'in' says; the host still hears of it and ends
      // the run with TOOL_NOT_ALLOWED (the skill asked for a tool it was not granted).
      send(++seq, prefix + property, '');
      return undefined;
    },
  });
}
function buildTools(names) {
  const root = {};
  for (const name of names) {
    const parts = apply(split, name, ['.']);
    let node = root;
    for (let index = 0; index < parts.length - 1; index++) {
      const part = parts[index];
      if (!hasOwn(node, part)) node[part] = {};
      node = node[part];
    }
    const last = parts[parts.length - 1];
    const tool = makeTool(name);
    if (hasOwn(node, last) && typeof node[last] === 'object') {
      for (const key of keys(node[last])) tool[key] = node[last][key];
    }
    node[last] = tool;
  }
  const wrap = (node, prefix) => {
    for (const key of keys(node)) {
      const child = node[key];
      if (typeof child === 'object') node[key] = wrap(child, prefix + key + '.');
    }
    return typeof node === 'object' ? guard(node, prefix) : node;
  };
  return wrap(root, '');
}
function describe(error) {
  const out = { name: 'Error', message: '', stack: '' };
  try { if (apply(weakHas, toolErrors, [error])) { out.code = 'TOOL_FAILED'; out.step = error.step; out.tool = text(error.tool, 200); } } catch {}
  if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
    try { out.name = text(error.name, 200); } catch {}
    try { out.message = text(error.message, 4000); } catch {}
    try { out.stack = text(error.stack, 16000); } catch {}
  } else {
    out.message = text(error, 4000);
  }
  return out;
}
function byteLength(json) {
  let bytes = 0;
  for (let index = 0; index < json.length; index++) {
    const code = apply(charCodeAt, json, [index]);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) { bytes += 4; index++; }
    else bytes += 3;
  }
  return bytes;
}
async function run(inputJson, toolNames, maxOutputBytes, maxLogBytes) {
  logMax = maxLogBytes;
  let head;
  try {
    const loadError = G[${JSON.stringify(LOAD_ERROR_GLOBAL)}];
    if (loadError !== undefined) throw loadError !== null && typeof loadError === 'object' ? loadError[0] : loadError;
    const skill = G[${JSON.stringify(SKILL_BUNDLE_GLOBAL)}];
    const fn = skill !== null && typeof skill === 'object' ? skill.default : undefined;
    if (typeof fn !== 'function') throw new TypeErrorCtor('The skill has no default export function.');
    const input = inputJson === '' ? undefined : parse(inputJson);
    const value = await fn(input, toolNames === null ? readyTools : buildTools(toolNames));
    const json = value === undefined ? undefined : plainJson(value, 0, '', false);
    if (json === undefined) head = '{"k":"u"';
    else if (json.length > maxOutputBytes || (json.length * 3 > maxOutputBytes && byteLength(json) > maxOutputBytes)) {
      head = '{"k":"o","n":' + byteLength(json);
    } else head = '{"k":"v","v":' + json;
  } catch (error) {
    head = '{"k":"e","e":' + plainJson(describe(error), 0, '', false);
  }
  return head + ',"l":' + plainJson(logs, 0, '', false) + ',"t":' + (logTruncated ? 'true' : 'false') + '}';
}
function settle(id, reply) {
  const entry = pending[id];
  if (entry === undefined) return;
  delete pending[id];
  let value;
  try { value = decodeReply(reply); } catch (error) { entry[1](error); return; }
  entry[0](value);
}
// The tools object built ahead of the run (op 2, while the worker prepares this context) for the
// names the worker expects; the run gets null for its names when they are these.
let readyTools;
let isStarted = false;
// No value may leave control by a throw: isolated-vm would read its getters with no deadline.
return function control(op, a, b, c, d) {
  try {
    if (op === 1) return settle(a, b);
    if (isStarted) return;
    if (op === 2) { readyTools = buildTools(a); return; }
    isStarted = true;
    apply(then, run(a, b, c, d), [(payload) => finish(payload)]);
  } catch {}
};
`;
