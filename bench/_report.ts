// Shared by every bench: machine facts, percentiles, a markdown table on stdout, JSON in bench/results/.
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface BenchRow {
  [column: string]: string | number;
}

export interface MachineFacts {
  node: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
  date: string;
}

export function machineFacts(): MachineFacts {
  const cpuList = cpus();
  return {
    node: process.version,
    cpu: cpuList[0]?.model ?? 'unknown',
    cores: cpuList.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
  };
}

/** Value at quantile `q` (0..1) of the samples, nearest-rank. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Times `iterations` sequential calls of `fn`, in ms per call. */
export async function sampleMs(iterations: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

function formatCell(value: string | number): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4);
}

/** Renders rows as a markdown table. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(columns),
    line(columns.map(() => '---')),
    ...rows.map((row) => line(columns.map((column) => formatCell(row[column] ?? '')))),
  ].join('\n');
}

/** Prints the table with the machine facts and writes `bench/results/<area>.json`. */
export function report(area: string, rows: readonly BenchRow[], extra: Record<string, unknown> = {}): string {
  const machine = machineFacts();
  const directory = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${area}.json`);
  writeFileSync(file, `${JSON.stringify({ area, machine, rows, ...extra }, null, 2)}\n`);
  process.stdout.write(
    `\n## ${area}\n\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, Node ${machine.node}\n\n${markdownTable(rows)}\n\nJSON: ${file}\n`,
  );
  return file;
}
