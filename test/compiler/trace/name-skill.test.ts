import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { nameSkill, type Trajectory } from '../../../compiler/index.js';

const object = { type: 'object' } as const;
const manifest: ToolManifestEntry[] = [
  { name: 'get_user_details', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'calculate', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'cancel_reservation', inputSchema: object },
  { name: 'support.refund_order', inputSchema: object },
];

function run(task: string, tools: string[]): Trajectory {
  return { id: 't', task, outcome: 'success', steps: tools.map((tool) => ({ tool, args: {}, result: {} })) };
}

describe('nameSkill', () => {
  it('names a conversational request after the last call that changes something', () => {
    const steps = ['get_user_details', 'cancel_reservation', 'calculate'];
    expect(nameSkill([run("Hello, I'd like to cancel a trip please", steps)], { manifest })).toBe(
      'cancel_reservation',
    );
    expect(nameSkill([run('hi there', ['support.refund_order'])], { manifest })).toBe('refund_order');
  });

  it('names an instruction from its words, without people, emails, ids or greetings', () => {
    expect(nameSkill([run('Refund order 8819 for Edsger.', ['support.refund_order'])], { manifest })).toBe(
      'refund_order',
    );
    expect(
      nameSkill([run('Please email ada@example.com the invoice of order 77', ['support.refund_order'])], {
        manifest,
      }),
    ).toBe('email_invoice_order');
  });

  it('treats overlay tools as read-only when looking for the effect', () => {
    const steps = ['cancel_reservation', 'calculate'];
    expect(nameSkill([run('Hey, can you help?', steps)], { manifest })).toBe('cancel_reservation');
    expect(
      nameSkill([run('Hey, can you help?', ['get_user_details', 'cancel_reservation'])], {
        manifest,
        readOnly: ['cancel_reservation'],
      }),
    ).toBe('skill');
  });
});
