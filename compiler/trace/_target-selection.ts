import type { Expr } from './_expr.js';
import type { Segment } from './_segments.js';

/** How a call's target (the thing its id argument names) is chosen in a drafted skill. */
export interface TargetSelection {
  tool: string;
  /** Inputs a `.find(...)` compares to pick the target: `["destination"]` for "the one to Denver". */
  selectors: string[];
  /** The input passed straight as the target's id, when the caller names the target. */
  direct?: string;
}

function inputName(expr: Expr): string | undefined {
  if (expr.kind !== 'ref' || expr.root.type !== 'input' || expr.path.length !== 1) return undefined;
  const [name] = expr.path;
  return typeof name === 'string' ? name : undefined;
}

function collectSelectors(expr: Expr, into: string[]): void {
  if (expr.kind === 'ref')
    for (const step of expr.path) {
      if (typeof step !== 'object') continue;
      if ('key' in step) collectSelectors(step.key, into);
      else {
        const name = inputName(step.equals);
        if (name !== undefined && !into.includes(name)) into.push(name);
        else collectSelectors(step.equals, into);
      }
    }
  if (expr.kind === 'template')
    for (const part of expr.parts) if (typeof part !== 'string') collectSelectors(part, into);
  if (expr.kind === 'object') for (const [, inner] of expr.entries) collectSelectors(inner, into);
  if (expr.kind === 'array') for (const inner of expr.items) collectSelectors(inner, into);
  if (expr.kind === 'map') collectSelectors(expr.list, into);
}

// The argument that names what the call acts on: `reservation_id` for `cancel_reservation`,
// `id` for `tickets.update`; not `user_id` for `book_reservation` (that is whose, not what).
function targetEntry(tool: string, args: Expr): Expr | undefined {
  if (args.kind !== 'object') return undefined;
  const words = new Set(
    tool
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .map((word) => word.replace(/s$/, '')),
  );
  const found = args.entries.find(([key]) => {
    if (/^id$/i.test(key)) return true;
    const stem = /^(.+?)_?id$/i.exec(key)?.[1]?.toLowerCase().replace(/_$/, '');
    return stem !== undefined && words.has(stem.replace(/s$/, ''));
  });
  return found?.[1];
}

/** Per segment of a draft, how the target of its call is chosen (read off the drafted arguments). */
export function targetSelections(segments: readonly Segment[], args: readonly Expr[]): TargetSelection[] {
  return segments.map((segment, index) => {
    const entry = targetEntry(segment.tool, args[index] ?? { kind: 'literal', value: undefined });
    if (entry === undefined) return { tool: segment.tool, selectors: [] };
    const direct = inputName(entry);
    if (direct !== undefined) return { tool: segment.tool, selectors: [], direct };
    const selectors: string[] = [];
    collectSelectors(entry, selectors);
    // The target is the element a scan stopped at: its rule's input picks it.
    const scanned =
      entry.kind === 'ref' && entry.root.type === 'segment' ? segments[entry.root.index] : undefined;
    if (scanned?.scan?.equals) collectSelectors(scanned.scan.equals, selectors);
    const equalsInput = scanned?.scan?.equals ? inputName(scanned.scan.equals) : undefined;
    if (equalsInput !== undefined && !selectors.includes(equalsInput)) selectors.push(equalsInput);
    for (const option of scanned?.scan?.alternatives ?? []) collectSelectors(option.equals, selectors);
    return { tool: segment.tool, selectors };
  });
}
