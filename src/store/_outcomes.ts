// Runs by id and the outcome reports on them. A run entry is written once when the run is
// counted; one report per run, so a verdict cannot be counted twice.
import { KnackError, safeParseJson } from '../../core/index.js';
import { defaultActor } from './_lifecycle.js';
import { countWrongInWindow } from './_reliability.js';
import type { StoreContext } from './_store-context.js';
import { parseSkillRef } from './parse-skill-ref.js';
import type { OutcomeReport, RunOutcome } from './skill-record.js';
import type { ReportOutcomeOptions } from './skill-store-types.js';

/** What the store keeps of a counted run. */
interface RunEntry {
  ref: string;
  ok: boolean;
  code?: string;
  at: string;
}

const outcomes: readonly RunOutcome[] = ['correct', 'wrong'];

/** @throws KnackError INVALID_ARGUMENT unless the id is 8-64 of `A-Za-z0-9_-`. */
export function assertRunId(runId: string): void {
  if (typeof runId !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(runId))
    throw new KnackError(
      'INVALID_ARGUMENT',
      `Run id \`${String(runId)}\` must be 8 to 64 letters, digits, \`_\` or \`-\`.`,
      { where: { field: 'runId' } },
    );
}

/** Writes the run's entry under its id. @throws KnackError INVALID_ARGUMENT for an id already used. */
export async function recordRunEntry(context: StoreContext, runId: string, entry: RunEntry): Promise<void> {
  assertRunId(runId);
  if (!(await context.backend().add(context.keys.run(runId), JSON.stringify(entry))))
    throw new KnackError(
      'INVALID_ARGUMENT',
      `Run id \`${runId}\` is already recorded; give each run its own id.`,
    );
}

function checkOptions(options: ReportOutcomeOptions): void {
  if (typeof options?.runId !== 'string' || options.runId === '')
    throw new KnackError('INVALID_ARGUMENT', 'reportOutcome needs `runId`: the id a run result carries.', {
      where: { field: 'runId' },
    });
  if (!outcomes.includes(options.outcome))
    throw new KnackError(
      'INVALID_ARGUMENT',
      `reportOutcome: \`outcome\` must be \`correct\` or \`wrong\`, got ${JSON.stringify(options.outcome)}.`,
      { where: { field: 'outcome' } },
    );
}

/**
 * Records the verdict on a run and counts it in the version's reliability.
 * @throws KnackError NOT_FOUND (no such run), INVALID_ARGUMENT (the run is not of `ref`), ALREADY_EXISTS.
 */
export async function reportRunOutcome(
  context: StoreContext,
  options: ReportOutcomeOptions,
): Promise<OutcomeReport> {
  checkOptions(options);
  const backend = context.backend();
  const text = await backend.get(context.keys.run(options.runId));
  const parsed = text === undefined ? undefined : safeParseJson<RunEntry>(text);
  if (!parsed?.ok)
    throw new KnackError(
      'NOT_FOUND',
      `No run \`${options.runId}\` in ${context.location}; runs counted by callSkill carry an id, and another process writes its runs within its flush interval (1 s by default).`,
      {
        where: { field: 'runId' },
      },
    );
  const run = parsed.value;
  const ran = parseSkillRef(run.ref);
  if (options.ref !== undefined) {
    const wanted = parseSkillRef(options.ref);
    const isSameVersion =
      wanted.selector !== 'version' || (ran.selector === 'version' && ran.version === wanted.version);
    if (wanted.name !== ran.name || !isSameVersion)
      throw new KnackError(
        'INVALID_ARGUMENT',
        `Run \`${options.runId}\` is a run of ${run.ref}, not of ${options.ref}.`,
        {
          where: { field: 'ref' },
        },
      );
  }
  const report: OutcomeReport = {
    runId: options.runId,
    ref: run.ref,
    outcome: options.outcome,
    by: options.by ?? defaultActor(),
    at: context.now().toISOString(),
    ...(options.note ? { note: options.note } : {}),
  };
  if (!(await backend.add(context.keys.outcome(options.runId), JSON.stringify(report))))
    throw new KnackError('ALREADY_EXISTS', `Run \`${options.runId}\` already has an outcome report.`);
  if (ran.selector === 'version') {
    await backend.claimVersion(context.keys.runCounter(ran.name, ran.version, `outcome:${options.outcome}`));
    if (options.outcome === 'wrong')
      await countWrongInWindow(backend, context.keys, ran.name, ran.version, context.now().getTime());
  }
  return report;
}
