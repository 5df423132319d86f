import { AgendaPerson, AgendaSession, AgendaSlot, ParticipantAgenda, roundTimes } from '../../server/domain/matchmaking/agenda/agenda-model';
import {
  formatDateLong,
  formatTime,
  formatTimeRange,
  participantHeading,
  participantRows,
  sessionHeader,
  tableRows,
} from '../../server/domain/matchmaking/agenda/agenda-format';

// 09:00 in Paris (UTC+1 in November): rounds every 25 minutes, each 20 minutes long.
const session: AgendaSession = {
  id: 'sess-1',
  title: 'Rencontres ecoCIRC – Économie circulaire',
  startsAt: '2026-11-23T08:00:00Z',
  timeZone: 'Europe/Paris',
  venueName: 'Hôtel de Région',
  venueAddress: '1 place de la Région, Lyon',
  pitchMinutes: 5,
  exchangeMinutes: 15,
  changeoverMinutes: 5,
  rounds: 6,
  mode: 'BIPARTITE',
  themeTitle: 'Réemploi des matériaux',
};

const host: AgendaPerson = { actorId: 'h1', actorName: 'Ville de Lyon', personName: 'Élise Martin', side: 'HOST' };
const pitcher: AgendaPerson = { actorId: 'p1', actorName: 'Recyclo', personName: null, side: 'PITCHER' };

function slot(s: AgendaSession, round: number, counterpart: AgendaPerson | null, table: number | null, extra: Partial<AgendaSlot> = {}): AgendaSlot {
  return { round, ...roundTimes(s, round), table, counterpart, reasons: counterpart ? ['Vous cherchez tous deux du bois de réemploi'] : [], ...extra };
}

describe('roundTimes', () => {
  it('starts round r after (r−1) full periods and lasts pitch + exchange', () => {
    expect(roundTimes(session, 1)).toEqual({ startsAt: '2026-11-23T08:00:00.000Z', endsAt: '2026-11-23T08:20:00.000Z' });
    expect(roundTimes(session, 3)).toEqual({ startsAt: '2026-11-23T08:50:00.000Z', endsAt: '2026-11-23T09:10:00.000Z' });
    expect(roundTimes(session, 6).endsAt).toBe('2026-11-23T10:25:00.000Z');
  });

  it('keeps rounds evenly spaced in real time across the autumn DST change; only the Paris clock jumps back', () => {
    // 25 October 2026, 03:00 CEST → 02:00 CET happens at 01:00 UTC.
    const night = { ...session, startsAt: '2026-10-25T00:30:00Z' };
    const starts = [1, 2, 3].map((r) => roundTimes(night, r).startsAt);
    expect(starts).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T00:55:00.000Z', '2026-10-25T01:20:00.000Z']);
    expect(starts.map((iso) => formatTime(iso, 'Europe/Paris'))).toEqual(['02:30', '02:55', '02:20']);
  });

  it('shows the spring DST jump forward in Paris time', () => {
    // 29 March 2026, 02:00 CET → 03:00 CEST at 01:00 UTC.
    const night = { ...session, startsAt: '2026-03-29T00:30:00Z' };
    const r3 = roundTimes(night, 3);
    expect(formatTimeRange(r3.startsAt, r3.endsAt, 'Europe/Paris')).toBe('03:20 – 03:40');
    const r2 = roundTimes(night, 2);
    expect(formatTimeRange(r2.startsAt, r2.endsAt, 'Europe/Paris')).toBe('01:55 – 03:15');
  });

  it('rejects rounds that do not exist and broken sessions', () => {
    expect(() => roundTimes(session, 0)).toThrow(RangeError);
    expect(() => roundTimes(session, 1.5)).toThrow(RangeError);
    expect(() => roundTimes({ ...session, startsAt: 'demain' }, 1)).toThrow(RangeError);
    expect(() => roundTimes({ ...session, pitchMinutes: -5 }, 1)).toThrow(RangeError);
    expect(() => roundTimes({ ...session, exchangeMinutes: Number.NaN }, 1)).toThrow(RangeError);
  });
});

describe('French formatting', () => {
  it('writes times in the session zone, not the server zone (tests run in UTC)', () => {
    expect(formatTimeRange('2026-11-23T08:20:00Z', '2026-11-23T08:40:00Z', 'Europe/Paris')).toBe('09:20 – 09:40');
    expect(formatTime('2026-07-01T08:20:00Z', 'Europe/Paris')).toBe('10:20');
    expect(formatTime('2026-11-23T08:20:00Z', 'America/Cayenne')).toBe('05:20');
  });

  it('writes the date in words in the session zone, with "1er" for the first of the month', () => {
    expect(formatDateLong('2026-11-23T08:00:00Z', 'Europe/Paris')).toBe('lundi 23 novembre 2026');
    expect(formatDateLong('2026-02-28T23:30:00Z', 'Europe/Paris')).toBe('dimanche 1er mars 2026');
    expect(formatDateLong('2026-11-22T23:30:00Z', 'Europe/Paris')).toBe('lundi 23 novembre 2026');
  });

  it('refuses an unknown time zone or date rather than printing a wrong time', () => {
    expect(() => formatTime('2026-11-23T08:00:00Z', 'Europe/Atlantis')).toThrow(RangeError);
    expect(() => formatTime('not a date', 'Europe/Paris')).toThrow(RangeError);
  });

  it('builds the session header from the first round start to the last round end', () => {
    expect(sessionHeader(session)).toEqual({
      title: 'Rencontres ecoCIRC – Économie circulaire',
      when: 'lundi 23 novembre 2026, 09:00 – 11:25',
      where: 'Lieu : Hôtel de Région, 1 place de la Région, Lyon',
      theme: 'Thème : Réemploi des matériaux',
      format: '6 tours : 5 min de pitch, 15 min d\'échange, 5 min pour changer de table',
    });
    const bare = sessionHeader({ ...session, venueName: null, venueAddress: null, themeTitle: null, rounds: 1, mode: 'OPEN' });
    expect(bare.where).toBeNull();
    expect(bare.theme).toBeNull();
    expect(bare.format).toBe('1 tour : 5 min de présentation, 15 min d\'échange, 5 min pour changer de table');
  });
});

describe('agenda rows', () => {
  it('gives one row per round in round order, with free and absent rounds spelled out', () => {
    const agenda: ParticipantAgenda = {
      session,
      participant: pitcher,
      slots: [slot(session, 3, null, null), slot(session, 2, host, 4), slot(session, 1, null, null, { absent: true })],
    };
    const rows = participantRows(agenda);
    expect(rows.map((r) => [r.round, r.kind, r.time, r.table])).toEqual([
      [1, 'absent', '09:00 – 09:20', '—'],
      [2, 'meeting', '09:25 – 09:45', '4'],
      [3, 'free', '09:50 – 10:10', '—'],
    ]);
    expect(rows[1].who).toEqual(['Ville de Lyon', 'Élise Martin · hôte de table']);
    expect(rows[1].reasons).toEqual(['Vous cherchez tous deux du bois de réemploi']);
    expect(rows[0].who[0]).toBe('Absence prévue');
    expect(rows[2].who[0]).toBe('Temps libre');
  });

  it('treats a slot marked absent as absent even if a counterpart slipped in', () => {
    const agenda: ParticipantAgenda = { session, participant: pitcher, slots: [slot(session, 1, host, 2, { absent: true })] };
    expect(participantRows(agenda)[0]).toMatchObject({ kind: 'absent', table: '—', reasons: [] });
  });

  it('summarises the participant: role, meetings out of rounds, French elision', () => {
    const agenda: ParticipantAgenda = { session, participant: pitcher, slots: [slot(session, 1, host, 1), slot(session, 2, null, null)] };
    expect(participantHeading(agenda)).toEqual({
      name: 'Agenda de Recyclo',
      organisation: null,
      summary: 'Vous présentez votre projet aux tables : 1 rencontre sur 6 tours',
    });
    const none: ParticipantAgenda = { session: { ...session, mode: 'OPEN' }, participant: host, slots: [] };
    expect(participantHeading(none)).toEqual({ name: "Agenda d'Élise Martin", organisation: 'Ville de Lyon', summary: 'Aucune rencontre planifiée' });
  });

  it('labels host and pitcher on table rows, and an unused table as free', () => {
    const rows = tableRows({
      session,
      table: 2,
      slots: [
        { round: 1, ...roundTimes(session, 1), a: host, b: pitcher, reasons: ['Bois'] },
        { round: 2, ...roundTimes(session, 2), a: null, b: null, reasons: [] },
      ],
    });
    expect(rows[0].who).toEqual(['Hôte : Ville de Lyon (Élise Martin)', 'Pitch : Recyclo']);
    expect(rows[0].table).toBe('2');
    expect(rows[1]).toMatchObject({ kind: 'free', who: ['Table libre', 'Pas de rencontre à ce tour'] });
  });
});
