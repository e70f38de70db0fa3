import type { ToolManifestEntry } from '../../core/index.js';
import type { CallSkillResult } from '../call-skill.js';
import { isReadOnlyTool } from './_tool-effects.js';

const maxArgsChars = 300;

function argsText(args: unknown): string {
  const text = JSON.stringify(args) ?? 'undefined';
  return text.length > maxArgsChars ? `${text.slice(0, maxArgsChars)}…` : text;
}

/**
 * The text of a failed run for an agent: the knack code first (`TOOL_FAILED: ...`), then every
 * effectful tool call that completed before the failure, so a half-done refund is visible.
 */
export function failedRunText(
  result: Extract<CallSkillResult, { ok: false }>,
  manifest: readonly ToolManifestEntry[],
): string {
  const byName = new Map(manifest.map((entry) => [entry.name, entry]));
  const done = result.trace.filter(
    (call) => call.error === undefined && !isReadOnlyTool(byName.get(call.tool)),
  );
  const lines = [
    `${result.error.code}: ${result.error.message}`,
    `Run ${result.runId ?? '(not recorded)'} of ${result.ref}.`,
    done.length === 0
      ? 'No effectful tool call completed before the failure.'
      : `Effectful tool calls that completed before the failure (their effects stand):\n${done
          .map((call) => `  ${call.step}. ${call.tool}(${argsText(call.args)})`)
          .join('\n')}`,
  ];
  return lines.join('\n');
}
