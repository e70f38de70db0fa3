// `npm run bench -- <area>`: runs bench/<area>.bench.ts; with no area, every bench.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''));
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((area) => !available.includes(area));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench area: ${unknown.join(', ')}. Available: ${available.join(', ')}.\n`);
  process.exitCode = 2;
} else {
  for (const area of wanted.length > 0 ? wanted : available) {
    process.stderr.write(`\n# bench: ${area}\n`);
    const module = (await import(pathToFileURL(join(here, `${area}.bench.ts`)).href)) as {
      main?: () => Promise<void>;
    };
    await module.main?.();
  }
}
