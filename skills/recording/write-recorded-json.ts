import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes `value` to `path` as JSON formatted like the repo's prettier config (resolved from
 * `configDir`), so `npm run format` leaves recorded files alone. Prettier is a dev dependency,
 * imported on first use: the example domains themselves must not need it.
 */
export async function writeRecordedJson(configDir: string, path: string, value: unknown): Promise<void> {
  const { format, resolveConfig } = await import('prettier');
  const config = (await resolveConfig(join(configDir, 'manifest.json'))) ?? {};
  const text = await format(JSON.stringify(value), { ...config, parser: 'json' });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
