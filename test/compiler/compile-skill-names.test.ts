// Names are decided before the check (issue 17): the bundle that was verified is the one stored,
// for trace drafts and model drafts alike. Real SDK client against the replay server on loopback.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileTrajectories } from '../../compiler/index.js';
import { supportDeskManifest, SUPPORT_DESK_DIR } from '../../skills/index.js';
import { airlineManifest, airlineTrajectoryFiles } from '../../skills/airline/index.js';
import { openaiChatBody, startReplayServer, type ReplayServer } from '../helpers/replay-server.js';
import { replayModel } from './providers/_replay-model.js';

const files = ['order-status-8815', 'thank-reporter-T-1003'].map((id) =>
  join(SUPPORT_DESK_DIR, 'trajectories', 'native', `${id}.json`),
);

describe('skill names in one compile', () => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('gives a colliding model name a suffix before checking, so the verified bundle carries it', async () => {
    const trace = await compileTrajectories({ files, manifest: supportDeskManifest });
    expect(trace.skills.map((skill) => skill.verification.isVerified)).toEqual([true, true]);
    // The model names both skills alike.
    const answers = trace.skills.map((skill) =>
      skill.source.replace(`name: ${JSON.stringify(skill.name)}`, 'name: "desk_task"'),
    );
    server = await startReplayServer({
      responses: answers.map((text) => ({ status: 200, body: openaiChatBody(`\`\`\`ts\n${text}\`\`\``) })),
    });
    const model = replayModel('openai', server, { maxRetries: 0 });
    const { skills } = await compileTrajectories({ files, manifest: supportDeskManifest, model });
    expect(skills.map((skill) => skill.name)).toEqual(['desk_task', 'desk_task_2']);
    const second = skills[1]!;
    expect(second.verification.isVerified).toBe(true);
    expect(second.provenance.compiler).toBe('llm');
    expect(second.source).toContain('name: "desk_task_2"');
    expect(second.bundle).toContain('"desk_task_2"');
    expect(second.bundle).not.toMatch(/"desk_task"/);
  });

  it('normalizes a model name that breaks the skill-name rule with the offline rule, before checking', async () => {
    const trace = await compileTrajectories({ files, manifest: supportDeskManifest });
    const answers = trace.skills.map((skill) =>
      skill.source.replace(`name: ${JSON.stringify(skill.name)}`, 'name: "Desk-Task"'),
    );
    server = await startReplayServer({
      responses: answers.map((text) => ({ status: 200, body: openaiChatBody(`\`\`\`ts\n${text}\`\`\``) })),
    });
    const model = replayModel('openai', server, { maxRetries: 0 });
    const { skills } = await compileTrajectories({ files, manifest: supportDeskManifest, model });
    expect(skills.map((skill) => skill.name)).toEqual(['desk_task', 'desk_task_2']);
    expect(skills.map((skill) => skill.verification.isVerified)).toEqual([true, true]);
  });

  it('gives sibling skills of one effect names that say how they differ, not _2 and _3', async () => {
    // The booking that met a sold-out flight and searched again does not fold with the others.
    const bookings = (await airlineTrajectoryFiles('openai')).filter((file) => file.includes('book-flight-'));
    const { skills } = await compileTrajectories({ files: bookings, manifest: airlineManifest });
    const names = skills.map((skill) => skill.name);
    expect(names.length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length);
    // Noor's skill never searches connections: a difference in the procedure, not in the wording.
    expect(names.sort()).toEqual(['book_reservation', 'book_reservation_without_onestop_flight']);
    for (const skill of skills) {
      const description = /description: "([^"]*)"/.exec(skill.source)?.[1] ?? '';
      expect(description).toMatch(/^Book [^:]+: books a reservation/);
      expect(description).not.toMatch(/\b(hi|hello|hey|please)\b|_\d{4}/i);
    }
  });

  it('names a skill whose runs named the reservation two ways after what it does', async () => {
    const cancels = (await airlineTrajectoryFiles('openai')).filter((file) =>
      file.includes('cancel-reservation-'),
    );
    const { skills } = await compileTrajectories({ files: cancels, manifest: airlineManifest });
    expect(skills.map((skill) => skill.name)).toEqual(['cancel_reservation']);
    expect(skills[0]?.source).toContain('=== input.destination');
    expect(skills[0]?.source).toContain('if (input.reservationId !== undefined) {');
  });

  it('suffixes a given name per skill, in the source and bundle that were checked', async () => {
    const { skills } = await compileTrajectories({ files, manifest: supportDeskManifest, name: 'desk' });
    expect(skills.map((skill) => skill.name)).toEqual(['desk', 'desk_2']);
    for (const skill of skills) {
      expect(skill.verification.isVerified).toBe(true);
      expect(skill.source).toContain(`name: ${JSON.stringify(skill.name)}`);
      expect(skill.bundle).toContain(JSON.stringify(skill.name));
    }
  });
});
