import { describe, expect, it } from 'vitest';
import { loadOptional, redactUrl } from '../../../src/store/backends/_load-optional.js';

describe('loadOptional', () => {
  it('turns a missing backend package into DEPENDENCY_MISSING naming it', async () => {
    const missing = '@knack-test/no-such-package';
    const failure = loadOptional(missing, () => import(missing));
    await expect(failure).rejects.toMatchObject({ code: 'DEPENDENCY_MISSING' });
    await expect(loadOptional(missing, () => import(missing))).rejects.toThrow(`npm install ${missing}`);
  });

  it('passes other import failures through unchanged', async () => {
    const broken = new Error('syntax error in the package');
    await expect(loadOptional('x', () => Promise.reject(broken))).rejects.toBe(broken);
  });
});

describe('redactUrl', () => {
  it('hides the password of a store URL in messages', () => {
    expect(redactUrl('postgres://knack:secret@db:5432/knack')).toBe('postgres://knack:***@db:5432/knack');
    expect(redactUrl('sqlite://.knack/skills.db')).toBe('sqlite://.knack/skills.db');
  });
});
