import type { CasesBenchmark } from './benchmark-cases.js';
import { escapeHtml, faultChart, latencyChart, passRateChart, verdictColors } from './_svg-charts.js';
import type { VersionBenchmark } from './summarize-runs.js';

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

function summaryRow(version: VersionBenchmark): string {
  const cells = [
    version.ref,
    String(version.runs),
    `${percent(version.correct.rate)} [${percent(version.correct.low)}, ${percent(version.correct.high)}]`,
    `${percent(version.failedClean.rate)} [${percent(version.failedClean.low)}, ${percent(version.failedClean.high)}]`,
    `${percent(version.wrong.rate)} [${percent(version.wrong.low)}, ${percent(version.wrong.high)}]`,
    version.passHatK.map(({ k, value }) => `k=${k}: ${value.toFixed(2)}`).join(', '),
    `${version.latencyMs.p50.toFixed(1)} / ${version.latencyMs.p95.toFixed(1)} / ${version.latencyMs.p99.toFixed(1)}`,
    version.toolCallsPerRun.toFixed(2),
    Object.entries(version.failuresByCode)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ') || '-',
  ];
  return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
}

function comparisons(report: CasesBenchmark): string {
  if (report.comparisons.length === 0) return '';
  const rows = report.comparisons
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.from)} → ${escapeHtml(row.to)}</td><td>${(row.difference * 100).toFixed(1)} points</td><td>${row.pValue.toPrecision(3)}</td><td>${row.isSignificant ? 'yes (p < 0.05)' : 'no'}</td></tr>`,
    )
    .join('');
  return `<h2>Versions side by side</h2><table><thead><tr><th>versions</th><th>correct, difference</th><th>Fisher's exact p</th><th>significant</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function failures(report: CasesBenchmark): string {
  const rows = report.versions.flatMap((version) =>
    version.failures
      .slice(0, 8)
      .map(
        (failure) =>
          `<tr><td>${escapeHtml(version.ref)}</td><td>${failure.run}</td><td>${escapeHtml(failure.trajectoryId)}</td><td>${failure.verdict}</td><td>${escapeHtml(failure.code ?? '-')}</td><td>${escapeHtml(failure.faults.join(', ') || 'none')}</td><td>${escapeHtml(failure.message.slice(0, 300))}</td></tr>`,
      ),
  );
  if (rows.length === 0) return '';
  return `<h2>Runs that did not end correct (first 8 per version; the JSON has 50)</h2><table><thead><tr><th>version</th><th>run</th><th>from</th><th>verdict</th><th>code</th><th>faults</th><th>what happened</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function perSource(report: CasesBenchmark): string {
  const rows = report.versions.flatMap((version) =>
    version.sources.map(
      (source) =>
        `<tr><td>${escapeHtml(version.ref)}</td><td>${escapeHtml(source.id)}</td><td>${source.source === 'case' ? 'stored case' : 'input, real tools'}</td><td>${source.runs}</td><td>${source.correct}</td><td>${source.failedClean}</td><td>${source.wrong}</td></tr>`,
    ),
  );
  return `<h2>Runs per case and input</h2><table><thead><tr><th>version</th><th>from</th><th>kind</th><th>runs</th><th>correct</th><th>failed clean</th><th>wrong</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function unusable(report: CasesBenchmark): string {
  const rows = report.versions.flatMap((version) =>
    version.unusableInputs.map(
      (input) =>
        `<tr><td>${escapeHtml(version.ref)}</td><td>input #${input.index}</td><td>${escapeHtml(input.code)}</td><td>${escapeHtml(input.message.slice(0, 300))}</td></tr>`,
    ),
  );
  if (rows.length === 0) return '';
  return `<h2 class="warning">Inputs left out: their fault-free reference run failed, so nothing says what a correct run is</h2><table><thead><tr><th>version</th><th>input</th><th>code</th><th>reference run</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function description(report: CasesBenchmark): string {
  const inputs =
    report.inputs === 0
      ? ''
      : ` and ${report.inputs} given input${report.inputs === 1 ? '' : 's'} on real tools (each judged against its own fault-free reference run, per version)`;
  return `${report.runsPerVersion} runs per version over its stored cases${inputs}, faults <code>${escapeHtml(report.faults)}</code>, seed <code>${escapeHtml(report.seed)}</code>. Intervals are 95% Wilson score intervals.`;
}

/**
 * A self-contained HTML report of a `benchmarkCases` result: verdict shares per version with the
 * 95% interval, the latency distribution and outcomes by injected fault as inline SVG, and the
 * tables. It loads nothing from the network and opens from a file.
 * @example writeFileSync('bench.html', renderBenchReport(await benchmarkCases({ store, refs })));
 */
export function renderBenchReport(report: CasesBenchmark): string {
  const legend = (['correct', 'failedClean', 'wrong'] as const)
    .map(
      (key) =>
        `<span class="key"><i style="background:${verdictColors[key]}"></i>${key === 'failedClean' ? 'failed clean' : key}</span>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>knack bench: ${escapeHtml(report.versions.map((version) => version.ref).join(', '))}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #111; max-width: 1000px; }
table { border-collapse: collapse; margin: 8px 0 24px; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
svg text { font: 12px system-ui, sans-serif; fill: #111; } svg .tick { fill: #555; font-size: 11px; }
.key { margin-right: 16px; } .key i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
.meta { color: #555; } .warning { color: #b35c00; }
</style></head><body>
<h1>knack bench</h1>
<p class="meta">${description(report)}</p>
${unusable(report)}
<p>${legend}</p>
<h2>Verdicts per version</h2>
${passRateChart(report.versions)}
<table><thead><tr><th>version</th><th>runs</th><th>correct</th><th>failed clean</th><th>wrong</th><th>pass^k</th><th>p50 / p95 / p99 ms</th><th>tool calls / run</th><th>failures by code</th></tr></thead>
<tbody>${report.versions.map(summaryRow).join('')}</tbody></table>
${comparisons(report)}
${perSource(report)}
<h2>Latency distribution (wall time per run, log scale; dashed: p50, p95, p99)</h2>
${latencyChart(report.versions)}
<h2>Outcomes by injected fault (each run under its last fault other than latency)</h2>
${faultChart(report.versions)}
${failures(report)}
</body></html>
`;
}
