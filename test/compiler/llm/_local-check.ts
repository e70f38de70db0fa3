// MERGE: a test-local stand-in for compiler/checkSkill, which is built on another branch. It
// really parses (esbuild), applies the policy rules by pattern and replays trajectories with
// plain JS in node:vm. On merge, the loop tests must be rewired to checkSkill with a manifest.
import { transform, type Message } from 'esbuild';
import { runInNewContext } from 'node:vm';
import type { Trajectory } from '../../../compiler/import/index.js';
import type { CompiledSkill, Diagnostic } from '../../../compiler/check/index.js';
import type { CheckFunction } from '../../../compiler/llm/index.js';

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

function policyDiagnostics(source: string, allowed: readonly string[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const match of source.matchAll(/tools\.([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/g)) {
    if (!allowed.includes(match[1] ?? '')) {
      const message = `tools.${match[1]} is not in the tool manifest (allowed: ${allowed.join(', ')}).`;
      found.push({
        severity: 'error',
        code: 'TOOL_NOT_IN_MANIFEST',
        line: lineOf(source, match.index),
        message,
      });
    }
  }
  for (const match of source.matchAll(
    /^\s*import\s+(?!type\s+\{\s*Tools\s*\}\s+from\s+"knack:tools")[^\n]*/gm,
  )) {
    found.push({
      severity: 'error',
      code: 'IMPORT_NOT_ALLOWED',
      line: lineOf(source, match.index),
      message: `Import not allowed: ${match[0].trim()}`,
    });
  }
  if (!/^\s*export\s+const\s+meta\b/m.test(source)) {
    found.push({ severity: 'error', code: 'MISSING_META', message: 'The module must export `meta`.' });
  }
  return found;
}

type Report = CompiledSkill['verification']['reports'][number];

async function replay(code: string, trajectory: Trajectory): Promise<Report> {
  const module = { exports: {} as { default?: (input: unknown, tools: unknown) => Promise<unknown> } };
  runInNewContext(code, { module, exports: module.exports });
  let step = 0;
  const tools = new Proxy(
    {},
    {
      get: (_target, name) => async (args: unknown) => {
        const expected = trajectory.steps[step];
        step += 1;
        if (!expected || expected.tool !== name || canonical(expected.args) !== canonical(args)) {
          throw Object.assign(
            new Error(
              `expected ${expected ? `${expected.tool}(${canonical(expected.args)})` : 'no call'}, got ${String(name)}(${canonical(args)})`,
            ),
            { step },
          );
        }
        return JSON.parse(JSON.stringify(expected.result ?? null)) as unknown;
      },
    },
  );
  try {
    const value = await module.exports.default?.(trajectory.input ?? {}, tools);
    if (step !== trajectory.steps.length)
      return {
        trajectoryId: trajectory.id,
        ok: false,
        step,
        message: `made ${step} tool calls, expected ${trajectory.steps.length}`,
      };
    if (canonical(value) !== canonical(trajectory.answer))
      return {
        trajectoryId: trajectory.id,
        ok: false,
        message: `returned ${canonical(value)}, expected ${canonical(trajectory.answer)}`,
      };
    return { trajectoryId: trajectory.id, ok: true };
  } catch (error) {
    const failedStep = (error as { step?: number }).step;
    return {
      trajectoryId: trajectory.id,
      ok: false,
      ...(failedStep ? { step: failedStep } : {}),
      message: (error as Error).message,
    };
  }
}

function skillOf(
  source: string,
  bundle: string,
  diagnostics: Diagnostic[],
  reports: Report[],
  trajectories: Trajectory[],
): CompiledSkill {
  return {
    name: /name:\s*"([^"]+)"/.exec(source)?.[1] ?? 'unnamed',
    description: /description:\s*"([^"]+)"/.exec(source)?.[1] ?? '',
    source,
    bundle,
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object' },
    permissions: [...new Set([...source.matchAll(/tools\.([\w.]+)\s*\(/g)].map((m) => m[1] ?? ''))],
    imports: [],
    diagnostics,
    verification: { isVerified: reports.length > 0 && reports.every((r) => r.ok), reports },
    provenance: { trajectoryIds: trajectories.map((t) => t.id), compiler: 'test-local-check' },
    secretParameters: [],
  };
}

/** A check that parses with esbuild, applies policy by pattern, and replays in node:vm. */
export function createLocalCheck(allowedTools: readonly string[]): CheckFunction & { sources: string[] } {
  const sources: string[] = [];
  const check = async ({
    source,
    trajectories,
  }: {
    source: string;
    trajectories: Trajectory[];
  }): Promise<CompiledSkill> => {
    sources.push(source);
    let code: string;
    try {
      code = (
        await transform(source, { loader: 'ts', format: 'cjs', target: 'es2022', sourcefile: 'skill.ts' })
      ).code;
    } catch (error) {
      const errors = ((error as { errors?: Message[] }).errors ?? []).map((message): Diagnostic => ({
        severity: 'error',
        code: 'SYNTAX',
        message: message.text,
        ...(message.location ? { line: message.location.line, column: message.location.column + 1 } : {}),
      }));
      return skillOf(source, '', errors, [], trajectories);
    }
    const diagnostics = policyDiagnostics(source, allowedTools);
    if (diagnostics.length > 0) return skillOf(source, code, diagnostics, [], trajectories);
    const reports = await Promise.all(trajectories.map((trajectory) => replay(code, trajectory)));
    return skillOf(source, code, [], reports, trajectories);
  };
  return Object.assign(check, { sources });
}
