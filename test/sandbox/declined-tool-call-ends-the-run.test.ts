import { describe, expect, it } from 'vitest';
import { KnackError } from '../../core/index.js';
import { expectFailure, expectStillServing, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// A host-side confirmation (knack serve --confirm destructive) refuses a call by throwing
// KnackError DECLINED from the handler: the run must end there, even if the skill catches.
describe('a declined tool call', () => {
  const { run } = useSandbox();
  const declining = () =>
    recordTools({
      refund: {
        handler: () => {
          throw new KnackError('DECLINED', 'the user did not allow `refund`.');
        },
      },
      email: {},
    });

  it('ends the run with DECLINED at its step, and the skill cannot catch it and go on', async () => {
    const { tools, callsOf } = declining();
    const result = await run(
      skill(
        'try { await tools.refund({ id: 1 }); } catch { } await tools.email({ to: "x" }); return "went on";',
      ),
      { tools },
    );
    const error = expectFailure(result, 'DECLINED');
    expect(error.step).toBe(1);
    expect(error.message).toContain('the user did not allow `refund`');
    expect(callsOf('email')).toHaveLength(0);
    expect(result.trace[0]?.error?.code).toBe('DECLINED');
  });

  it('is a plain TOOL_FAILED when a handler throws any other error', async () => {
    const { tools } = recordTools({
      refund: {
        handler: () => {
          throw new KnackError('NOT_FOUND', 'no order');
        },
      },
    });
    expectFailure(await run(skill('await tools.refund({ id: 1 }); return 1;'), { tools }), 'TOOL_FAILED');
    await expectStillServing(run);
  });
});
