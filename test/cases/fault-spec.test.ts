import { describe, expect, it } from 'vitest';
import { DEFAULT_FAULT_SPEC, formatFaultSpec, parseFaultSpec } from '../../src/cases/index.js';

describe('parseFaultSpec', () => {
  it('reads per-call chances and the latency bound; kinds not named are 0', () => {
    const spec = parseFaultSpec('transient=0.1, timeout=0.05,latencyMs=80,latency=0.2');
    expect(spec.rates).toEqual({
      transient: 0.1,
      timeout: 0.05,
      latency: 0.2,
      schema: 0,
      empty: 0,
      missing: 0,
    });
    expect(spec.latencyMs).toBe(80);
    expect(formatFaultSpec(spec)).toBe('transient=0.1,timeout=0.05,latency=0.2,latencyMs=80');
  });

  it('reads none and the default', () => {
    expect(formatFaultSpec(parseFaultSpec('none'))).toBe('none');
    expect(formatFaultSpec(parseFaultSpec(DEFAULT_FAULT_SPEC))).toBe(`${DEFAULT_FAULT_SPEC},latencyMs=50`);
  });

  it('names the bad part with INVALID_ARGUMENT', () => {
    expect(() => parseFaultSpec('transient=2')).toThrow(/transient is a chance per call, 0..1, got 2/);
    expect(() => parseFaultSpec('flaky=0.1')).toThrow(/unknown fault `flaky`/);
    expect(() => parseFaultSpec('transient')).toThrow(/`transient` is not KIND=NUMBER/);
    expect(() => parseFaultSpec('transient=0.6,timeout=0.6')).toThrow(/add up to 1.2/);
    try {
      parseFaultSpec('timeout=x');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', where: { field: 'faults' } });
    }
  });
});
