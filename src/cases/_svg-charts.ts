import type { VersionBenchmark } from './summarize-runs.js';

// Colours of the three verdicts, also used by the tables' legends.
export const verdictColors = { correct: '#2f9e44', failedClean: '#f08c00', wrong: '#e03131' } as const;

/** Text made safe for HTML and SVG markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

function rect(
  x: number,
  y: number,
  width: number,
  height: number,
  fill: string,
  title: string,
  series: string,
): string {
  return `<rect class="bar" data-series="${series}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, width).toFixed(1)}" height="${height.toFixed(1)}" fill="${fill}"><title>${escapeHtml(title)}</title></rect>`;
}

const label = 170;
const plot = 520;
const width = label + plot + 20;

/** Stacked verdict shares per version, with the 95% Wilson interval of the correct share as a whisker. */
export function passRateChart(versions: readonly VersionBenchmark[]): string {
  const row = 34;
  const height = versions.length * row + 40;
  const parts: string[] = [];
  for (const [index, version] of versions.entries()) {
    const y = 10 + index * row;
    let x = label;
    for (const [key, share] of [
      ['correct', version.correct],
      ['failedClean', version.failedClean],
      ['wrong', version.wrong],
    ] as const) {
      const barWidth = share.rate * plot;
      if (barWidth > 0)
        parts.push(
          rect(
            x,
            y,
            barWidth,
            20,
            verdictColors[key],
            `${version.ref} ${key}: ${share.count} of ${version.runs} (${percent(share.rate)})`,
            key,
          ),
        );
      x += barWidth;
    }
    const low = label + version.correct.low * plot;
    const high = label + version.correct.high * plot;
    parts.push(
      `<g class="interval" stroke="#111" stroke-width="2"><line x1="${low.toFixed(1)}" x2="${high.toFixed(1)}" y1="${y + 10}" y2="${y + 10}"/><line x1="${low.toFixed(1)}" x2="${low.toFixed(1)}" y1="${y + 4}" y2="${y + 16}"/><line x1="${high.toFixed(1)}" x2="${high.toFixed(1)}" y1="${y + 4}" y2="${y + 16}"/></g>`,
      `<text x="${label - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(version.ref)}</text>`,
    );
  }
  const axisY = height - 24;
  for (const tick of [0, 0.25, 0.5, 0.75, 1])
    parts.push(
      `<text x="${label + tick * plot}" y="${axisY + 16}" text-anchor="middle" class="tick">${tick * 100}%</text>`,
    );
  parts.push(`<line x1="${label}" x2="${label + plot}" y1="${axisY}" y2="${axisY}" stroke="#888"/>`);
  return `<svg data-chart="pass-rate" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Verdict shares per version">${parts.join('')}</svg>`;
}

/**
 * A histogram of run wall times per version on one shared logarithmic axis (a run that hit its
 * deadline sits two orders of magnitude past a normal one), with p50/p95/p99 marks.
 */
export function latencyChart(versions: readonly VersionBenchmark[]): string {
  const samples = versions.flatMap((version) => version.latencySamplesMs).map((ms) => Math.max(ms, 0.1));
  const low = Math.log10(Math.min(...samples, 1));
  const high = Math.max(Math.log10(Math.max(...samples, 1)), low + 1);
  const bins = 40;
  const rowHeight = 70;
  const height = versions.length * rowHeight + 30;
  const parts: string[] = [];
  const position = (ms: number): number => (Math.log10(Math.max(ms, 0.1)) - low) / (high - low);
  const xOf = (ms: number): number => label + position(ms) * plot;
  for (const [index, version] of versions.entries()) {
    const counts = new Array<number>(bins).fill(0);
    for (const ms of version.latencySamplesMs) {
      const bin = Math.min(bins - 1, Math.max(0, Math.floor(position(ms) * bins)));
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    const top = Math.max(...counts, 1);
    const base = 10 + index * rowHeight + 55;
    for (const [bin, count] of counts.entries()) {
      if (count === 0) continue;
      const barHeight = (count / top) * 50;
      const from = 10 ** (low + (bin / bins) * (high - low));
      const to = 10 ** (low + ((bin + 1) / bins) * (high - low));
      parts.push(
        rect(
          label + (bin * plot) / bins + 1,
          base - barHeight,
          plot / bins - 2,
          barHeight,
          '#4c6ef5',
          `${version.ref}: ${count} run(s) at ${from.toFixed(1)}-${to.toFixed(1)} ms`,
          'latency',
        ),
      );
    }
    for (const [name, ms] of [
      ['p50', version.latencyMs.p50],
      ['p95', version.latencyMs.p95],
      ['p99', version.latencyMs.p99],
    ] as const)
      parts.push(
        `<line class="mark" x1="${xOf(ms).toFixed(1)}" x2="${xOf(ms).toFixed(1)}" y1="${base - 54}" y2="${base}" stroke="#111" stroke-dasharray="3 2"><title>${name} ${ms.toFixed(1)} ms</title></line>`,
      );
    parts.push(
      `<text x="${label - 8}" y="${base - 20}" text-anchor="end">${escapeHtml(version.ref)}</text>`,
      `<line x1="${label}" x2="${label + plot}" y1="${base}" y2="${base}" stroke="#888"/>`,
    );
  }
  for (let exponent = Math.ceil(low); exponent <= Math.floor(high); exponent++)
    parts.push(
      `<text x="${(label + ((exponent - low) / (high - low)) * plot).toFixed(1)}" y="${height - 6}" text-anchor="middle" class="tick">${10 ** exponent} ms</text>`,
    );
  return `<svg data-chart="latency" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Latency distribution per version">${parts.join('')}</svg>`;
}

/** Runs that failed clean or went wrong, per fault kind and version. */
export function faultChart(versions: readonly VersionBenchmark[]): string {
  const kinds = [...new Set(versions.flatMap((version) => Object.keys(version.byFault)))];
  const barHeight = 14;
  const groupHeight = versions.length * (barHeight + 3) + 12;
  const height = kinds.length * groupHeight + 30;
  const top = Math.max(
    1,
    ...versions.flatMap((version) => Object.values(version.byFault).map((entry) => entry.runs)),
  );
  const parts: string[] = [];
  for (const [group, kind] of kinds.entries()) {
    const y0 = 8 + group * groupHeight;
    parts.push(`<text x="${label - 8}" y="${y0 + 12}" text-anchor="end">${escapeHtml(kind)}</text>`);
    for (const [index, version] of versions.entries()) {
      const entry = version.byFault[kind as keyof VersionBenchmark['byFault']];
      if (!entry) continue;
      const y = y0 + index * (barHeight + 3);
      let x = label;
      for (const [key, count] of [
        ['correct', entry.correct],
        ['failedClean', entry.failedClean],
        ['wrong', entry.wrong],
      ] as const) {
        // Bars take 60% of the plot, so the text after the longest still fits the picture.
        const barWidth = (count / top) * plot * 0.6;
        if (barWidth > 0)
          parts.push(
            rect(
              x,
              y,
              barWidth,
              barHeight,
              verdictColors[key],
              `${version.ref} under ${kind}: ${count} ${key} of ${entry.runs}`,
              key,
            ),
          );
        x += barWidth;
      }
      parts.push(
        `<text x="${x + 4}" y="${y + 11}" class="tick">${escapeHtml(version.ref)}: ${entry.failedClean} failed clean, ${entry.wrong} wrong of ${entry.runs}</text>`,
      );
    }
  }
  return `<svg data-chart="faults" viewBox="0 0 ${width + 200} ${height}" width="${width + 200}" height="${height}" role="img" aria-label="Outcomes by injected fault">${parts.join('')}</svg>`;
}
