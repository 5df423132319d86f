import { StageHistoryEntry } from '../../server/domain/matchmaking/follow-up/cooperation';
import { MeetingFeedback } from '../../server/domain/matchmaking/follow-up/feedback';
import {
  buildSessionReport,
  csvField,
  frenchDate,
  MARKDOWN_REQUEST_LIMIT,
  ReportFeedback,
  SessionReportInput,
  sessionDate,
  sessionReportCsv,
  sessionReportMarkdown,
} from '../../server/domain/matchmaking/follow-up/session-report';

const fb = (interest: MeetingFeedback['interest'], followUpWanted: boolean): MeetingFeedback => ({ interest, followUpWanted, note: null });
const at = (round: number, table: number, side: 'A' | 'B', feedback: MeetingFeedback): ReportFeedback => ({ round, table, side, feedback });
const entry = (stage: StageHistoryEntry['stage'], on: string, publicContract = false): StageHistoryEntry => ({
  stage,
  on,
  note: null,
  by: 'animatrice@example.org',
  publicContract,
});

/**
 * Three rounds, two tables: collectivités H1, H2 host; fictional companies P1, P2, P3 pitch.
 * P3 never came (absent from round 1 on); P1 left after round 2.
 */
function input(overrides: Partial<SessionReportInput> = {}): SessionReportInput {
  return {
    session: { id: 's1', title: 'Matinée ecoCIRC', startsAt: '2025-01-31T08:30:00Z', rounds: 3 },
    meetings: [
      { round: 1, table: 1, a: 'H1', b: 'P1' },
      { round: 1, table: 2, a: 'H2', b: 'P2' },
      { round: 2, table: 1, a: 'H1', b: 'P2' },
      { round: 2, table: 2, a: 'H2', b: 'P3' },
      { round: 3, table: 1, a: 'H1', b: 'P3' },
      { round: 3, table: 2, a: 'H2', b: 'P1' },
    ],
    absences: [
      { actorId: 'P3', fromRound: 1 },
      { actorId: 'P1', fromRound: 3 },
    ],
    feedback: [
      at(1, 1, 'A', fb(3, true)),
      at(1, 1, 'B', fb(2, true)),
      at(1, 2, 'A', fb(1, false)),
      at(1, 2, 'B', fb(3, true)),
      at(2, 1, 'A', fb(0, false)),
    ],
    cooperations: [
      {
        id: 'c1',
        history: [
          entry('VALUABLE_CONTACT', '2025-02-03'),
          entry('NEGOTIATION_STARTED', '2025-03-15'),
          entry('VALUABLE_CONTACT', '2025-06-01'),
          entry('AGREEMENT_REACHED', '2025-12-01', true),
        ],
      },
      { id: 'c2', history: [entry('VALUABLE_CONTACT', '2025-05-10'), entry('NO_FURTHER_CONTACT', '2025-08-01')] },
    ],
    asOf: '2025-09-15',
    actorNames: { H1: 'Ville de Choisy-le-Roi', H2: 'Département', P1: 'Isolants Fictifs SAS', P2: 'Béton Circulaire (fictive)', P3: 'Absente SARL' },
    ...overrides,
  };
}

const counts = (d: { stages: { stage: string; count: number }[] } | null) =>
  d && Object.fromEntries(d.stages.filter((s) => s.count > 0).map((s) => [s.stage, s.count]));

describe('buildSessionReport', () => {
  it('dates the session on its local day', () => {
    expect(sessionDate({ startsAt: '2025-01-31T08:30:00Z' })).toBe('2025-01-31');
    expect(sessionDate({ startsAt: '2025-01-31T23:30:00Z' })).toBe('2025-02-01'); // 00:30 in Paris
    expect(sessionDate({ startsAt: '2025-01-31T23:30:00Z', timeZone: 'UTC' })).toBe('2025-01-31');
    expect(sessionDate({ startsAt: '2025-01-31' })).toBe('2025-01-31');
    expect(() => sessionDate({ startsAt: 'demain' })).toThrow(RangeError);
  });

  it('counts a meeting as held only when neither side was absent at its round, so a no-show holds none', () => {
    const report = buildSessionReport(input());
    expect(report.meetings).toEqual({ planned: 6, held: 3, cancelledByAbsence: 3 });
    expect(report.noShows).toEqual({ count: 1, actors: [{ id: 'P3', name: 'Absente SARL' }] });
    expect(report.partialAbsences).toEqual([{ actor: { id: 'P1', name: 'Isolants Fictifs SAS' }, rounds: [3] }]);
  });

  it('tells a late arrival from a no-show', () => {
    const report = buildSessionReport(input({ absences: [{ actorId: 'P3', fromRound: 1, toRound: 2 }] }));
    expect(report.noShows.count).toBe(0);
    expect(report.partialAbsences).toEqual([{ actor: { id: 'P3', name: 'Absente SARL' }, rounds: [1, 2] }]);
    // P3's round-3 meeting with H1 took place.
    expect(report.meetings.held).toBe(5);
  });

  it('counts interest over held meetings, and the share with feedback from both sides', () => {
    const { interest } = buildSessionReport(input());
    expect(interest.levels).toEqual([
      { level: 0, label: 'Aucun intérêt', count: 1 },
      { level: 1, label: 'Intérêt faible', count: 1 },
      { level: 2, label: 'Intérêt réel', count: 1 },
      { level: 3, label: 'Intérêt fort', count: 2 },
    ]);
    expect(interest.feedbackCount).toBe(5);
    expect(interest.meetingsWithBothSides).toBe(2);
    expect(interest.meetingsWithOneSide).toBe(1);
    expect(interest.meetingsWithoutFeedback).toBe(0);
    expect(interest.bothSidesShare).toBeCloseTo(2 / 3);
  });

  it('leaves out, with a warning, feedback on a cancelled or unplanned meeting, and keeps the last of duplicates', () => {
    const report = buildSessionReport(
      input({
        feedback: [
          ...input().feedback,
          at(2, 2, 'B', fb(3, true)), // P3 was not there
          at(4, 1, 'A', fb(3, true)), // no such meeting
          at(2, 1, 'A', fb(2, true)), // corrects the 0 given earlier
        ],
      }),
    );
    expect(report.interest.feedbackCount).toBe(5);
    expect(report.interest.levels.map((l) => l.count)).toEqual([0, 1, 2, 2]);
    expect(report.followUps.requested).toBe(3);
    expect(report.warnings).toEqual([
      expect.stringContaining('tour 2, table 2, annulée pour absence'),
      expect.stringContaining('non prévue (tour 4, table 1)'),
      expect.stringContaining('Deux avis du côté A pour la rencontre tour 2, table 1'),
    ]);
  });

  it('lists the follow-ups requested and by whom', () => {
    const { followUps } = buildSessionReport(input());
    expect(followUps).toMatchObject({ requested: 2, byBothSides: 1, bySideAOnly: 0, bySideBOnly: 1 });
    expect(followUps.requests.map((r) => [r.round, r.table, r.a.id, r.b.id, r.requestedBy])).toEqual([
      [1, 1, 'H1', 'P1', 'BOTH'],
      [1, 2, 'H2', 'P2', 'B'],
    ]);
  });

  it('reports a session without any feedback', () => {
    const report = buildSessionReport(input({ feedback: [], cooperations: [] }));
    expect(report.interest).toEqual({
      levels: expect.arrayContaining([expect.objectContaining({ count: 0 })]),
      feedbackCount: 0,
      meetingsWithBothSides: 0,
      meetingsWithOneSide: 0,
      meetingsWithoutFeedback: 3,
      bothSidesShare: 0,
    });
    expect(report.interest.levels.every((l) => l.count === 0)).toBe(true);
    expect(report.followUps).toEqual({ requested: 0, bySideAOnly: 0, bySideBOnly: 0, byBothSides: 0, requests: [] });
    expect(report.outcomes.current.opened).toBe(0);
    // No meeting held at all: the share is unknown, not zero.
    const empty = buildSessionReport(input({ feedback: [], cooperations: [], meetings: [], absences: [] }));
    expect(empty.interest.bothSidesShare).toBeNull();
  });

  it('follows the outcomes at 1, 3, 6, 12 months from the stage histories, going back and forth', () => {
    const { outcomes } = buildSessionReport(input());
    // Session on 31 January: checkpoints clamp to month ends.
    expect(outcomes.checkpoints.map((c) => [c.monthsAfter, c.on, c.reached])).toEqual([
      [1, '2025-02-28', true],
      [3, '2025-04-30', true],
      [6, '2025-07-31', true],
      [12, '2026-01-31', false],
    ]);
    const [one, three, six, twelve] = outcomes.checkpoints;
    // c2 was opened on 10 May, after the 3-month checkpoint.
    expect(counts(one!.distribution)).toEqual({ VALUABLE_CONTACT: 1 });
    expect(one!.distribution).toMatchObject({ opened: 1, notYetOpened: 1 });
    expect(counts(three!.distribution)).toEqual({ NEGOTIATION_STARTED: 1 });
    expect(counts(six!.distribution)).toEqual({ VALUABLE_CONTACT: 2 }); // c1 went back from negotiation
    expect(twelve!.distribution).toBeNull();
    expect(counts(outcomes.current)).toEqual({ VALUABLE_CONTACT: 1, NO_FURTHER_CONTACT: 1 });
    expect(outcomes.current.on).toBe('2025-09-15');
  });

  it('counts public contracts among agreements once the checkpoint is reached', () => {
    const { outcomes } = buildSessionReport(input({ asOf: '2026-02-01' }));
    const twelve = outcomes.checkpoints[3]!;
    expect(twelve.reached).toBe(true);
    expect(counts(twelve.distribution)).toEqual({ AGREEMENT_REACHED: 1, NO_FURTHER_CONTACT: 1 });
    expect(twelve.distribution!.publicContracts).toBe(1);
  });

  it('checks the report date', () => {
    expect(() => buildSessionReport(input({ asOf: '2025-02-30' }))).toThrow(RangeError);
  });
});

/** A strict RFC 4180 reader, to check the export the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      i += 1;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          if (i >= text.length) throw new Error('unterminated quote');
          field += text[i];
          i += 1;
        }
      }
      if (text[i] !== ',' && text[i] !== '\r') throw new Error(`garbage after a quoted field at ${i}`);
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error('bare CR');
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '\n' || c === '"') throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`);
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('missing final CRLF');
  return rows;
}

describe('sessionReportCsv', () => {
  it('quotes commas, quotes and newlines per RFC 4180, and defuses formulas', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField('Dupont, "la" SCIC')).toBe('"Dupont, ""la"" SCIC"');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('-3')).toBe("'-3");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('starts with a UTF-8 BOM, ends lines with CRLF, and reads back with the same field count on every line', () => {
    const title = 'Matinée "ecoCIRC", Val-de-Marne\nquartier des Navigateurs';
    const report = buildSessionReport(
      input({
        session: { id: 's1', title, startsAt: '2025-01-31T08:30:00Z', rounds: 3 },
        actorNames: { H1: 'Ville, "centre"', P1: '=1+1' },
      }),
    );
    const csv = sessionReportCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const width = rows[0]!.length;
    expect(rows.every((r) => r.length === width)).toBe(true);
    const cells = rows.map((r) => r.filter((c) => c !== ''));
    expect(cells).toContainEqual(['Titre', title]);
    expect(cells).toContainEqual(['1', '1', 'Ville, "centre"', "'=1+1", 'Les deux']);
    expect(cells).toContainEqual(['Rencontres tenues', '3']);
    expect(cells).toContainEqual(['P3', 'P3', 'Absent toute la session']); // no name given: shown by id
    expect(cells).toContainEqual(["'=1+1", 'P1', 'Tour 3']);
    expect(cells).toContainEqual(['3', 'Intérêt fort', '2']);
    expect(cells).toContainEqual(['Part des rencontres tenues avec les avis des deux côtés (%)', '67']);
  });

  it('has one section per block with French headers, and empty cells for checkpoints not reached', () => {
    const rows = parseCsv(sessionReportCsv(buildSessionReport(input())).slice(1));
    const titles = rows.filter((r, i) => i === 0 || rows[i - 1]!.every((c) => c === '')).map((r) => r[0]);
    expect(titles).toEqual([
      'Session',
      'Rencontres',
      'Absences',
      'Intérêt exprimé',
      'Avis par rencontre tenue',
      'Suites demandées',
      'Rencontres appelant une suite',
      'Suites des coopérations',
    ]);
    const header = rows.find((r) => r[0] === 'Étape')!;
    expect(header.slice(0, 6)).toEqual(['Étape', '1 mois (2025-02-28)', '3 mois (2025-04-30)', '6 mois (2025-07-31)', '12 mois (2026-01-31)', 'Au 2025-09-15']);
    expect(rows.find((r) => r[0] === 'Négociation engagée')!.slice(0, 6)).toEqual(['Négociation engagée', '0', '1', '0', '', '0']);
    expect(rows.find((r) => r[0] === 'Pas encore ouvertes')!.slice(0, 6)).toEqual(['Pas encore ouvertes', '1', '1', '0', '', '0']);
  });

  it('exports a report without feedback, with a warnings section when the data is inconsistent', () => {
    const quiet = parseCsv(sessionReportCsv(buildSessionReport(input({ feedback: [], cooperations: [] }))).slice(1));
    expect(quiet.find((r) => r[0] === 'Avis recueillis')![1]).toBe('0');
    expect(quiet.some((r) => r[0] === 'À vérifier')).toBe(false);
    const noisy = parseCsv(sessionReportCsv(buildSessionReport(input({ feedback: [at(2, 2, 'A', fb(1, false))] }))).slice(1));
    expect(noisy.some((r) => r[0] === 'À vérifier')).toBe(true);
  });
});

describe('sessionReportMarkdown', () => {
  it('writes French dates, with "1er" for the first of the month', () => {
    expect(frenchDate('2025-03-01')).toBe('1er mars 2025');
    expect(frenchDate('2025-08-15')).toBe('15 août 2025');
  });

  it('summarises the session in French sentences', () => {
    const text = sessionReportMarkdown(buildSessionReport(input()));
    expect(text).toContain('# Bilan du speed meeting « Matinée ecoCIRC »');
    expect(text).toContain('Session du 31 janvier 2025, en 3 tours. Bilan arrêté au 15 septembre 2025.');
    expect(text).toContain('- 6 rencontres prévues, 3 tenues, 3 annulées pour absence.');
    expect(text).toContain('- 1 participant absent de toute la session : Absente SARL.');
    expect(text).toContain('- Isolants Fictifs SAS : absent au tour 3.');
    expect(text).toContain('- 5 avis recueillis ; avis des deux côtés pour 2 rencontres tenues sur 3 (67\u00a0%).');
    expect(text).toContain('- Intérêt fort : 2');
    expect(text).toContain('- 2 rencontres appellent une suite : 1 à la demande des deux côtés, 1 d’un seul côté.');
    expect(text).toContain('Ville de Choisy-le-Roi et Isolants Fictifs SAS (tour 1, table 1) : demandée par les deux');
    expect(text).toContain('Département et Béton Circulaire (fictive) (tour 1, table 2) : demandée par Béton Circulaire (fictive)');
    expect(text).toContain('- À 3 mois (30 avril 2025) : négociation engagée (1).');
    expect(text).toContain('- À 12 mois (31 janvier 2026) : pas encore atteint.');
    expect(text).toContain('- Au 15 septembre 2025 : pas de suite (1) ; contact utile pour de futurs projets (1).');
  });

  it('says plainly when there is no feedback, no follow-up and no cooperation', () => {
    const text = sessionReportMarkdown(buildSessionReport(input({ feedback: [], cooperations: [], absences: [] })));
    expect(text).toContain('- 6 rencontres prévues, 6 tenues, 0 annulée pour absence.');
    expect(text).toContain('- Aucun participant absent de toute la session.');
    expect(text).toContain('- Aucun avis recueilli pour l’instant.');
    expect(text).toContain('- Aucune suite demandée.');
    expect(text).toContain('- Aucune coopération ouverte à la suite de la session.');
  });

  it('mentions public contracts, escapes names typed by users, and caps long lists', () => {
    const many = Array.from({ length: MARKDOWN_REQUEST_LIMIT + 5 }, (_, i) => ({ round: 1, table: i + 1, a: `H${i}`, b: `P${i}` }));
    const text = sessionReportMarkdown(
      buildSessionReport(
        input({
          asOf: '2026-02-01',
          meetings: many,
          absences: [],
          feedback: many.map((m) => at(m.round, m.table, 'A', fb(3, true))),
          actorNames: { H0: '*Mairie* [lien](http://x)' },
        }),
      ),
    );
    expect(text).toContain('accord conclu (1, dont 1 marché public)');
    expect(text).toContain('\\*Mairie\\* \\[lien\\](http://x)');
    expect(text).toContain('… et 5 autres (voir l’export CSV)');
    expect(text.split('\n').filter((l) => l.startsWith('  - ') && l.includes('table')).length).toBe(MARKDOWN_REQUEST_LIMIT);
  });
});
