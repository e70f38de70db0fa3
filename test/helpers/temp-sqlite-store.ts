import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions, type SkillStore } from '../../src/store/index.js';

/** A fresh SQLite store in a temp folder; returns its URL too (for CLI runs). */
export async function openTempStore(
  options: Omit<OpenStoreOptions, 'url'> = {},
): Promise<{ store: SkillStore; url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'knack-store-'));
  const url = `sqlite://${join(dir, 'skills.db')}`;
  return { store: await openStore({ ...options, url }), url, dir };
}
