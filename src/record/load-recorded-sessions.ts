import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KnackError, type ToolManifestEntry } from '../../core/index.js';
import { importTrajectory, type Trajectory } from '../../compiler/index.js';
import { readRecordedSession, type RecordedSession } from './recorded-session.js';

/** Why a session file took no part in proposals. */
export interface SkippedSession {
  file: string;
  /**
   * `not-recorded` (no session of `knack record`), `unmarked` (no task or outcome yet; the message
   * says how to mark it), `failure` (the user's request was not done), `invalid` (it does not fit
   * the tools, or cannot be read).
   */
  reason: 'not-recorded' | 'unmarked' | 'failure' | 'invalid';
  message: string;
}

/** A successful session, imported as a trajectory. */
export interface LoadedSession {
  file: string;
  session: RecordedSession;
  trajectory: Trajectory;
}

/** The tools the sessions recorded, by name (the first listing of a name wins). */
export function toolsOf(sessions: readonly SessionFile[]): ToolManifestEntry[] {
  const byName = new Map<string, ToolManifestEntry>();
  for (const { session } of sessions)
    for (const tool of session.recording.tools ?? []) if (!byName.has(tool.name)) byName.set(tool.name, tool);
  return [...byName.values()];
}

/** A session file as read. */
export interface SessionFile {
  file: string;
  session: RecordedSession;
}

/** Reads every `*.json` of `dir` that `knack record` wrote; others are listed in `skipped`. */
export async function readSessions(dir: string, skipped: SkippedSession[]): Promise<SessionFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new KnackError(
      'NOT_FOUND',
      `${dir}: cannot read the folder of sessions (${(error as Error).message}).`,
      { where: { file: dir }, cause: error },
    );
  }
  const sessions: SessionFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      sessions.push({ file, session: await readRecordedSession(file) });
    } catch (error) {
      if (!KnackError.isInstance(error)) throw error;
      const reason = error.code === 'INVALID_ARGUMENT' ? 'not-recorded' : 'invalid';
      skipped.push({ file, reason, message: error.message });
    }
  }
  return sessions;
}

/** Imports the sessions against `manifest`; unmarked, failed and unfit ones are listed in `skipped`. */
export function importSessions(
  sessions: readonly SessionFile[],
  manifest: readonly ToolManifestEntry[],
  skipped: SkippedSession[],
): LoadedSession[] {
  const loaded = new Map<string, LoadedSession>();
  for (const { file, session } of sessions) {
    try {
      const trajectory = importTrajectory(structuredClone(session), { file, manifest });
      const other = loaded.get(trajectory.id);
      if (other) {
        const message = `${file}: session id \`${trajectory.id}\` is also ${other.file}'s; a copied file? Keep one.`;
        skipped.push({ file, reason: 'invalid', message });
      } else if (trajectory.outcome !== 'success') {
        const message = `${file}: the outcome is a failure; only successful sessions are proposed.`;
        skipped.push({ file, reason: 'failure', message });
      } else loaded.set(trajectory.id, { file, session, trajectory });
    } catch (error) {
      if (!KnackError.isInstance(error)) throw error;
      const field = error.where?.field;
      const isUnmarked = (field === 'task' || field === 'outcome') && !(session.task && session.outcome);
      skipped.push({ file, reason: isUnmarked ? 'unmarked' : 'invalid', message: error.message });
    }
  }
  return [...loaded.values()];
}
