import type { Diagnostic } from './check/index.js';

// TS7006: "Parameter 'x' implicitly has an 'any' type." The column points at the parameter name.
const IMPLICIT_ANY = 'TS7006';

/** Whether a checked draft failed only where nothing typed a callback parameter. */
export function hasUntypedParameters(diagnostics: readonly Diagnostic[]): boolean {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return errors.length > 0 && errors.every((diagnostic) => diagnostic.code === IMPLICIT_ANY);
}

/**
 * Where no recorded result types a value, the draft says so instead of failing to type-check:
 * each implicitly-`any` parameter becomes `name: any /* untyped: no recorded result *\/`.
 */
export function annotateUntypedParameters(source: string, diagnostics: readonly Diagnostic[]): string {
  const lines = source.split('\n');
  const sites = diagnostics
    .filter((diagnostic) => diagnostic.code === IMPLICIT_ANY && diagnostic.line && diagnostic.column)
    // Right to left, so earlier columns on one line stay valid.
    .sort((a, b) => (b.line ?? 0) - (a.line ?? 0) || (b.column ?? 0) - (a.column ?? 0));
  for (const { line, column } of sites) {
    const text = lines[(line ?? 1) - 1];
    if (text === undefined) continue;
    const start = (column ?? 1) - 1;
    const name = /^[A-Za-z_$][\w$]*/.exec(text.slice(start))?.[0];
    if (!name) continue;
    const end = start + name.length;
    // `x => ...` needs parentheses to carry a type; `(x) => ...` and `(x, y)` do not.
    const isBare = /^\s*=>/.test(text.slice(end));
    const typed = `${name}: any /* untyped: no recorded result */`;
    lines[(line ?? 1) - 1] = `${text.slice(0, start)}${isBare ? `(${typed})` : typed}${text.slice(end)}`;
  }
  return lines.join('\n');
}
