import { createValidator, type ToolManifestEntry, type ValidationIssue } from '../../core/index.js';
import type { Trajectory } from './trajectory.js';
import { trajectoryError } from './_trajectory-error.js';
import { errorFromObject } from './_tool-error.js';

const articles: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const key of pointer.split('/').filter(Boolean)) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** "`args.id` must be a string, got number." from an ajv issue. */
function describeIssue(args: unknown, issue: ValidationIssue): { field: string; message: string } {
  const field = `args${issue.path === '/' ? '' : issue.path.replace(/\//g, '.')}`;
  const typeMatch = /^must be (\w+)$/.exec(issue.message);
  const wanted = typeMatch?.[1] ? articles[typeMatch[1]] : undefined;
  const message = wanted
    ? `\`${field}\` must be ${wanted}, got ${typeName(valueAt(args, issue.path))}.`
    : `\`${field}\` ${issue.message}.`;
  return { field, message };
}

// OpenAI function names cannot contain dots; recorders commonly write `github__create_issue`.
function manifestName(tool: string, names: ReadonlySet<string>): string | undefined {
  if (names.has(tool)) return tool;
  const dotted = tool.replace(/__/g, '.');
  return names.has(dotted) ? dotted : undefined;
}

function mcpErrorOf(result: unknown): string | undefined {
  const isMcpError =
    typeof result === 'object' && result !== null && (result as { isError?: unknown }).isError === true;
  return isMcpError ? errorFromObject(result) : undefined;
}

/**
 * Checks a trajectory against the manifest: it has steps, every tool exists and every call's
 * arguments satisfy the tool's `inputSchema`. Renames `a__b` tools to `a.b` when the manifest says so.
 * @throws KnackError INVALID_TRAJECTORY naming the file, the step and the field.
 */
export function checkTrajectory(
  trajectory: Trajectory,
  manifest: readonly ToolManifestEntry[],
  file: string | undefined = trajectory.id,
): Trajectory {
  if (trajectory.steps.length === 0) {
    throw trajectoryError(
      { file, field: 'steps' },
      'the trajectory has no tool calls; there is nothing to compile.',
    );
  }
  const entries = new Map(manifest.map((entry) => [entry.name, entry]));
  const names = new Set(entries.keys());
  trajectory.steps.forEach((step, index) => {
    const where = { file, step: index + 1 };
    const name = manifestName(step.tool, names);
    if (!name) {
      throw trajectoryError(
        { ...where, field: 'tool' },
        `tool \`${step.tool}\` is not in the manifest (known: ${[...names].join(', ')}).`,
      );
    }
    step.tool = name;
    // An MCP `CallToolResult` with `isError: true` recorded as a result is a failed call.
    const mcpError = step.error === undefined ? mcpErrorOf(step.result) : undefined;
    if (mcpError !== undefined) {
      step.error = mcpError;
      delete step.result;
    }
    const checked = createValidator(entries.get(name)?.inputSchema ?? true)(step.args);
    if (!checked.ok && checked.issues[0]) {
      const { field, message } = describeIssue(step.args, checked.issues[0]);
      throw trajectoryError({ ...where, field }, message);
    }
  });
  return trajectory;
}

/**
 * Refuses trajectories that cannot be compiled (failed outcome).
 * @throws KnackError INVALID_TRAJECTORY
 */
export function assertCompilable(trajectory: Trajectory, file: string | undefined = trajectory.id): void {
  if (trajectory.outcome !== 'success') {
    throw trajectoryError(
      { file, field: 'outcome' },
      'the outcome is a failure; only successful trajectories compile (failures are kept as evidence for refinement).',
    );
  }
}
