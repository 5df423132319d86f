import { participantAgendas, tableAgendas } from '../../server/domain/matchmaking/agenda-builder';
import { liveStatus } from '../../server/domain/matchmaking/live';
import { buildPairScores, Evidence, PairParticipant, pairKey } from '../../server/domain/matchmaking/pair-scores';
import { checkRegistration, presentRounds } from '../../server/domain/matchmaking/registration';
import { checkSessionSettings, parseInstant, SessionRecord } from '../../server/domain/matchmaking/session';

const session: SessionRecord = {
  id: 's1', title: 'Rencontres', startsAt: '2026-03-12T08:00:00.000Z', timeZone: 'Europe/Paris', rounds: 6, tables: 3,
  pitchMinutes: 5, exchangeMinutes: 15, changeoverMinutes: 5, mode: 'BIPARTITE', venueName: null, venueAddress: null,
  venueLocation: null, registrationDeadline: '2026-03-05T17:00:00.000Z', theme: null, createdAt: '2026-01-10T10:00:00.000Z',
  createdBy: 'a@b.c', scheduleSeed: null, scheduledAt: null, scheduleStale: false,
};
const beforeDeadline = new Date('2026-03-01T10:00:00Z');

describe('session settings', () => {
  it('normalises instants with an offset to UTC and refuses bare local times', () => {
    expect(parseInstant('2026-03-12T09:00:00+01:00')).toEqual({ value: '2026-03-12T08:00:00.000Z', problem: null });
    expect(parseInstant('2026-03-12 09:00').problem).toContain('with its offset');
    expect(parseInstant('2026-02-30T09:00:00Z').problem).toContain('real date');
  });

  it('applies the ecoCIRC defaults and reports every broken rule at once', () => {
    const ok = checkSessionSettings({ title: ' Rencontres ', startsAt: '2026-03-12T09:00:00+01:00', rounds: 6, tables: 10 });
    expect(ok.problems).toEqual([]);
    expect(ok.settings).toMatchObject({ title: 'Rencontres', pitchMinutes: 5, exchangeMinutes: 15, changeoverMinutes: 5, mode: 'BIPARTITE', timeZone: 'Europe/Paris' });
    const bad = checkSessionSettings({
      title: ' ', startsAt: '2026-03-12T09:00:00+01:00', registrationDeadline: '2026-03-12T10:00:00+01:00', rounds: 0, tables: 2.5,
      timeZone: 'Mars/Olympus', theme: { title: 'École', needs: [{ label: ' ' }] },
    });
    expect(bad.problems.map((p) => p.field).sort()).toEqual(['registrationDeadline', 'rounds', 'tables', 'theme.needs[0].label', 'timeZone', 'title']);
  });
});

describe('registration', () => {
  const others = [{ actorId: 'host', side: 'HOST' as const }, { actorId: 'p2', side: 'PITCHER' as const }];

  it('defaults to every round and keeps wishes and avoidances as given', () => {
    const { value, problems } = checkRegistration(session, { actorId: 'p1', side: 'PITCHER', wishes: [{ actorId: 'host', priority: 3 }], avoid: ['x', 'x'] }, others, beforeDeadline);
    expect(problems).toEqual([]);
    expect(value.availableRounds).toEqual([1, 2, 3, 4, 5, 6]);
    expect(value.avoid).toEqual(['x']);
  });

  it('refuses what the session rules forbid, field by field', () => {
    const { problems } = checkRegistration(session, {
      actorId: 'p1', side: 'PITCHER', availableRounds: [2, 9],
      wishes: [{ actorId: 'p2', priority: 2 }, { actorId: 'p1', priority: 1 }, { actorId: 'host', priority: 0 }, { actorId: 'host', priority: 1 }],
      avoid: ['p1'],
    }, others, new Date('2026-03-06T10:00:00Z'));
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['sessionId', 'availableRounds', 'wishes[0].actorId', 'wishes[1].actorId', 'wishes[2].priority', 'wishes[3].actorId', 'avoid']));
    expect(problems.find((p) => p.field === 'sessionId')!.message).toContain('registration closed');
  });

  it('needs a side only in BIPARTITE sessions', () => {
    expect(checkRegistration(session, { actorId: 'p1' }, [], beforeDeadline).problems.map((p) => p.field)).toEqual(['side']);
    expect(checkRegistration({ ...session, mode: 'OPEN' }, { actorId: 'p1' }, [], beforeDeadline).problems).toEqual([]);
  });

  it('counts as present only the available rounds before an absence', () => {
    expect(presentRounds({ availableRounds: [2, 3, 4, 5], absentFromRound: 4 })).toEqual([2, 3]);
    expect(presentRounds({ availableRounds: [1, 2], absentFromRound: null })).toEqual([1, 2]);
  });
});

describe('pair scores', () => {
  const participant = (actorId: string, side: 'HOST' | 'PITCHER', extra: Partial<PairParticipant> = {}): PairParticipant => ({
    actorId, actorName: actorId.toUpperCase(), actorKind: side === 'HOST' ? 'LOCAL_AUTHORITY' : 'COMPANY', side,
    wishes: [], avoid: [], availableRounds: [1, 2, 3], absentFromRound: null, ...extra,
  });
  const none = { synergies: new Map(), complementarities: new Map(), affinities: new Map(), themeFit: new Map() };

  it('weighs a mutual wish above any one-sided wish, and a one-sided wish above all graph evidence', () => {
    const evidence = (grade: number): Evidence => ({ grade, reason: 'r' });
    const people = [
      participant('h1', 'HOST', { wishes: [{ actorId: 'p1', priority: 1 }] }),
      participant('p1', 'PITCHER', { wishes: [{ actorId: 'h1', priority: 1 }] }),
      participant('p2', 'PITCHER', { wishes: [{ actorId: 'h1', priority: 3 }] }),
      participant('p3', 'PITCHER'),
    ];
    const key = pairKey('h1', 'p3');
    const pairs = buildPairScores('BIPARTITE', people, {
      synergies: new Map([[key, evidence(1)]]), complementarities: new Map([[key, evidence(1)]]),
      affinities: new Map([[key, evidence(1)]]), themeFit: new Map([['p3', evidence(1)]]),
    });
    const score = (b: string) => pairs.find((p) => p.b === b || p.a === b)!;
    expect(score('p1')).toMatchObject({ wish: 'MUTUAL', score: 12 });
    expect(score('p2')).toMatchObject({ wish: 'ONE_SIDED', score: 9 });
    // Synergy 3 + complementarity 2 + theme 2; affinity only counts when nothing else is known.
    expect(score('p3')).toMatchObject({ wish: null, score: 7 });
    expect(score('p3').reasons).toHaveLength(3);
    expect(score('p1').score).toBeGreaterThan(score('p2').score);
    expect(score('p2').score).toBeGreaterThan(score('p3').score);
  });

  it('leaves out avoided pairs, same-side pairs and participants present for no round', () => {
    const pairs = buildPairScores('BIPARTITE', [
      participant('h1', 'HOST'), participant('h2', 'HOST'),
      participant('p1', 'PITCHER', { avoid: ['h2'] }), participant('p2', 'PITCHER', { availableRounds: [1], absentFromRound: 1 }),
    ], none);
    expect(pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['h1-p1']);
    const open = buildPairScores('OPEN', [participant('a', 'HOST'), participant('b', 'HOST'), participant('c', 'PITCHER')], none);
    expect(open).toHaveLength(3);
  });
});

describe('live status', () => {
  const at = (hhmm: string) => new Date(`2026-03-12T${hhmm}:00Z`);
  it('follows the rounds: before, pitch, exchange, changeover, after', () => {
    expect(liveStatus(session, at('07:59'))).toMatchObject({ phase: 'BEFORE', nextRound: 1, secondsLeft: 60 });
    expect(liveStatus(session, at('08:03'))).toMatchObject({ phase: 'PITCH', currentRound: 1, secondsLeft: 120 });
    expect(liveStatus(session, at('08:07'))).toMatchObject({ phase: 'EXCHANGE', currentRound: 1, secondsLeft: 13 * 60 });
    expect(liveStatus(session, at('08:22'))).toMatchObject({ phase: 'CHANGEOVER', currentRound: 1, nextRound: 2, secondsLeft: 180 });
    // Six rounds of 25 minutes from 08:00: the last ends at 10:25.
    expect(liveStatus(session, at('10:24'))).toMatchObject({ phase: 'EXCHANGE', currentRound: 6 });
    expect(liveStatus(session, at('10:25'))).toMatchObject({ phase: 'AFTER', currentRound: 6, secondsLeft: 0 });
  });
});

describe('agendas from a schedule', () => {
  const participants = [
    { actorId: 'h', actorName: 'Ville', side: 'HOST' as const, personName: 'Élue', availableRounds: [1, 2, 3, 4, 5, 6], absentFromRound: null },
    { actorId: 'p', actorName: 'Startup', side: 'PITCHER' as const, personName: null, availableRounds: [3, 4, 5, 6], absentFromRound: 5 },
  ];
  const meetings = [{ round: 3, table: 2, a: 'h', b: 'p', score: 9, reasons: ['Souhait'] }];

  it('gives every participant one slot per round: meeting, free or away', () => {
    const [host, pitcher] = participantAgendas(session, participants, meetings);
    expect(host.slots).toHaveLength(6);
    expect(host.slots[2]).toMatchObject({ round: 3, table: 2, counterpart: { actorName: 'Startup' }, reasons: ['Souhait'], absent: false });
    expect(host.slots[0]).toMatchObject({ counterpart: null, absent: false });
    expect(pitcher.slots.map((s) => s.absent)).toEqual([true, true, false, false, true, true]);
    expect(pitcher.slots[2].startsAt).toBe('2026-03-12T08:50:00.000Z');
  });

  it('gives every table one slot per round, empty seats included', () => {
    const tables = tableAgendas(session, participants, meetings);
    expect(tables.map((t) => t.table)).toEqual([1, 2, 3]);
    expect(tables[1].slots[2]).toMatchObject({ a: { actorName: 'Ville' }, b: { actorName: 'Startup' } });
    expect(tables[0].slots.every((s) => s.a === null && s.b === null)).toBe(true);
  });
});
