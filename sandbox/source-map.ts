// A compact reader for the inline source maps esbuild writes, enough to point stack lines of a
// bundle back at the TypeScript source. Segments: [generatedColumn, sourceIndex, line, column].
type Segment = [number, number, number, number];

/** A decoded source map: `lookup` maps a 1-based generated position to a 1-based source one. */
export interface SourceMapReader {
  lookup(line: number, column: number): { source: string; line: number; column: number } | undefined;
}

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digits = new Map([...base64].map((char, index) => [char, index]));

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  const state = [0, 0, 0, 0];
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    state[0] = 0;
    for (const text of lineText.split(',')) {
      if (text === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of text) {
        const digit = digits.get(char) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
          continue;
        }
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
      for (let index = 0; index < 4 && index < values.length; index++) {
        state[index] = (state[index] ?? 0) + (values[index] ?? 0);
      }
      if (values.length >= 4) segments.push([state[0]!, state[1]!, state[2]!, state[3]!]);
    }
    lines.push(segments);
  }
  return lines;
}

/** Reads the inline `sourceMappingURL` data comment of a bundle; undefined when absent or broken. */
export function readInlineSourceMap(code: string): SourceMapReader | undefined {
  const marker = '//# sourceMappingURL=data:application/json;base64,';
  const at = code.lastIndexOf(marker);
  if (at < 0) return undefined;
  try {
    const json = Buffer.from(code.slice(at + marker.length).trim(), 'base64').toString('utf8');
    const map = JSON.parse(json) as { sources?: unknown; mappings?: unknown };
    if (!Array.isArray(map.sources) || typeof map.mappings !== 'string') return undefined;
    const sources = map.sources.map(String);
    const lines = decodeMappings(map.mappings);
    return {
      lookup(line, column) {
        const segments = lines[line - 1];
        if (!segments) return undefined;
        let found: Segment | undefined;
        for (const segment of segments) {
          if (segment[0] > column - 1) break;
          found = segment;
        }
        found ??= segments[0];
        if (!found) return undefined;
        return { source: sources[found[1]] ?? 'skill.ts', line: found[2] + 1, column: found[3] + 1 };
      },
    };
  } catch {
    // A broken map only costs the mapping: the stack keeps its bundle positions.
    return undefined;
  }
}

/** Rewrites `file:line:column` positions of `filename` in a stack to source positions. */
export function mapStack(stack: string, filename: string, reader: SourceMapReader | undefined): string {
  if (!reader) return stack;
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return stack.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g'), (whole, line: string, column: string) => {
    const found = reader.lookup(Number(line), Number(column));
    return found ? `${found.source}:${found.line}:${found.column}` : whole;
  });
}
