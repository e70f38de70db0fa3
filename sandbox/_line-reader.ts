/**
 * Splits a stream of text into lines: the framing of the worker channel, where every message is
 * one line of JSON (JSON text never holds a raw newline). A line longer than `maxLineChars` makes
 * `push` throw, so a hostile peer cannot make the reader hold an endless line.
 */
export class LineReader {
  private readonly maxLineChars: number;
  private readonly parts: string[] = [];
  private partChars = 0;

  constructor(maxLineChars: number) {
    this.maxLineChars = maxLineChars;
  }

  /** Adds a chunk; returns the lines it completes, in order. */
  push(chunk: string): string[] {
    let end = chunk.indexOf('\n');
    if (end < 0) {
      this.keep(chunk);
      return [];
    }
    const lines: string[] = [];
    let start = 0;
    while (end >= 0) {
      const piece = chunk.slice(start, end);
      this.check(this.partChars + piece.length);
      lines.push(this.parts.length === 0 ? piece : this.parts.join('') + piece);
      this.parts.length = 0;
      this.partChars = 0;
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.keep(chunk.slice(start));
    return lines;
  }

  private keep(piece: string): void {
    this.check(this.partChars + piece.length);
    this.parts.push(piece);
    this.partChars += piece.length;
  }

  private check(chars: number): void {
    if (chars > this.maxLineChars)
      throw new RangeError(`A message is longer than ${this.maxLineChars} characters.`);
  }
}
