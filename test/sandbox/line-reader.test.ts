import { describe, expect, it } from 'vitest';
import { LineReader } from '../../sandbox/_line-reader.js';

describe('LineReader (the worker channel framing)', () => {
  it('returns each complete line once, however the chunks cut them', () => {
    const reader = new LineReader(1000);
    const text = '{"t":"call","seq":1}\n{"t":"end","payload":"ü ✓"}\n{"t":"ready"}\n';
    const lines: string[] = [];
    for (let start = 0; start < text.length; start += 7)
      lines.push(...reader.push(text.slice(start, start + 7)));
    expect(lines).toEqual(['{"t":"call","seq":1}', '{"t":"end","payload":"ü ✓"}', '{"t":"ready"}']);
  });

  it('holds a partial line until its newline arrives', () => {
    const reader = new LineReader(1000);
    expect(reader.push('{"a":')).toEqual([]);
    expect(reader.push('1}\n{"b"')).toEqual(['{"a":1}']);
    expect(reader.push(':2}\n')).toEqual(['{"b":2}']);
  });

  it('refuses a line longer than its bound, even split across chunks', () => {
    const reader = new LineReader(10);
    expect(reader.push('0123456789\n')).toEqual(['0123456789']);
    expect(reader.push('012345')).toEqual([]);
    expect(() => reader.push('6789A')).toThrow(/longer than 10 characters/);
    expect(() => new LineReader(10).push('0123456789AB\n')).toThrow(RangeError);
  });
});
