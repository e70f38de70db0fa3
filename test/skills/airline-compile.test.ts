import { beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories, toolsDeclarations, type CompileResult } from '../../compiler/index.js';
import { airlineManifest, airlineTrajectoryFiles } from '../../skills/airline/index.js';

// What real agent logs leave behind (issue 17): untyped results, failed attempts, scratch calls,
// conversational tasks. The whole OpenAI corpus compiles in one process.
describe('compiling the airline chats', () => {
  let result: CompileResult;
  beforeAll(async () => {
    result = await compileTrajectories({
      files: await airlineTrajectoryFiles('openai'),
      manifest: airlineManifest,
    });
  }, 60_000);

  it('verifies a skill for every chat, with no implicit-any type errors from untyped tools', () => {
    expect(result.errors).toEqual([]);
    const covered = result.skills
      .filter((skill) => skill.verification.isVerified)
      .flatMap((skill) => skill.provenance.trajectoryIds);
    expect(covered).toHaveLength(20);
    const codes = result.skills.flatMap((skill) => skill.diagnostics.map((diagnostic) => diagnostic.code));
    expect(codes).not.toContain('TS7006');
    // `.find` over a get_user_details result (no outputSchema) type-checks against the inferred type.
    expect(
      result.skills.some((skill) => /payment_methods\.find\(\(payment_method\) =>/.test(skill.source)),
    ).toBe(true);
  });

  it('leaves failed attempts out of the skill and lists them in the provenance', () => {
    const leftOut = result.skills.flatMap((skill) => skill.provenance.leftOut ?? []);
    const failed = leftOut.filter((call) => call.reason === 'failed-retried');
    expect(failed.map((call) => call.trajectoryId)).toEqual(
      expect.arrayContaining([
        'add-baggage-kenji',
        'book-flight-hana',
        'book-flight-noor',
        'change-flight-sofia',
      ]),
    );
    const kenji = result.skills.find((skill) => skill.provenance.trajectoryIds.includes('add-baggage-kenji'));
    expect(kenji?.provenance.leftOut).toContainEqual({
      trajectoryId: 'add-baggage-kenji',
      step: 5,
      tool: 'update_reservation_baggages',
      reason: 'failed-retried',
      error: 'A certificate cannot be used to pay for bags.',
    });
    expect(kenji?.source).not.toContain('certificate_');
  });

  it('drops scratch think/calculate calls nothing uses, and lists them', () => {
    for (const skill of result.skills) {
      expect(skill.source, skill.name).not.toMatch(/tools\.(think|calculate)\(/);
    }
    const scratch = result.skills
      .flatMap((skill) => skill.provenance.leftOut ?? [])
      .filter((call) => call.reason === 'unused-read-only')
      .map((call) => call.tool);
    expect(scratch).toEqual(expect.arrayContaining(['think', 'calculate']));
  });

  it("never takes a scratch call's free text (a thought, an expression) as an input", () => {
    const scratch = /\b(thought|expression)\b/;
    for (const skill of result.skills)
      expect(
        Object.keys(
          skill.inputSchema === true || skill.inputSchema === false
            ? {}
            : (skill.inputSchema['properties'] ?? {}),
        ),
        skill.name,
      ).not.toEqual(expect.arrayContaining([expect.stringMatching(scratch)]));
    // Nor do the stored cases, the inputs the live checks bind requests onto.
    for (const testCase of result.skills.flatMap((skill) => skill.cases ?? []))
      expect(Object.keys(testCase.input as object).filter((name) => scratch.test(name))).toEqual([]);
  });

  it('names skills for what they change, unique before checking: the verified bundle carries its name', () => {
    const names = result.skills.map((skill) => skill.name);
    expect(new Set(names).size).toBe(names.length);
    // The effect first, then what tells siblings apart (`_by_destination`, `_with_onestop_flight`,
    // the request's own words), never a bare counter.
    for (const name of names) {
      expect(name).toMatch(/^(cancel_reservation|book_reservation|update_reservation_[a-z]+)(_[a-z]+)*$/);
      expect(name).not.toMatch(/_\d+$/);
    }
    for (const skill of result.skills) {
      expect(skill.source).toContain(`name: ${JSON.stringify(skill.name)}`);
      expect(skill.bundle).toContain(JSON.stringify(skill.name));
    }
  });

  it('documents inferred result types in the Tools declarations', async () => {
    const declarations = await toolsDeclarations(airlineManifest, {
      get_user_details: {
        type: 'object',
        properties: { user_id: { type: 'string' } },
        required: ['user_id'],
      },
    });
    expect(declarations).toMatch(/Result type inferred from recorded results/);
    expect(declarations).toMatch(/GetUserDetailsResult \{\s*user_id: string/);
  });
});
