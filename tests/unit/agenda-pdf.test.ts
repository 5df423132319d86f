import { AgendaPerson, AgendaSession, AgendaSlot, ParticipantAgenda, TableAgenda, roundTimes } from '../../server/domain/matchmaking/agenda/agenda-model';
import { participantAgendaPdf, sessionAgendasPdf, tableAgendasPdf, toWinAnsi } from '../../server/domain/matchmaking/agenda/agenda-pdf';

const session: AgendaSession = {
  id: 'sess-1',
  title: 'Rencontres ecoCIRC – Économie circulaire',
  startsAt: '2026-11-23T08:00:00Z',
  timeZone: 'Europe/Paris',
  venueName: 'Hôtel de Région',
  venueAddress: '1 esplanade François-Mitterrand, 69002 Lyon',
  pitchMinutes: 5,
  exchangeMinutes: 15,
  changeoverMinutes: 5,
  rounds: 6,
  mode: 'BIPARTITE',
  themeTitle: 'Réemploi — « œuvre » et cœur de métier',
};

const host: AgendaPerson = { actorId: 'h1', actorName: 'Communauté de communes du Pays de Gex', personName: 'Françoise Lœuvre', side: 'HOST' };
const evil: AgendaPerson = { actorId: 'p-evil', actorName: '<script>alert("x")</script> & Cie', personName: "O'Brien\u202f!", side: 'PITCHER' };
const pitcher: AgendaPerson = { actorId: 'p1', actorName: 'Bois & Réemploi', personName: null, side: 'PITCHER' };

function slot(s: AgendaSession, round: number, counterpart: AgendaPerson | null, table: number | null, reasons: string[] = [], absent?: boolean): AgendaSlot {
  return { round, ...roundTimes(s, round), table, counterpart, reasons, ...(absent === undefined ? {} : { absent }) };
}

const hostAgenda: ParticipantAgenda = {
  session,
  participant: host,
  slots: [
    slot(session, 1, null, null, [], true), // late arrival
    slot(session, 2, evil, 3, ['Chaleur fatale à valoriser : 45 °C, 2 GWh/an']),
    slot(session, 3, null, null), // free round
    slot(session, 4, pitcher, 3, ['Besoin de bois de chauffe', 'Souhait mutuel']),
    slot(session, 5, null, null),
    slot(session, 6, pitcher, 3, ['Deuxième échange']),
  ],
};

const idle: ParticipantAgenda = { session, participant: pitcher, slots: [1, 2, 3, 4, 5, 6].map((r) => slot(session, r, null, null)) };

// ---- a tiny PDF reader, enough for pdfkit's uncompressed output -------------------------

const latin1 = (pdf: Buffer) => pdf.toString('latin1');

/** Page objects, not the /Pages tree node. */
function pageCount(pdf: Buffer): number {
  return latin1(pdf).match(/\/Type \/Page(?!s)\b/g)?.length ?? 0;
}

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Written out because Node's
 * TextDecoder('windows-1252') decodes as plain Latin-1 in some versions.
 */
const CP1252_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/** The text shown by each TJ operator (one per line of text), decoded from WinAnsi. */
function shownText(pdf: Buffer): string[] {
  return [...latin1(pdf).matchAll(/\[([^\]]*)\] TJ/g)].map((m) => {
    const hex = [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
    return [...Buffer.from(hex, 'hex')].map((byte) => CP1252_HIGH[byte] ?? String.fromCharCode(byte)).join('');
  });
}

/** A document-info string (Title, Creator…), with PDF literal escapes and UTF-16BE undone. */
function infoString(pdf: Buffer, key: string): string | null {
  const text = latin1(pdf);
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text);
  if (!ref) return null;
  const obj = new RegExp(`\\n${ref[1]} 0 obj\\n\\(((?:\\\\.|[^\\\\)])*)\\)\\nendobj`, 's').exec(text);
  if (!obj) return null;
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const raw = obj[1].replace(/\\(.)/gs, (_, c: string) => escapes[c] ?? c);
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const units = bytes.subarray(2);
    let out = '';
    for (let i = 0; i + 1 < units.length; i += 2) out += String.fromCharCode((units[i] << 8) | units[i + 1]);
    return out;
  }
  return raw;
}

describe('toWinAnsi', () => {
  it('leaves French text untouched: everything it needs is in WinAnsi', () => {
    const french = 'À l’évidence, Œuvre et cœur : « déjà vu » — été, où, çà, île, Noël, ÿ, ½, 5 € – fin…';
    expect(toWinAnsi(french)).toBe(french);
  });

  it('composes decomposed accents, and keeps line breaks', () => {
    expect(toWinAnsi('Re\u0301emploi\r\nsuite')).toBe('Réemploi\nsuite');
  });

  it('replaces typographic characters WinAnsi lacks with their closest neighbours', () => {
    expect(toWinAnsi('9\u202f% \u2011 a\u2009b \u2212 c \u2192 d \u2264 e \u2116 3 \u200b|')).toBe('9\u00a0% - a b - c -> d <= e N° 3 |');
  });

  it('drops accents WinAnsi does not have and letters it cannot show become "?"', () => {
    expect(toWinAnsi('Łódź, Kraków, Őrség, Şişli, Straße')).toBe('Lódz, Kraków, Orség, Sisli, Straße');
    expect(toWinAnsi('東京 Ωmega')).toBe('?? ?mega');
  });

  it('drops emoji, symbols and control characters instead of printing garbage', () => {
    expect(toWinAnsi('Forêt 🌳 ok\u0007!')).toBe('Forêt  ok !');
    expect(toWinAnsi('👍🏽')).toBe('');
  });

  it('only ever returns encodable characters', () => {
    const everything = Array.from({ length: 0x2200 }, (_, i) => String.fromCodePoint(i)).join('') + '😀𝔸';
    const allowed = /^[\n\x20-\x7e\xa0-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$/;
    expect(toWinAnsi(everything)).toMatch(allowed);
  });
});

describe('participantAgendaPdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await participantAgendaPdf(hostAgenda, { compress: false });
  });

  it('is a one-page PDF', () => {
    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(latin1(pdf).trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pageCount(pdf)).toBe(1);
    expect(latin1(pdf)).toContain('/MediaBox [0 0 595.28 841.89]'); // A4
  });

  it('carries its metadata: title, creator, language, creation date from the session', () => {
    expect(infoString(pdf, 'Title')).toBe('Agenda de Françoise Lœuvre – Rencontres ecoCIRC – Économie circulaire');
    expect(infoString(pdf, 'Creator')).toBe('Maillage');
    expect(infoString(pdf, 'CreationDate')).toBe('D:20261123080000Z');
    expect(latin1(pdf)).toContain('/Lang (fr-FR)');
  });

  it('shows the header and rows with their accents, encoded for Helvetica', () => {
    const text = shownText(pdf).join('\n');
    expect(latin1(pdf)).toContain('/BaseFont /Helvetica');
    expect(latin1(pdf)).toContain('/Encoding /WinAnsiEncoding');
    expect(latin1(pdf)).not.toContain('/FontFile'); // nothing embedded
    expect(text).toContain('Rencontres ecoCIRC – Économie circulaire');
    expect(text).toContain('lundi 23 novembre 2026, 09:00 – 11:25');
    expect(text).toContain('Lieu : Hôtel de Région, 1 esplanade François-Mitterrand, 69002 Lyon');
    expect(text).toContain('Thème : Réemploi — « œuvre » et cœur de métier');
    expect(text).toContain('Agenda de Françoise Lœuvre');
    expect(text).toContain('HEURE');
    expect(text).toContain('POURQUOI');
    expect(text).toContain('09:25 – 09:45');
    // A wrapped line keeps its trailing space, so lines joined without separator read on.
    expect(shownText(pdf).join('')).toContain('<script>alert("x")</script> & Cie');
    expect(text).toContain("O'Brien\u00a0! · porteur de projet");
    expect(shownText(pdf).join('')).toContain('• Chaleur fatale à valoriser : 45 °C, 2 GWh/an');
    expect(text).toContain('Absence prévue');
    expect(text).toContain('Temps libre');
    // pdfkit writes one byte per character; a character outside WinAnsi would show up as
    // more hex digits than characters, i.e. mojibake in the decoded text.
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('gives the same bytes twice (no clock in the output)', async () => {
    const again = await participantAgendaPdf(hostAgenda, { compress: false });
    expect(again.equals(pdf)).toBe(true);
    const compressed = await participantAgendaPdf(hostAgenda);
    expect((await participantAgendaPdf(hostAgenda)).equals(compressed)).toBe(true);
    expect(compressed.length).toBeLessThan(pdf.length);
  });

  it('takes an explicit creation date', async () => {
    const out = await participantAgendaPdf(hostAgenda, { compress: false, creationDate: new Date('2026-11-01T00:00:00Z') });
    expect(infoString(out, 'CreationDate')).toBe('D:20261101000000Z');
  });

  it('prints a participant with no meeting at all', async () => {
    const out = await participantAgendaPdf(idle, { compress: false });
    const text = shownText(out).join('\n');
    expect(pageCount(out)).toBe(1);
    expect(text).toContain('Vous présentez votre projet aux tables : aucune rencontre planifiée');
    expect(text.match(/Temps libre/g)).toHaveLength(6);
  });

  it('keeps Paris wall-clock times across the autumn DST change', async () => {
    const night: AgendaSession = { ...session, startsAt: '2026-10-25T00:30:00Z', rounds: 3 };
    const out = await participantAgendaPdf({ session: night, participant: pitcher, slots: [1, 2, 3].map((r) => slot(night, r, host, 1)) }, { compress: false });
    const text = shownText(out);
    expect(text).toEqual(expect.arrayContaining(['02:30 – 02:50', '02:55 – 02:15', '02:20 – 02:40']));
  });

  it('stays on one page when the reasons are far too long, cutting them with an ellipsis', async () => {
    const essay = Array.from({ length: 15 }, (_, i) => `Raison ${i + 1} : ${'une justification très détaillée et répétée, '.repeat(4)}`);
    const out = await participantAgendaPdf(
      { session, participant: host, slots: [1, 2, 3, 4, 5, 6].map((r) => slot(session, r, pitcher, r, essay)) },
      { compress: false },
    );
    expect(pageCount(out)).toBe(1);
    expect(shownText(out).join('\n')).toContain('…');
  });
});

describe('sessionAgendasPdf', () => {
  it('has one page per participant, each with its own heading', async () => {
    const agendas = [hostAgenda, idle, { ...hostAgenda, participant: evil }];
    const pdf = await sessionAgendasPdf(agendas, { compress: false });
    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(3);
    expect(latin1(pdf)).toContain('/Count 3');
    expect(infoString(pdf, 'Title')).toBe('Agendas des participants – Rencontres ecoCIRC – Économie circulaire');
    const headings = shownText(pdf).filter((line) => line.startsWith('Agenda '));
    expect(headings).toEqual(['Agenda de Françoise Lœuvre', 'Agenda de Bois & Réemploi', "Agenda d'O'Brien\u00a0!"]);
    expect((await sessionAgendasPdf(agendas, { compress: false })).equals(pdf)).toBe(true);
  });

  it('has a single page saying so when there is nobody', async () => {
    const pdf = await sessionAgendasPdf([], { compress: false });
    expect(pageCount(pdf)).toBe(1);
    expect(shownText(pdf)).toContain('Aucun participant à cette session.');
  });

  it('reads compressed output too (the default): page count and title in the metadata', async () => {
    const pdf = await sessionAgendasPdf([hostAgenda, idle]);
    expect(pageCount(pdf)).toBe(2);
    expect(latin1(pdf)).toContain('/Filter /FlateDecode');
    expect(infoString(pdf, 'Title')).toContain('Rencontres ecoCIRC');
  });
});

describe('tableAgendasPdf', () => {
  it('has one page per table', async () => {
    const tables: TableAgenda[] = [1, 2, 3].map((table) => ({
      session,
      table,
      slots: [1, 2].map((round) => ({ round, ...roundTimes(session, round), a: host, b: round === 1 ? evil : pitcher, reasons: ['Souhait mutuel'] })),
    }));
    const pdf = await tableAgendasPdf(tables, { compress: false });
    expect(pageCount(pdf)).toBe(3);
    const text = shownText(pdf);
    expect(text.filter((line) => /^Table \d$/.test(line))).toEqual(['Table 1', 'Table 2', 'Table 3']);
    expect(text.join('')).toContain('Hôte : Communauté de communes du Pays de Gex (Françoise Lœuvre)');
  });
});
