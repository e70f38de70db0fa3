import { toCamelCase } from '../../core/index.js';

const reserved = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static await implements interface package private protected public input tools meta arguments eval ' +
    'undefined globalThis'
  ).split(' '),
);

const verbs =
  /^(get|fetch|read|lookup|look_up|find|list|search|query|create|add|send|update|set|post|make|open|issue|run)_/;
const stopWords = new Set(
  (
    'a an the it its is are was were be to of on in for and or with from by this that my me i our your their ' +
    'please we you can could would should will just now which where what when who how still every each all ' +
    'tell give show let know some any wrote asking asked about her his them they she he'
  ).split(' '),
);

/** A name safe to declare: not a keyword nor one of the skill's own names. */
export function safeIdentifier(name: string): string {
  return reserved.has(name) ? `${name}Value` : name;
}

/** The noun a tool is about: `support.get_order` -> `order`, `list_members` -> `members`. */
export function toolNoun(tool: string): string {
  const parts = tool.split('.');
  const last = parts.pop() ?? tool;
  const namespace = parts.pop();
  // `tickets.get` reads a ticket, `tickets.list` lists tickets.
  if (namespace && /^(get|fetch|read|lookup)$/.test(last)) return toCamelCase(singularOf(namespace));
  if (namespace && /^(list|search|find|query)$/.test(last))
    return toCamelCase(`${singularOf(namespace)} ${last === 'list' ? 'list' : 'results'}`);
  return toCamelCase(last.replace(verbs, '')) || 'result';
}

function singularOf(word: string): string {
  return /ies$/.test(word) ? `${word.slice(0, -3)}y` : word.replace(/([^s])s$/, '$1');
}

/** `members` -> `member`, `entries` -> `entry`; anything else gets `Item`. */
export function singular(name: string): string {
  if (/ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return `${name}Item`;
}

/** A snake_case skill name from the task's first meaningful words, without the given literals. */
export function skillNameFromTask(task: string, literals: readonly string[]): string {
  let text = task;
  for (const literal of literals) text = text.split(literal).join(' ');
  const words = text
    .toLowerCase()
    .replace(/([a-z])-([a-z])/g, '$1$2') // "on-call" is one word
    .split(/[^a-z]+/)
    .filter((word) => word.length > 1 && !stopWords.has(word));
  return words.slice(0, 3).join('_') || 'skill';
}

/** Picks `base`, or `base2`, `base3`... when taken. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let index = 2; ; index++) if (!taken.has(`${base}${index}`)) return `${base}${index}`;
}
