import { AgendaPerson, AgendaSession, AgendaSlot, ParticipantAgenda, roundTimes } from '../../server/domain/matchmaking/agenda/agenda-model';
import { escapeIcsText, foldIcsLine, icsDateTime, participantAgendaIcs } from '../../server/domain/matchmaking/agenda/agenda-ics';

const session: AgendaSession = {
  id: 'sess-42',
  title: 'Rencontres ecoCIRC; Pays de Gex, édition 2026',
  startsAt: '2026-11-23T08:00:00Z',
  timeZone: 'Europe/Paris',
  venueName: 'Hôtel de Région',
  venueAddress: '1 esplanade François-Mitterrand, 69002 Lyon',
  pitchMinutes: 5,
  exchangeMinutes: 15,
  changeoverMinutes: 5,
  rounds: 4,
  mode: 'BIPARTITE',
  themeTitle: 'Réemploi',
};

const me: AgendaPerson = { actorId: 'actor-7', actorName: 'Recyclo', personName: 'Zoé', side: 'PITCHER' };
const host: AgendaPerson = { actorId: 'h1', actorName: 'Dupont & Fils, SARL', personName: 'Hélène Lœuvre', side: 'HOST' };
const host2: AgendaPerson = { actorId: 'h2', actorName: 'Métropole de Lyon', personName: null, side: 'HOST' };

function slot(s: AgendaSession, round: number, counterpart: AgendaPerson | null, table: number | null, reasons: string[] = [], absent?: boolean): AgendaSlot {
  return { round, ...roundTimes(s, round), table, counterpart, reasons, ...(absent === undefined ? {} : { absent }) };
}

const longReason =
  "Vous produisez des chutes de bois non traité (palettes, coffrages) et la collectivité cherche un fournisseur local pour sa chaufferie ; c'est à 12 km, « circuit court »";

const agenda: ParticipantAgenda = {
  session,
  participant: me,
  slots: [
    slot(session, 1, null, null, [], true), // late arrival
    slot(session, 2, host, 3, [longReason, 'Souhait mutuel, déclaré par les deux']),
    slot(session, 3, null, null), // free round
    slot(session, 4, host2, 5, []),
  ],
};

const NOW = new Date('2026-11-01T10:11:12.345Z');

/** Unfolds (RFC 5545 §3.1) and splits each content line into name, parameters and raw value. */
function parseIcs(text: string): { name: string; value: string }[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon).split(';')[0], value: line.slice(colon + 1) };
    });
}

/** Reverses TEXT escaping. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The VEVENTs as maps of property name to (unescaped) value. */
function events(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const { name, value } of parseIcs(text)) {
    if (name === 'BEGIN' && value === 'VEVENT') current = new Map();
    else if (name === 'END' && value === 'VEVENT') {
      out.push(current!);
      current = null;
    } else if (current) current.set(name, unescapeText(value));
  }
  return out;
}

function physicalLines(text: string): string[] {
  return text.split('\r\n').slice(0, -1);
}

describe('escapeIcsText', () => {
  it('escapes backslash, semicolon and comma, and writes line breaks as \\n', () => {
    expect(escapeIcsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(escapeIcsText('un\r\ndeux\rtrois')).toBe('un\\ndeux\\ntrois');
  });

  it('leaves colons, quotes and accents alone (they are legal in TEXT) and drops control characters', () => {
    expect(escapeIcsText('Thème : « réemploi » "ok"\u0007')).toBe('Thème : « réemploi » "ok"');
  });

  it('round-trips through unescaping', () => {
    const text = 'C:\\dossier; a, b\n\\n littéral';
    expect(unescapeText(escapeIcsText(text))).toBe(text);
  });
});

describe('foldIcsLine', () => {
  it('leaves a 75-octet line alone and folds a 76-octet one', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('folds accented text at 75 octets without splitting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'Réemploi à Châteauroux, œuvre déjà éprouvée ; '.repeat(6)}🌳 fin`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(4);
    for (const [i, part] of parts.entries()) {
      const bytes = Buffer.from(part, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: decoding and re-encoding is lossless
      // and there is no lone surrogate.
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
    }
    // A line full of 2-octet characters cannot be cut at exactly 75: it stops at 74.
    expect(Buffer.byteLength(foldIcsLine('é'.repeat(60)).split('\r\n')[0])).toBe(74);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('moves a 4-octet character that would straddle octet 75 to the next line whole', () => {
    expect(foldIcsLine(`${'x'.repeat(73)}🌳y`)).toBe(`${'x'.repeat(73)}\r\n 🌳y`);
  });
});

describe('icsDateTime', () => {
  it('writes UTC basic format', () => {
    expect(icsDateTime('2026-11-23T08:20:00.000Z')).toBe('20261123T082000Z');
    expect(icsDateTime(new Date('2026-03-29T01:00:59.999Z'))).toBe('20260329T010059Z');
    expect(() => icsDateTime('nope')).toThrow(RangeError);
  });
});

describe('participantAgendaIcs', () => {
  const ics = participantAgendaIcs(agenda, NOW);

  it('is a CRLF-terminated VCALENDAR with the required header', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(physicalLines(ics).slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Maillage//Rencontres//FR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
  });

  it('never has a physical line over 75 octets', () => {
    for (const line of physicalLines(ics)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // The long reason did need folding.
    expect(ics).toMatch(/\r\n /);
  });

  it('has one event per meeting, none for the absent and free rounds', () => {
    const parsed = events(ics);
    expect(parsed).toHaveLength(2);
    expect(parsed.map((e) => e.get('UID'))).toEqual(['sess-42-r2-actor-7@maillage', 'sess-42-r4-actor-7@maillage']);
  });

  it('parses back to the meeting: UTC times, stamp, summary, venue, reasons', () => {
    const [first, second] = events(ics);
    expect(first.get('DTSTAMP')).toBe('20261101T101112Z');
    expect(first.get('DTSTART')).toBe('20261123T082500Z');
    expect(first.get('DTEND')).toBe('20261123T084500Z');
    expect(first.get('SUMMARY')).toBe('Rencontre avec Dupont & Fils, SARL (table 3)');
    expect(first.get('LOCATION')).toBe('Hôtel de Région, 1 esplanade François-Mitterrand, 69002 Lyon');
    expect(first.get('DESCRIPTION')).toBe(
      [
        'Avec : Dupont & Fils, SARL (Hélène Lœuvre)',
        'Pourquoi :',
        `- ${longReason}`,
        '- Souhait mutuel, déclaré par les deux',
        'Session : Rencontres ecoCIRC; Pays de Gex, édition 2026, tour 2',
      ].join('\n'),
    );
    expect(second.get('SUMMARY')).toBe('Rencontre avec Métropole de Lyon (table 5)');
    expect(second.get('DESCRIPTION')).toBe('Avec : Métropole de Lyon\nSession : Rencontres ecoCIRC; Pays de Gex, édition 2026, tour 4');
  });

  it('escapes the special characters in the raw file', () => {
    expect(parseIcs(ics).find((p) => p.name === 'SUMMARY')!.value).toBe('Rencontre avec Dupont & Fils\\, SARL (table 3)');
    expect(parseIcs(ics).find((p) => p.name === 'X-WR-CALNAME')!.value).toBe('Rencontres ecoCIRC\\; Pays de Gex\\, édition 2026');
  });

  it('is stable: same UIDs and bytes for the same agenda and stamp', () => {
    expect(participantAgendaIcs(agenda, NOW)).toBe(ics);
  });

  it('omits the table when there is none and the location when the venue is unknown', () => {
    const open: AgendaSession = { ...session, mode: 'OPEN', venueName: null, venueAddress: null };
    const [event] = events(participantAgendaIcs({ session: open, participant: me, slots: [slot(open, 1, host2, null)] }, NOW));
    expect(event.get('SUMMARY')).toBe('Rencontre avec Métropole de Lyon');
    expect(event.has('LOCATION')).toBe(false);
  });

  it('gives a participant without any meeting a calendar with no event', () => {
    const none = participantAgendaIcs({ session, participant: me, slots: [1, 2, 3, 4].map((r) => slot(session, r, null, null)) }, NOW);
    expect(events(none)).toHaveLength(0);
    expect(none).toContain('BEGIN:VCALENDAR\r\n');
    expect(none.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('writes exact UTC instants across the autumn DST change (25-minute spacing kept)', () => {
    const night: AgendaSession = { ...session, startsAt: '2026-10-25T00:30:00Z', rounds: 3 };
    const out = participantAgendaIcs({ session: night, participant: me, slots: [1, 2, 3].map((r) => slot(night, r, host2, r)) }, NOW);
    expect(events(out).map((e) => e.get('DTSTART'))).toEqual(['20261025T003000Z', '20261025T005500Z', '20261025T012000Z']);
  });
});
