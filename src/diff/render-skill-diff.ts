import pc from 'picocolors';
import type { SchemaChange } from './diff-schemas.js';
import type { SkillDiff, VersionFacts } from './diff-skill-versions.js';

/** Options of `renderSkillDiff`. */
export interface RenderSkillDiffOptions {
  /** ANSI colours (the CLI passes true only on a TTY without NO_COLOR). @default false */
  color?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

function renderPermissions(diff: SkillDiff, c: Colors): string[] {
  const { added, removed } = diff.permissions;
  if (added.length === 0 && removed.length === 0) return ['Permissions: unchanged'];
  return [
    added.length > 0
      ? c.bold(c.red(`Permissions: ${added.length} tool(s) ADDED, review before activating`))
      : 'Permissions:',
    ...added.map((tool) => c.red(`  + ${tool}`)),
    ...removed.map((tool) => c.green(`  - ${tool}`)),
  ];
}

function renderChange(change: SchemaChange, c: Colors): string {
  const required = change.isRequired ? 'required' : 'optional';
  switch (change.kind) {
    case 'added':
      return c.green(`  + ${change.path}: ${change.after} (${required})`);
    case 'removed':
      return c.red(`  - ${change.path}: ${change.before} (was ${required})`);
    case 'type-changed':
      return c.yellow(`  ~ ${change.path}: ${change.before} -> ${change.after}`);
    case 'required-changed':
      return c.yellow(`  ~ ${change.path}: ${change.before} -> ${change.after}`);
  }
}

function renderSchema(title: string, changes: readonly SchemaChange[], c: Colors): string[] {
  if (changes.length === 0) return [`${title}: unchanged`];
  return [`${title}:`, ...changes.map((change) => renderChange(change, c))];
}

function percent(rate: number | null): string {
  return rate === null ? '-' : `${(rate * 100).toFixed(1)}%`;
}

function failures(side: VersionFacts): string {
  const entries = Object.entries(side.failures).filter(([, count]) => count > 0);
  return entries.length === 0 ? '-' : entries.map(([code, count]) => `${code} ${count}`).join(', ');
}

function renderSideBySide(diff: SkillDiff, c: Colors): string[] {
  const { from, to } = diff;
  const rows: [string, string, string][] = [
    ['', `${from.name}@${from.version}`, `${to.name}@${to.version}`],
    ['status', from.status, to.status],
    ['trajectories', from.trajectoryIds.join(', ') || '-', to.trajectoryIds.join(', ') || '-'],
    ['compiler', from.compiler, to.compiler],
    ['model', from.model ?? '-', to.model ?? '-'],
    [
      'verified',
      `${from.isVerified ? 'yes' : 'no'} (${from.replaysPassed}/${from.replays})`,
      `${to.isVerified ? 'yes' : 'no'} (${to.replaysPassed}/${to.replays})`,
    ],
    ['evidence', from.evidence ?? '-', to.evidence ?? '-'],
    ['runs', String(from.runs), String(to.runs)],
    ['success', percent(from.successRate), percent(to.successRate)],
    ['failures', failures(from), failures(to)],
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows.map(([label, left, right], index) => {
    const line = `  ${label.padEnd(widths[0] ?? 0)}  ${left.padEnd(widths[1] ?? 0)}  ${right}`.trimEnd();
    const isChanged = index > 0 && left !== right;
    return index === 0 ? c.bold(line) : isChanged ? c.yellow(line) : line;
  });
}

// What the newer version leaves out, marked against the older one: `+` newly left out, `-` back in.
function renderLeftOut(diff: SkillDiff, c: Colors): string[] {
  const { from, to } = diff.leftOut;
  if (from.length + to.length === 0) return [];
  const before = new Set(from);
  const after = new Set(to);
  return [
    'Left out of the skill (recorded calls that are not procedure):',
    ...to.map((line) => (before.has(line) ? `  ${line}` : c.green(`  + ${line}`))),
    ...from.filter((line) => !after.has(line)).map((line) => c.red(`  - ${line}`)),
  ];
}

function renderPatch(patch: string, c: Colors): string[] {
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('====='))
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      if (line.startsWith('@@')) return c.cyan(line);
      return line;
    });
}

/**
 * Renders a diff for a reviewer: the semantic summary (permissions first) above the unified
 * source diff. Plain text unless `color` is set.
 */
export function renderSkillDiff(diff: SkillDiff, options: RenderSkillDiffOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const { from, to, trajectories } = diff;
  const trajectoryLine =
    trajectories.added.length + trajectories.removed.length === 0
      ? 'Trajectories: unchanged'
      : `Trajectories: ${[...trajectories.added.map((id) => `+${id}`), ...trajectories.removed.map((id) => `-${id}`)].join(' ')}`;
  const lines = [
    c.bold(`Diff ${from.name}@${from.version} -> ${to.name}@${to.version}`),
    '',
    ...renderPermissions(diff, c),
    ...renderSchema('Input', diff.input, c),
    ...renderSchema('Output', diff.output, c),
    `Status: ${from.status === to.status ? from.status : `${from.status} -> ${to.status}`}`,
    trajectoryLine,
    ...renderLeftOut(diff, c),
    ...diff.assumptions.added.map((text) => c.yellow(`Assumption: +${text}`)),
    ...diff.assumptions.removed.map((text) => c.green(`Assumption: -${text}`)),
    '',
    ...renderSideBySide(diff, c),
    '',
    ...(diff.isSourceChanged ? renderPatch(diff.sourcePatch, c) : ['Source: unchanged']),
  ];
  return lines.join('\n').trimEnd();
}
