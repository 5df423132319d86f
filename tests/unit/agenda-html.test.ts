import { AgendaPerson, AgendaSession, AgendaSlot, ParticipantAgenda, TableAgenda, roundTimes } from '../../server/domain/matchmaking/agenda/agenda-model';
import { escapeHtml, participantAgendaHtml, sessionAgendasHtml, tableAgendasHtml } from '../../server/domain/matchmaking/agenda/agenda-html';

const session: AgendaSession = {
  id: 'sess-1',
  title: 'Rencontres ecoCIRC & "Territoires"',
  startsAt: '2026-11-23T08:00:00Z', // 09:00 in Paris
  timeZone: 'Europe/Paris',
  venueName: "Hôtel d'Agglo",
  venueAddress: '12 rue des Écoles, 69001 Lyon',
  pitchMinutes: 5,
  exchangeMinutes: 15,
  changeoverMinutes: 5,
  rounds: 4,
  mode: 'BIPARTITE',
  themeTitle: 'Chaleur fatale',
};

const evil: AgendaPerson = { actorId: 'p-evil', actorName: '<script>alert("x")</script>', personName: "O'Brien & Fils", side: 'PITCHER' };
const host: AgendaPerson = { actorId: 'h1', actorName: 'Communauté de communes du Pays de Gex', personName: 'Françoise Lœuvre', side: 'HOST' };
const pitcher: AgendaPerson = { actorId: 'p1', actorName: 'Bois & Réemploi', personName: null, side: 'PITCHER' };

function slot(s: AgendaSession, round: number, counterpart: AgendaPerson | null, table: number | null, reasons: string[] = [], absent?: boolean): AgendaSlot {
  return { round, ...roundTimes(s, round), table, counterpart, reasons, ...(absent === undefined ? {} : { absent }) };
}

const hostAgenda: ParticipantAgenda = {
  session,
  participant: host,
  slots: [
    slot(session, 1, null, null, [], true), // arrives late
    slot(session, 2, evil, 3, ['Vous valorisez la chaleur <b>fatale</b> & ils la captent']),
    slot(session, 3, null, null), // free round
    slot(session, 4, pitcher, 3, ['Besoin : bois de chauffe', 'Souhait mutuel']),
  ],
};

/** Every tag name in the document: if escaping failed, a data tag such as <script> or <b> shows up here. */
function tagNames(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase());
}

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'section', 'header', 'h1', 'h2', 'p', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li']);

function count(html: string, re: RegExp): number {
  return html.match(re)?.length ?? 0;
}

/** The text of each body row: tags dropped, entities kept as written. */
function rowTexts(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'));
  return [...body.matchAll(/<tr class="[a-z]+">(.*?)<\/tr>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('escapes an ampersand once, even when it already looks like an entity', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });

  it('leaves accents and other text alone', () => {
    expect(escapeHtml('Économie circulaire, cœur, « déchets » — 5 €')).toBe('Économie circulaire, cœur, « déchets » — 5 €');
  });
});

describe('participantAgendaHtml', () => {
  const html = participantAgendaHtml(hostAgenda);

  it('is a complete French HTML5 document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(count(html, /<section class="agenda">/g)).toBe(1);
    expect(count(html, /<\/section>/g)).toBe(1);
  });

  it('escapes every text from data: no tag but its own, names and quotes as entities', () => {
    expect(tagNames(html).filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('O&#39;Brien &amp; Fils');
    expect(html).toContain('Rencontres ecoCIRC &amp; &quot;Territoires&quot;');
    expect(html).toContain('chaleur &lt;b&gt;fatale&lt;/b&gt; &amp; ils la captent');
    // No bare ampersand: every & starts an entity.
    expect(html).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
  });

  it('keeps accents as UTF-8 text', () => {
    expect(html).toContain('Françoise Lœuvre');
    expect(html).toContain('12 rue des Écoles, 69001 Lyon');
  });

  it('shows the session header: title, date in words, venue, theme, format', () => {
    expect(html).toContain('<h1>Rencontres ecoCIRC &amp; &quot;Territoires&quot;</h1>');
    expect(html).toContain('lundi 23 novembre 2026, 09:00 – 10:35');
    expect(html).toContain('Lieu : Hôtel d&#39;Agglo, 12 rue des Écoles, 69001 Lyon');
    expect(html).toContain('Thème : Chaleur fatale');
    expect(html).toContain('4 tours : 5 min de pitch');
    expect(html).toContain('Agenda de Françoise Lœuvre');
    expect(html).toContain('Vous accueillez les porteurs de projet à votre table : 2 rencontres sur 4 tours');
  });

  it('has the Heure / Table / Rencontre / Pourquoi table with one row per round, in Paris time', () => {
    expect(html).toMatch(/<th[^>]*>Heure<\/th><th[^>]*>Table<\/th><th[^>]*>Rencontre<\/th><th[^>]*>Pourquoi<\/th>/);
    expect(rowTexts(html)).toEqual([
      '09:00 – 09:20 — Absence prévue Vous n&#39;êtes pas là à ce tour',
      '09:25 – 09:45 3 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Fils · porteur de projet Vous valorisez la chaleur &lt;b&gt;fatale&lt;/b&gt; &amp; ils la captent',
      '09:50 – 10:10 — Temps libre Pas de rencontre à ce tour',
      '10:15 – 10:35 3 Bois &amp; Réemploi porteur de projet Besoin : bois de chauffe Souhait mutuel',
    ]);
    expect(html).toContain('<tr class="absent">');
    expect(html).toContain('<tr class="free">');
    expect(count(html, /<li>/g)).toBe(3);
  });

  it('prints on A4 without backgrounds, at 11pt, with a page break between agendas', () => {
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4/);
    const print = html.slice(html.indexOf('@media print'));
    expect(print).toContain('font-size: 11pt');
    expect(print).toMatch(/background: (none|transparent)/);
    expect(print).toContain('page-break-after: always');
    expect(print).toContain('break-after: page');
  });

  it('loads nothing from outside: no scripts, links, images, fonts or URLs', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|@font-face|https?:/i);
  });

  it('prints a participant with no meeting at all: every round free, "aucune rencontre"', () => {
    const empty = participantAgendaHtml({
      session,
      participant: pitcher,
      slots: [1, 2, 3, 4].map((r) => slot(session, r, null, null)),
    });
    expect(empty).toContain('Vous présentez votre projet aux tables : aucune rencontre planifiée');
    expect(count(empty, /<tr class="free">/g)).toBe(4);
    expect(count(empty, /<tr class="meeting">/g)).toBe(0);
  });

  it('keeps Paris wall-clock times right across the autumn DST change', () => {
    const night: AgendaSession = { ...session, startsAt: '2026-10-25T00:30:00Z', rounds: 3 };
    const out = participantAgendaHtml({ session: night, participant: pitcher, slots: [1, 2, 3].map((r) => slot(night, r, host, 1)) });
    expect(rowTexts(out).map((row) => row.slice(0, 13))).toEqual(['02:30 – 02:50', '02:55 – 02:15', '02:20 – 02:40']);
    expect(out).toContain('dimanche 25 octobre 2026, 02:30 – 02:40');
  });
});

describe('sessionAgendasHtml', () => {
  it('puts every participant in one document, one section (printed page) each', () => {
    const pitcherAgenda: ParticipantAgenda = { session, participant: pitcher, slots: [slot(session, 1, null, null), slot(session, 4, host, 3, ['Souhait mutuel'])] };
    const html = sessionAgendasHtml([hostAgenda, pitcherAgenda]);
    expect(count(html, /<section class="agenda">/g)).toBe(2);
    expect(count(html, /<html/g)).toBe(1);
    expect(html).toContain('<title>Agendas des participants – Rencontres ecoCIRC &amp; &quot;Territoires&quot;</title>');
    expect(html.indexOf('Agenda de Françoise Lœuvre')).toBeLessThan(html.indexOf('Agenda de Bois &amp; Réemploi'));
    expect(html).toContain('.agenda:last-of-type { break-after: auto; page-break-after: auto; }');
  });

  it('says so when there is nobody', () => {
    const html = sessionAgendasHtml([]);
    expect(html).toContain('Aucun participant à cette session.');
    expect(html).toContain('<html lang="fr">');
  });
});

describe('tableAgendasHtml', () => {
  const tables: TableAgenda[] = [1, 2].map((table) => ({
    session,
    table,
    slots: [1, 2, 3, 4].map((round) => ({
      round,
      ...roundTimes(session, round),
      a: round === 2 ? null : host,
      b: round === 2 ? null : table === 1 ? evil : pitcher,
      reasons: round === 2 ? [] : ['Souhait mutuel'],
    })),
  }));
  const html = tableAgendasHtml(tables);

  it('puts every table in one document, one section each, with host and pitcher named', () => {
    expect(count(html, /<section class="agenda">/g)).toBe(2);
    expect(html).toContain('<h2>Table 1</h2>');
    expect(html).toContain('<h2>Table 2</h2>');
    expect(html).toContain('Hôte : Communauté de communes du Pays de Gex (Françoise Lœuvre)');
    expect(html).toContain('Pitch : &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; (O&#39;Brien &amp; Fils)');
    expect(html).not.toMatch(/<script/i);
    expect(count(html, /<tr class="free">/g)).toBe(2);
    expect(html).toContain('Table libre');
  });

  it('says so when there is no table', () => {
    expect(tableAgendasHtml([])).toContain('Aucune table à cette session.');
  });
});
