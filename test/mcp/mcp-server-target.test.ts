import { describe, expect, it } from 'vitest';
import { KnackError } from '../../core/index.js';
import { formatMcpServerTarget, parseMcpServerSpec } from '../../src/mcp/index.js';

describe('parseMcpServerSpec', () => {
  it('reads a stdio command with or without quotes, splitting words as a shell would', () => {
    const expected = { command: 'node', args: ['server.js', '--root', '/tmp/a b'] };
    expect(parseMcpServerSpec(`mcp+stdio:"node server.js --root '/tmp/a b'"`)).toEqual(expected);
    expect(parseMcpServerSpec(`mcp+stdio:node server.js --root /tmp/a\\ b`)).toEqual(expected);
  });

  it('takes leading NAME=value words as the server environment', () => {
    expect(parseMcpServerSpec('mcp+stdio:"MEMORY_FILE_PATH=/tmp/m.jsonl node memory.js"')).toEqual({
      command: 'node',
      args: ['memory.js'],
      env: { MEMORY_FILE_PATH: '/tmp/m.jsonl' },
    });
  });

  it('reads http and https URLs, and leaves other text alone', () => {
    expect(parseMcpServerSpec('mcp+http://127.0.0.1:3001/mcp')).toEqual({ url: 'http://127.0.0.1:3001/mcp' });
    expect(parseMcpServerSpec('mcp+https://tools.example.com/mcp')).toEqual({
      url: 'https://tools.example.com/mcp',
    });
    expect(parseMcpServerSpec('skills/support-desk/pack.ts')).toBeUndefined();
  });

  it.each([
    ['mcp+ws://x', /unknown MCP transport/],
    ['mcp+stdio:""', /no command/],
    ['mcp+stdio:"node \'x.js"', /Unterminated/],
  ])('throws INVALID_ARGUMENT for %s', (spec, message) => {
    const thrown = (() => {
      try {
        parseMcpServerSpec(spec);
      } catch (error) {
        return error;
      }
    })();
    expect(KnackError.isInstance(thrown) && thrown.code).toBe('INVALID_ARGUMENT');
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('formatMcpServerTarget', () => {
  it('spells a server as --tools would, leaving out its environment', () => {
    const spec = formatMcpServerTarget({ command: 'node', args: ['a b.js'], env: { TOKEN: 'secret' } });
    expect(spec).toBe(`mcp+stdio:"node 'a b.js'"`);
    expect(parseMcpServerSpec(spec)).toEqual({ command: 'node', args: ['a b.js'] });
    expect(formatMcpServerTarget({ url: 'http://127.0.0.1:1/mcp' })).toBe('mcp+http://127.0.0.1:1/mcp');
  });
});
