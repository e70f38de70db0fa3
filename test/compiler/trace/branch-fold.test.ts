import { describe, expect, it } from 'vitest';
import { defineTools, runSkill, type ToolDefinition } from '../../../sandbox/index.js';
import type { ToolManifestEntry } from '../../../core/index.js';
import { compileTrajectories, type CompiledSkill, type Trajectory } from '../../../compiler/index.js';

interface Flight {
  flight_number: string;
  origin: string;
  destination: string;
  departure: string;
  price: number;
}

// A small flight desk: direct flights, connections through one airport, bookings.
const flights: Flight[] = [
  { flight_number: 'SW101', origin: 'JFK', destination: 'LAX', departure: '08:00', price: 160 },
  { flight_number: 'SW102', origin: 'JFK', destination: 'LAX', departure: '13:00', price: 180 },
  { flight_number: 'SW401', origin: 'MIA', destination: 'ATL', departure: '09:00', price: 120 },
  { flight_number: 'SW301', origin: 'BOS', destination: 'ORD', departure: '07:45', price: 140 },
  { flight_number: 'SW302', origin: 'ORD', destination: 'SEA', departure: '11:00', price: 200 },
  { flight_number: 'SW501', origin: 'SFO', destination: 'DEN', departure: '06:30', price: 130 },
  { flight_number: 'SW601', origin: 'MIA', destination: 'DFW', departure: '10:10', price: 150 },
  { flight_number: 'SW602', origin: 'DFW', destination: 'PHX', departure: '14:20', price: 110 },
];

function searchDirect(origin: string, destination: string): Flight[] {
  return flights.filter((flight) => flight.origin === origin && flight.destination === destination);
}

function searchOnestop(origin: string, destination: string): [Flight, Flight][] {
  return flights.flatMap((first) =>
    first.origin === origin
      ? flights
          .filter((second) => second.origin === first.destination && second.destination === destination)
          .map((second): [Flight, Flight] => [first, second])
      : [],
  );
}

const users: Record<string, { user_id: string; first_name: string; plan: string; payment_id: string }> = {
  u1: { user_id: 'u1', first_name: 'amara', plan: 'basic', payment_id: 'card_11' },
  u2: { user_id: 'u2', first_name: 'hana', plan: 'basic', payment_id: 'card_22' },
  u3: { user_id: 'u3', first_name: 'daniel', plan: 'basic', payment_id: 'card_33' },
  u4: { user_id: 'u4', first_name: 'kenji', plan: 'basic', payment_id: 'card_44' },
  u5: { user_id: 'u5', first_name: 'olivia', plan: 'basic', payment_id: 'card_55' },
};

const route = { type: 'object', properties: { origin: { type: 'string' }, destination: { type: 'string' } } };

function createDesk(): { definitions: Record<string, ToolDefinition>; bookings: unknown[] } {
  const bookings: unknown[] = [];
  const definitions: Record<string, ToolDefinition> = {
    get_user: {
      inputSchema: { type: 'object', properties: { user_id: { type: 'string' } }, required: ['user_id'] },
      handler: (args) => users[(args as { user_id: string }).user_id],
    },
    search_direct: {
      inputSchema: route,
      handler: (args) => {
        const { origin, destination } = args as { origin: string; destination: string };
        return searchDirect(origin, destination);
      },
    },
    search_onestop: {
      inputSchema: route,
      handler: (args) => {
        const { origin, destination } = args as { origin: string; destination: string };
        return searchOnestop(origin, destination);
      },
    },
    book: {
      inputSchema: {
        type: 'object',
        properties: {
          user_id: { type: 'string' },
          flights: { type: 'array', items: { type: 'string' } },
          payment_id: { type: 'string' },
        },
      },
      handler: (args) => {
        bookings.push(args);
        return { reservation_id: `R${bookings.length}`, ...(args as object) };
      },
    },
    send_sms: { inputSchema: { type: 'object' }, handler: () => ({ sent: true }) },
    send_email: { inputSchema: { type: 'object' }, handler: () => ({ sent: true }) },
    log_contact: { inputSchema: { type: 'object' }, handler: () => ({ logged: true }) },
  };
  return { definitions, bookings };
}

const manifest: ToolManifestEntry[] = defineTools(createDesk().definitions).manifest.map((entry) => ({
  ...entry,
}));

interface Request {
  userId: string;
  origin: string;
  destination: string;
  departure: string;
}

// What an agent did for `request` on the desk: direct when there is a direct flight, else one stop.
function bookingRun(id: string, request: Request): Trajectory {
  const user = users[request.userId];
  const leg = { origin: request.origin, destination: request.destination };
  const direct = searchDirect(request.origin, request.destination);
  const steps: Trajectory['steps'] = [
    { tool: 'get_user', args: { user_id: request.userId }, result: user },
    { tool: 'search_direct', args: leg, result: direct },
  ];
  let chosen: string[];
  if (direct.length > 0) {
    chosen = [direct.find((flight) => flight.departure === request.departure)?.flight_number ?? ''];
  } else {
    const connections = searchOnestop(request.origin, request.destination);
    steps.push({ tool: 'search_onestop', args: leg, result: connections });
    const pair = connections.find(([first]) => first.departure === request.departure) ?? [];
    chosen = pair.map((flight) => flight.flight_number);
  }
  const booking = { user_id: request.userId, flights: chosen, payment_id: user?.payment_id };
  steps.push({ tool: 'book', args: booking, result: { reservation_id: 'R1', ...booking } });
  return {
    id,
    task: `Book a flight from ${request.origin} to ${request.destination} at ${request.departure}`,
    input: { ...request },
    steps,
    outcome: 'success',
  };
}

async function runOnDesk(
  skill: CompiledSkill,
  input: Request,
): Promise<{ tools: string[]; bookings: unknown[] }> {
  const desk = createDesk();
  const run = await runSkill({
    source: skill.bundle,
    input,
    tools: defineTools(desk.definitions),
    inputSchema: skill.inputSchema,
    outputSchema: skill.outputSchema,
  });
  if (!run.ok) throw new Error(`${skill.name} failed: ${run.error.code} ${run.error.message}`);
  return { tools: run.trace.map((call) => call.tool), bookings: desk.bookings };
}

describe('branch folding in the trace compiler', () => {
  it('folds runs that took a one-stop search after an empty direct search into one skill with an `if`', async () => {
    const runs = [
      bookingRun('direct-amara', { userId: 'u1', origin: 'JFK', destination: 'LAX', departure: '08:00' }),
      bookingRun('direct-hana', { userId: 'u2', origin: 'MIA', destination: 'ATL', departure: '09:00' }),
      bookingRun('onestop-daniel', { userId: 'u3', origin: 'BOS', destination: 'SEA', departure: '07:45' }),
    ];
    const { skills } = await compileTrajectories({ trajectories: runs, manifest });
    expect(skills).toHaveLength(1);
    const skill = skills[0] as CompiledSkill;
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.provenance.trajectoryIds.sort()).toEqual(['direct-amara', 'direct-hana', 'onestop-daniel']);
    expect(skill.source).toMatch(/if \(directs?\.length === 0\) \{/);
    expect(skill.source).toContain('// The path the run onestop-daniel took.');
    expect(skill.source).toContain('// The path the runs direct-amara, direct-hana took.');
    expect(skill.source).toContain('} else {');

    // A new customer on a route with a direct flight, another on a route with none (one connection,
    // as in the recorded one-stop run: which connection to pick among several is not tested here).
    const direct = await runOnDesk(skill, {
      userId: 'u4',
      origin: 'JFK',
      destination: 'LAX',
      departure: '13:00',
    });
    expect(direct.tools).toEqual(['get_user', 'search_direct', 'book']);
    expect(direct.bookings).toEqual([{ user_id: 'u4', flights: ['SW102'], payment_id: 'card_44' }]);
    const onestop = await runOnDesk(skill, {
      userId: 'u5',
      origin: 'MIA',
      destination: 'PHX',
      departure: '10:10',
    });
    expect(onestop.tools).toEqual(['get_user', 'search_direct', 'search_onestop', 'book']);
    expect(onestop.bookings).toEqual([{ user_id: 'u5', flights: ['SW601', 'SW602'], payment_id: 'card_55' }]);
  });

  it('keeps runs apart, and says why, when only an identity value (a first name) separates them', async () => {
    const contact = (id: string, userId: string, channel: 'send_sms' | 'send_email'): Trajectory => ({
      id,
      task: 'Tell the customer their booking is confirmed',
      input: { userId },
      steps: [
        { tool: 'get_user', args: { user_id: userId }, result: users[userId] },
        {
          tool: channel,
          args: { user_id: userId, text: 'Your booking is confirmed.' },
          result: { sent: true },
        },
        { tool: 'log_contact', args: { user_id: userId }, result: { logged: true } },
      ],
      outcome: 'success',
    });
    // Amara was texted twice, Hana emailed: only `first_name` tells them apart.
    const runs = [
      contact('sms-amara-1', 'u1', 'send_sms'),
      contact('sms-amara-2', 'u1', 'send_sms'),
      contact('email-hana', 'u2', 'send_email'),
    ];
    const { skills } = await compileTrajectories({ trajectories: runs, manifest });
    expect(skills).toHaveLength(2);
    for (const skill of skills) {
      expect(skill.verification.isVerified).toBe(true);
      expect(skill.source).not.toContain('first_name');
      const split = skill.diagnostics.find((diagnostic) => diagnostic.code === 'SPLIT');
      expect(split?.message).toContain(
        'no structural test on the results before call 2 (a list empty or not, a count, a status or type field) tells',
      );
    }
    expect(skills.map((skill) => skill.provenance.trajectoryIds.length).sort()).toEqual([1, 2]);
  });

  const plans = { u1: 'premium', u2: 'premium', u3: 'basic' } as Record<string, string>;
  const planRuns = (task: (plan: string) => string): Trajectory[] => {
    const contact = (id: string, userId: string, premium: boolean): Trajectory => ({
      id,
      task: task(plans[userId] ?? ''),
      input: { userId },
      steps: [
        { tool: 'get_user', args: { user_id: userId }, result: { ...users[userId], plan: plans[userId] } },
        ...(premium
          ? [{ tool: 'send_sms', args: { user_id: userId, text: 'Confirmed.' }, result: { sent: true } }]
          : []),
        { tool: 'log_contact', args: { user_id: userId }, result: { logged: true } },
      ],
      outcome: 'success',
    });
    return [contact('p-1', 'u1', true), contact('p-2', 'u2', true), contact('b-3', 'u3', false)];
  };

  it('folds on an enum-like field of the result just read when two runs agree on it', async () => {
    const runs = planRuns(() => 'Tell the customer their booking is confirmed');
    const { skills } = await compileTrajectories({ trajectories: runs, manifest });
    expect(skills).toHaveLength(1);
    expect(skills[0]?.verification.isVerified).toBe(true);
    expect(skills[0]?.source).toMatch(/if \(user\.plan === "(premium|basic)"\) \{/);
  });

  it('does not branch on a value the user wrote (the user named the plan: it is an input)', async () => {
    const runs = planRuns((plan) => `Tell the ${plan} customer their booking is confirmed`);
    const { skills } = await compileTrajectories({ trajectories: runs, manifest });
    expect(skills).toHaveLength(2);
    for (const skill of skills) expect(skill.source).not.toContain('user.plan ===');
  });
});
