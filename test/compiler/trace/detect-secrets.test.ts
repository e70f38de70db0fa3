import { describe, expect, it } from 'vitest';
import { isSecretLike } from '../../../compiler/index.js';

describe('isSecretLike', () => {
  it.each([
    ['apiKey', 'anything-goes'],
    ['password', 'hunter2!'],
    ['access_token', 'abc123xyz'],
    ['note', 'sk-proj-abcdefghijklmnopqrst'],
    ['note', 'ghp_abcdefghijklmnopqrstuvwxyz0123'],
    ['note', 'xoxb-1234567890-abcdef'],
    ['note', 'AKIAABCDEFGHIJKLMNOP'],
    ['header', 'Bearer abcdefghijkl'],
    ['note', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
  ])('treats %s = %s as a secret', (key, value) => {
    expect(isSecretLike(key, value)).toBe(true);
  });

  it.each([
    ['id', '8812'],
    ['email', 'lee@example.com'],
    ['subject', 'Your refund for order 8812'],
    ['tokenCount', 12],
  ])('leaves %s = %s alone', (key, value) => {
    expect(isSecretLike(key, value)).toBe(false);
  });
});
