import fc from 'fast-check';
import {
  escapeMarkdown,
  meetingMinutesHtml,
  meetingMinutesMarkdown,
  meetingMinutesPdf,
  minutesFileName,
  MinutesContext,
} from '../../server/domain/working-groups/minutes-export';
import { markdownToHtml, parseInline, parseMarkdown, safeHref } from '../../server/domain/working-groups/markdown';
import { GroupMeetingRecord, PersonRecord, WorkingGroupRecord } from '../../server/domain/working-groups/model';

const group: WorkingGroupRecord = {
  id: 'g1',
  planId: 'plan-1',
  code: 'GT6A',
  name: 'Réemploi & réutilisation',
  mode: 'RESOURCE_SPACE',
  description: null,
  territoryKey: 'REGION:76',
  planActionCodes: ['6.1', '6.2'],
  members: [],
  createdAt: '2025-01-10T09:00:00.000Z',
};

const people: PersonRecord[] = [
  { id: 'p1', name: 'Marie Dupont', email: null, actorId: 'a-cress' },
  { id: 'p2', name: 'Jean <b>Martin</b>', email: null, actorId: 'a-evil' },
  { id: 'p3', name: 'Awa Diallo', email: null, actorId: null },
  { id: 'p4', name: 'Łukasz Nowak', email: null, actorId: null },
];

const context: MinutesContext = {
  plan: { code: 'praec-occitanie', title: "PRAEC Occitanie – Plan régional d'actions en faveur de l'économie circulaire" },
  actorNames: { 'a-cress': 'CRESS Occitanie', 'a-evil': '<script>alert("x")</script> & Cie' },
};

const minutes = [
  '# Tour de table',
  '',
  'Chacun présente **ses projets** et _ses besoins_.',
  'Voir [la charte](https://cyclop.example.org/charte) et [ceci](javascript:alert(1)).',
  '',
  '- Recyclerie de Toulouse : *ouverture* en juin',
  '- <script>alert("cr")</script>',
  '',
  '1. Premier point',
  '2. Second point',
].join('\n');

const meeting: GroupMeetingRecord = {
  id: 'm1',
  groupId: 'g1',
  startsAt: '2026-03-12T13:00:00Z',
  place: 'Hôtel de Région, Toulouse',
  videoLink: 'https://visio.example.org/gt6a?x=1&y=2',
  agenda: ['Tour de table', 'Bilan <des> recycleries'],
  attendees: [
    { personId: 'p3', attendance: 'PRESENT' },
    { personId: 'p1', attendance: 'PRESENT' },
    { personId: 'p2', attendance: 'EXCUSED' },
    { personId: 'p4', attendance: 'PRESENT' },
  ],
  minutes,
  decisions: ['Lancer un recensement des recycleries', 'Inviter la CMA à la prochaine réunion'],
  nextMeetingOn: '2026-04-09',
};

describe('the Markdown subset', () => {
  it('reads headings, paragraphs with their line breaks, bullet and numbered lists, and rules', () => {
    expect(parseMarkdown('## Titre ##\n\nligne 1\nligne 2\n\n- a\n  suite\n* b\n\n3) c\n4) d\n\n---').map((b) => b.type)).toEqual([
      'heading', 'paragraph', 'list', 'list', 'rule',
    ]);
    expect(markdownToHtml('## Titre ##\n\nligne 1\nligne 2\n\n- a\n  suite\n* b\n\n3) c\n4) d\n\n---')).toBe(
      '<h2>Titre</h2>\n<p>ligne 1<br>\nligne 2</p>\n<ul><li>a<br>\nsuite</li><li>b</li></ul>\n<ol start="3"><li>c</li><li>d</li></ol>\n<hr>',
    );
  });

  it('renders bold, italic, code and escapes, but not underscores inside words', () => {
    expect(markdownToHtml('**gras** *ita* __gras__ _ita_ `a<b` snake_case_name \\*pas\\* 2 * 3')).toBe(
      '<p><strong>gras</strong> <em>ita</em> <strong>gras</strong> <em>ita</em> <code>a&lt;b</code> snake_case_name *pas* 2 * 3</p>',
    );
    expect(markdownToHtml('*italique avec **gras** dedans*')).toBe('<p><em>italique avec </em><strong><em>gras</em></strong><em> dedans</em></p>');
    expect(markdownToHtml('**non fermé')).toBe('<p>**non fermé</p>');
  });

  it('links only to http(s), and shows the text alone otherwise', () => {
    expect(markdownToHtml('[charte](https://ex.org/a?b=1&c="2") et https://ex.org/x, fin')).toBe(
      '<p><a href="https://ex.org/a?b=1&amp;c=%222%22" rel="noopener noreferrer">charte</a> et <a href="https://ex.org/x" rel="noopener noreferrer">https://ex.org/x</a>, fin</p>',
    );
    expect(markdownToHtml('[clic](javascript:alert(1)) [x](data:text/html,hi) [y](JAVASCRIPT:alert(1))')).toBe('<p>clic x y</p>');
    expect(markdownToHtml('[Lyon](https://fr.wikipedia.org/wiki/Lyon_(ville))')).toBe(
      '<p><a href="https://fr.wikipedia.org/wiki/Lyon_(ville)" rel="noopener noreferrer">Lyon</a></p>',
    );
    expect(safeHref('https://ex.org')).toBe('https://ex.org/');
    expect(safeHref('java\tscript:alert(1)')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });

  it('never lets raw HTML through', () => {
    expect(markdownToHtml('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(markdownToHtml('# <b>x</b>', { headingOffset: 2 })).toBe('<h3>&lt;b&gt;x&lt;/b&gt;</h3>');
    expect(markdownToHtml('###### six', { headingOffset: 2 })).toBe('<h6>six</h6>');
  });

  it('produces only its own tags and http(s) links, whatever the input (property)', () => {
    const pieces = fc.constantFrom('<', '>', '&', '"', "'", '*', '_', '`', '[', ']', '(', ')', '\\', '#', '-', '1.', '\n', ' ', 'a', 'é', 'javascript:', 'https://x.org/', 'onerror=', '<script>', '](', '---');
    const allowed = /^<\/?(p|br|h[1-6]|ul|ol|li|strong|em|code|hr|a)(?: (?:href="https?:[^"<>]*" rel="noopener noreferrer"|start="\d+"))?>$/;
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const html = markdownToHtml(parts.join(''));
        // Every tag is one of the renderer's own, and every href an http(s) URL.
        for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(allowed);
      }),
    );
  });

  it('merges adjacent runs of one format', () => {
    expect(parseInline('a\\*b')).toEqual([{ text: 'a*b', bold: false, italic: false, code: false, href: null }]);
  });
});

describe('meetingMinutesMarkdown', () => {
  const md = meetingMinutesMarkdown(group, meeting, people, context);

  it('heads the minutes with the group, the plan, the date in words, the place and the link', () => {
    expect(md.split('\n').slice(0, 7)).toEqual([
      '# Compte rendu de réunion \u2013 GT6A \u2013 Réemploi & réutilisation',
      '',
      "**Plan :** PRAEC Occitanie – Plan régional d'actions en faveur de l'économie circulaire  ",
      '**Groupe :** GT6A \u2013 Réemploi & réutilisation (Espace ressource)  ',
      '**Date :** jeudi 12 mars 2026 à 14 h 00  ',
      '**Lieu :** Hôtel de Région, Toulouse  ',
      '**Visioconférence :** <https://visio.example.org/gt6a?x=1&y=2>',
    ]);
  });

  it('lists attendance by kind, sorted, with organisations, escaping what is typed', () => {
    expect(md).toContain('**Présents (3)**\n\n- Awa Diallo\n- Łukasz Nowak\n- Marie Dupont (CRESS Officitanie)'.replace('Officitanie', 'Occitanie'));
    expect(md).toContain('**Excusés (1)**\n\n- Jean \\<b\\>Martin\\</b\\> (\\<script\\>alert("x")\\</script\\> & Cie)');
    expect(md).toContain('**Absents (0)**\n\nNéant.');
  });

  it('has the agenda, the minutes under their section, the decisions and the next meeting', () => {
    expect(md).toContain('## Ordre du jour\n\n1. Tour de table\n2. Bilan \\<des\\> recycleries');
    expect(md).toContain('## Compte rendu\n\n### Tour de table\n\nChacun présente **ses projets**');
    expect(md).toContain('- &lt;script>alert("cr")&lt;/script>');
    expect(md).toContain('## Relevé de décisions\n\n1. Lancer un recensement des recycleries\n2. Inviter la CMA à la prochaine réunion');
    expect(md.trimEnd().endsWith('## Prochaine réunion\n\njeudi 9 avril 2026')).toBe(true);
  });

  it('says when there is nothing to report', () => {
    const empty = meetingMinutesMarkdown(group, { ...meeting, agenda: [], minutes: null, decisions: [], nextMeetingOn: null, videoLink: null }, people);
    expect(empty).toContain('## Ordre du jour\n\nNéant.');
    expect(empty).toContain('## Compte rendu\n\nCompte rendu non rédigé.');
    expect(empty).toContain('## Relevé de décisions\n\nAucune décision.');
    expect(empty).toContain('## Prochaine réunion\n\nNon fixée.');
    expect(empty).not.toContain('Plan :');
    expect(empty).not.toContain('Visioconférence');
  });

  it('escapes Markdown in typed text', () => {
    expect(escapeMarkdown('1. *Atelier* [x](y) #3\nsuite')).toBe('1\\. \\*Atelier\\* \\[x\\](y) \\#3 suite');
    expect(escapeMarkdown('- tiret')).toBe('\\- tiret');
  });

  it('names its file after the group and the day', () => {
    expect(minutesFileName(group, meeting)).toBe('CR-GT6A-2026-03-12');
  });
});

describe('meetingMinutesHtml', () => {
  const html = meetingMinutesHtml(group, meeting, people, context);

  it('is a complete French HTML5 document with print CSS', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>Compte rendu \u2013 GT6A \u2013 jeudi 12 mars 2026 à 14 h 00</title>');
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4;');
    expect(html.trimEnd().endsWith('</body>\n</html>')).toBe(true);
  });

  it('escapes every typed text: no <script> of the data reaches the page', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Jean &lt;b&gt;Martin&lt;/b&gt; (&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie)');
    expect(html).toContain('<li>Bilan &lt;des&gt; recycleries</li>');
    expect(html).toContain('<h1>GT6A \u2013 Réemploi &amp; réutilisation</h1>');
  });

  it('renders the minutes with the safe subset, headings under "Compte rendu"', () => {
    expect(html).toContain('<h2>Compte rendu</h2>\n<h3>Tour de table</h3>\n<p>Chacun présente <strong>ses projets</strong> et <em>ses besoins</em>.<br>');
    expect(html).toContain('<a href="https://cyclop.example.org/charte" rel="noopener noreferrer">la charte</a> et ceci.');
    expect(html).toContain('<li>Recyclerie de Toulouse : <em>ouverture</em> en juin</li><li>&lt;script&gt;alert(&quot;cr&quot;)&lt;/script&gt;</li>');
    expect(html).not.toContain('javascript:');
  });

  it('shows the header, attendance, decisions and next meeting', () => {
    expect(html).toContain('<p class="plan">PRAEC Occitanie – Plan régional d&#39;actions en faveur de l&#39;économie circulaire</p>');
    expect(html).toContain('<p class="when"><strong>jeudi 12 mars 2026 à 14 h 00</strong></p>');
    expect(html).toContain('<p class="place">Lieu : Hôtel de Région, Toulouse</p>');
    expect(html).toContain('<a href="https://visio.example.org/gt6a?x=1&amp;y=2" rel="noopener noreferrer">');
    expect(html).toContain('<h3>Présents (3)</h3><ul><li>Awa Diallo</li><li>Łukasz Nowak</li><li>Marie Dupont (CRESS Occitanie)</li></ul>');
    expect(html).toContain('<h3>Absents (0)</h3><p class="none">Néant.</p>');
    expect(html).toContain('<h2>Relevé de décisions</h2>\n<ol><li>Lancer un recensement des recycleries</li><li>Inviter la CMA à la prochaine réunion</li></ol>');
    expect(html).toContain('<h2>Prochaine réunion</h2>\n<p>jeudi 9 avril 2026</p>');
  });

  it('leaves out a video link that is not http(s), even if stored', () => {
    expect(meetingMinutesHtml(group, { ...meeting, videoLink: 'javascript:alert(1)' }, people)).not.toContain('javascript:');
  });
});

// ---- PDF: a tiny reader for pdfkit's uncompressed output ------------------------------------

const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const CP1252_HIGH: Record<number, string> = { 0x80: '€', 0x85: '…', 0x8c: 'Œ', 0x92: '’', 0x95: '•', 0x96: '–', 0x97: '—', 0x9c: 'œ' };

/** The text shown by each TJ operator, decoded from WinAnsi. */
function shownText(pdf: Buffer): string[] {
  return [...latin1(pdf).matchAll(/\[([^\]]*)\] TJ/g)].map((m) => {
    const hex = [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
    return [...Buffer.from(hex, 'hex')].map((byte) => CP1252_HIGH[byte] ?? String.fromCharCode(byte)).join('');
  });
}

describe('meetingMinutesPdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await meetingMinutesPdf(group, meeting, people, context, { compress: false });
  });

  it('is an A4 PDF', () => {
    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(latin1(pdf).trimEnd().endsWith('%%EOF')).toBe(true);
    expect(latin1(pdf)).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(latin1(pdf)).toContain('/Lang (fr-FR)');
  });

  it('dates the document from the meeting, not the clock', () => {
    expect(latin1(pdf)).toMatch(/\/CreationDate (\d+) 0 R/);
    const ref = /\/CreationDate (\d+) 0 R/.exec(latin1(pdf))![1];
    expect(latin1(pdf)).toContain(`\n${ref} 0 obj\n(D:20260312130000Z)\nendobj`);
  });

  it('gives the same bytes twice, compressed or not', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await meetingMinutesPdf(group, meeting, people, context, { compress: false })).equals(pdf)).toBe(true);
    const compressed = await meetingMinutesPdf(group, meeting, people, context);
    expect((await meetingMinutesPdf(group, meeting, people, context)).equals(compressed)).toBe(true);
    expect(latin1(compressed.subarray(0, 5))).toBe('%PDF-');
  });

  it('writes the header, attendance, agenda, minutes, decisions and next meeting, accents included', () => {
    const text = shownText(pdf).join('\n');
    for (const expected of [
      'COMPTE RENDU DE RÉUNION',
      'GT6A – Réemploi & réutilisation',
      'jeudi 12 mars 2026 à 14 h 00',
      'Hôtel de Région, Toulouse',
      'Participants',
      'Présents (3)',
      'Marie Dupont (CRESS Occitanie)',
      'Lukasz Nowak', // Ł is not in WinAnsi: its accent is dropped rather than printed as garbage
      'Ordre du jour',
      'Bilan <des> recycleries',
      'Compte rendu',
      'Tour de table',
      'ses projets',
      'Relevé de décisions',
      'Lancer un recensement des recycleries',
      'Prochaine réunion',
      'jeudi 9 avril 2026',
      '•',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws bold and italic runs in their fonts, and makes http(s) links clickable only', () => {
    const raw = latin1(pdf);
    expect(raw).toContain('/BaseFont /Helvetica-Bold');
    expect(raw).toContain('/BaseFont /Helvetica-Oblique');
    expect(raw).toContain('/URI (https://cyclop.example.org/charte)');
    expect(raw).toContain('/URI (https://visio.example.org/gt6a?x=1&y=2)');
    expect(raw).not.toContain('javascript');
  });

  it('numbers its pages in the footer', () => {
    expect(shownText(pdf).join('\n')).toMatch(/GT6A – compte rendu du jeudi 12 mars 2026 à 14 h 00 – page 1\/1/);
  });

  it('flows long minutes onto more pages, each with its footer', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Paragraphe ${i + 1} : ${'texte '.repeat(30)}`).join('\n\n');
    const big = await meetingMinutesPdf(group, { ...meeting, minutes: long }, people, context, { compress: false });
    const pages = latin1(big).match(/\/Type \/Page(?!s)\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(3);
    const text = shownText(big).join('\n');
    expect(text).toContain(`page ${pages}/${pages}`);
    expect(text).toContain('Paragraphe 120');
  });

  it('rejects a meeting whose start is not an instant', async () => {
    await expect(meetingMinutesPdf(group, { ...meeting, startsAt: 'demain' }, people)).rejects.toThrow(RangeError);
  });
});
