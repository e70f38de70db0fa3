import { describe, expect, it } from 'vitest';
import { fisherExactTest, passHatK, wilsonInterval } from '../../src/cases/index.js';

// Reference values from R (`fisher.test`, `prop.test(correct = FALSE)`'s Wilson interval) and statsmodels.
describe('wilsonInterval', () => {
  it('matches the published 95% Wilson interval for 45 of 50', () => {
    const share = wilsonInterval(45, 50);
    expect(share.rate).toBe(0.9);
    expect(share.low).toBeCloseTo(0.7864, 4);
    expect(share.high).toBeCloseTo(0.9565, 4);
  });

  it('keeps a useful width at 0 and at all successes, inside 0..1', () => {
    expect(wilsonInterval(0, 10)).toMatchObject({ low: 0, rate: 0 });
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.7225, 4);
    expect(wilsonInterval(10, 10).high).toBe(1);
  });

  it('refuses counts that are not a share', () => {
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 5)).toThrow(RangeError);
  });
});

describe('fisherExactTest', () => {
  it('gives the two-sided p-values R gives', () => {
    expect(fisherExactTest({ successesA: 3, failuresA: 1, successesB: 1, failuresB: 3 })).toBeCloseTo(
      0.4857,
      4,
    );
    expect(fisherExactTest({ successesA: 1, failuresA: 9, successesB: 11, failuresB: 3 })).toBeCloseTo(
      0.002759,
      6,
    );
    expect(fisherExactTest({ successesA: 10, failuresA: 0, successesB: 0, failuresB: 10 })).toBeCloseTo(
      1.0825e-5,
      8,
    );
  });

  it('is 1 for identical groups and symmetric in the groups', () => {
    expect(fisherExactTest({ successesA: 30, failuresA: 20, successesB: 30, failuresB: 20 })).toBeCloseTo(
      1,
      10,
    );
    const ab = fisherExactTest({ successesA: 40, failuresA: 10, successesB: 28, failuresB: 22 });
    const ba = fisherExactTest({ successesA: 28, failuresA: 22, successesB: 40, failuresB: 10 });
    expect(ab).toBeCloseTo(ba, 12);
    expect(ab).toBeLessThan(0.05);
  });

  it('refuses negative or fractional cells', () => {
    expect(() => fisherExactTest({ successesA: -1, failuresA: 1, successesB: 1, failuresB: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('passHatK', () => {
  it('estimates the chance that k runs of a case are all correct, averaged over cases', () => {
    expect(passHatK([{ runs: 4, correct: 3 }], 2)).toBe(0.5);
    expect(
      passHatK(
        [
          { runs: 4, correct: 4 },
          { runs: 4, correct: 0 },
        ],
        1,
      ),
    ).toBe(0.5);
    expect(passHatK([{ runs: 8, correct: 7 }], 8)).toBe(0);
  });

  it('leaves out cases run fewer than k times, and is undefined when none qualifies', () => {
    expect(
      passHatK(
        [
          { runs: 2, correct: 2 },
          { runs: 1, correct: 0 },
        ],
        2,
      ),
    ).toBe(1);
    expect(passHatK([{ runs: 1, correct: 1 }], 2)).toBeUndefined();
  });
});
