import type { Expr } from './_expr.js';
import { renderExpr, renderFirstGiven, type RenderNames } from './_render-expr.js';
import { alternativesGuard } from './_hoist-finds.js';
import { uniqueName } from './_naming.js';

/** A scan to render: the list and its element's name, the rendered lookup, where it stops. */
export interface ScanCode {
  path: (string | number)[];
  equals?: Expr;
  /** Other properties the caller may name the element by instead (the first given is tested). */
  alternatives?: { path: (string | number)[]; equals: Expr }[];
  list: string;
  item: string;
  /** The tool call, rendered with `item` as the element. */
  call: string;
  /** The variable that holds the element found (renamed when the loop's element has its name). */
  result: string | undefined;
  /** The tool call's result type. */
  resultType: string;
}

const identifier = /^[A-Za-z_$][\w$]*$/;

function propertyCode(path: readonly (string | number)[]): string {
  return path
    .map((key) =>
      typeof key === 'number' ? `[${key}]` : identifier.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`,
    )
    .join('');
}

const propertyOf = (path: readonly (string | number)[]): string =>
  [...path].reverse().find((key): key is string => typeof key === 'string') ?? 'value';

// `No reservation with destination "DEN" was found.`; with alternatives, the one the caller gave.
function notFound(scan: ScanCode, equals: Expr, names: RenderNames): string {
  if (scan.alternatives?.length) {
    const options = [{ path: scan.path, equals }, ...scan.alternatives].map((option) => {
      const value = renderExpr(option.equals, names);
      return { given: value, test: `\`${propertyOf(option.path)} \${JSON.stringify(${value})}\`` };
    });
    return `\`No ${scan.item} with \${${renderFirstGiven(options)}} was found.\``;
  }
  const property = propertyOf(scan.path);
  if (equals.kind === 'literal')
    return JSON.stringify(`No ${scan.item} with ${property} ${JSON.stringify(equals.value)} was found.`);
  return `\`No ${scan.item} with ${property} \${JSON.stringify(${renderExpr(equals, names)})} was found.\``;
}

// `candidate.destination === input.destination`; with alternatives, the first the caller gave:
// `input.destination !== undefined ? candidate.destination === ... : candidate.flights[0].date === input.date`.
function matchTest(scan: ScanCode, candidate: string, equals: Expr, names: RenderNames, pad: string): string {
  const options = [{ path: scan.path, equals }, ...(scan.alternatives ?? [])];
  return renderFirstGiven(
    options.map((option) => ({
      given: renderExpr(option.equals, names),
      test: `${candidate}${propertyCode(option.path)} === ${renderExpr(option.equals, names, pad)}`,
    })),
  );
}

/**
 * Renders a scan: look the list's elements up in order, stop at the first whose property equals the
 * rule's value, and fail clearly when none does (the skill never acts on another element).
 */
export function renderScan(
  scan: ScanCode,
  segmentNames: Map<number, string>,
  index: number,
  names: RenderNames,
  taken: Set<string>,
  pad = '  ',
): string[] {
  const equals: Expr = scan.equals ?? { kind: 'literal', value: undefined };
  let result = scan.result ?? scan.item;
  // `for (const order of ...) { ... order = candidate }` would assign the loop's own constant.
  if (result === scan.item) {
    result = uniqueName(`found${result[0]?.toUpperCase() ?? ''}${result.slice(1)}`, taken);
    segmentNames.set(index, result);
  }
  taken.add(result);
  const candidate = uniqueName('candidate', taken);
  taken.add(candidate);
  return [
    ...alternativesGuard(
      { equals, ...(scan.alternatives ? { alternatives: scan.alternatives } : {}) },
      scan.item,
      names,
      '',
    ),
    `let ${result}: ${scan.resultType} | undefined;`,
    `for (const ${scan.item} of ${scan.list}) {`,
    `  const ${candidate} = await ${scan.call};`,
    `  if (${matchTest(scan, candidate, equals, names, `${pad}  `)}) {`,
    `    ${result} = ${candidate};`,
    '    break;',
    '  }',
    '}',
    `if (${result} === undefined) throw new Error(${notFound(scan, equals, names)});`,
  ].map((line) => `${pad}${line}`);
}
