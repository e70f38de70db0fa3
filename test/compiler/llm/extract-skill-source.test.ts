import { describe, expect, it } from 'vitest';
import { extractSkillSource } from '../../../compiler/llm/index.js';
import { traceDraft } from './_scenario.js';

const module = traceDraft.trim();

describe('extractSkillSource', () => {
  it.each([
    ['```ts', `\`\`\`ts\n${module}\n\`\`\``],
    ['```typescript', `\`\`\`typescript\n${module}\n\`\`\``],
    ['a bare fence', `\`\`\`\n${module}\n\`\`\``],
    ['prose around a fence', `Here it is:\n\n\`\`\`ts\n${module}\n\`\`\`\n\nThis generalizes the run.`],
    ['no fence, prose around', `Here is the module:\n\n${module}\n\nLet me know.`],
    ['an unterminated fence (cut-off reply)', `\`\`\`ts\n${module}\n`],
  ])('finds the module in %s', (_label, reply) => {
    expect(extractSkillSource(reply)).toEqual({ ok: true, source: `${module}\n` });
  });

  it('picks the block with export default and meta among several', () => {
    const reply = [
      '```json\n{ "orderId": "8812" }\n```',
      '```ts\nconst isDamaged = (status: string) => status === "damaged";\n```',
      `\`\`\`ts\n${module}\n\`\`\``,
      '```ts\nawait refundOrder({ orderId: "1" }, tools);\n```',
    ].join('\n\nand\n\n');
    expect(extractSkillSource(reply)).toEqual({ ok: true, source: `${module}\n` });
  });

  it('fails with a reason when the reply has no code', () => {
    const result = extractSkillSource('I need more details about the refund policy.');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('no TypeScript code') });
  });

  it('fails with a reason when the code has no default export', () => {
    const result = extractSkillSource('```ts\nconst x = 1;\n```');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('no `export default`') });
  });
});
