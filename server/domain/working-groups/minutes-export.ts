/**
 * A meeting's minutes (compte rendu) as the secretary sends them: Markdown, a standalone HTML5
 * page to print, and an A4 PDF. All three carry the same content, in French, in the order of a
 * CR such as seed 004's:
 *   header: group code and name, plan, date in words ("jeudi 12 mars 2026 à 14 h 00"), place
 *           and video link;
 *   attendance: présents, excusés, absents, each with their organisation ("Néant." when empty);
 *   ordre du jour; compte rendu (the Markdown minutes); relevé de décisions; prochaine réunion.
 *
 * Safety: every text comes from users. The HTML escapes all of it and renders the minutes with
 * the safe Markdown subset of markdown.ts (no raw HTML, links only to http(s)); the Markdown
 * export escapes names and items and neutralises `<` in the minutes, so that whoever renders
 * the file gets no tag from it; the PDF writes text only, through toWinAnsi (pdfkit's built-in
 * Helvetica knows WinAnsi, which covers French).
 *
 * Determinism: the same meeting gives the same bytes. The PDF's CreationDate is the meeting's
 * start, and nothing reads a clock.
 */
import { DEFAULT_TIME_ZONE } from '../matchmaking/follow-up/calendar';
import { renderPdf, toWinAnsi } from '../matchmaking/agenda/agenda-pdf';
import { oneLine, peopleById } from './common';
import { ATTENDANCE_LABELS_FR, dayOf, longDateFr, MODE_LABELS_FR, timeFr } from './labels';
import { Block, escapeHtml, Inline, markdownToHtml, parseMarkdown, safeHref } from './markdown';
import { ATTENDANCES, Attendance, GroupMeetingRecord, PersonRecord, PlanRecord, WorkingGroupRecord } from './model';

/** What the minutes need beyond the group, the meeting and the people. */
export interface MinutesContext {
  /** The group's plan, for the header. */
  plan?: Pick<PlanRecord, 'code' | 'title'> | null;
  /** Organisation names by actor id, to show "Marie Dupont (CRESS Occitanie)". */
  actorNames?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** Where the date and time are read; Europe/Paris by default. */
  timeZone?: string;
}

/** The content of the minutes, shared by the three formats. */
interface Minutes {
  kicker: string;
  title: string;
  plan: string | null;
  mode: string;
  when: string;
  day: string;
  place: string | null;
  videoLink: string | null;
  attendance: { attendance: Attendance; label: string; people: string[] }[];
  agenda: string[];
  minutes: string | null;
  decisions: string[];
  next: string | null;
}

const NONE = 'Néant.';

function organisation(context: MinutesContext, actorId: string | null): string | null {
  if (!actorId || !context.actorNames) return null;
  const names = context.actorNames;
  const name = names instanceof Map ? names.get(actorId) : (names as Readonly<Record<string, string>>)[actorId];
  return typeof name === 'string' && name.trim() ? oneLine(name) : null;
}

function minutesOf(group: WorkingGroupRecord, meeting: GroupMeetingRecord, people: readonly PersonRecord[], context: MinutesContext): Minutes {
  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  const byId = peopleById(people);
  const day = dayOf(meeting.startsAt, timeZone);
  const attendance = ATTENDANCES.map((a) => ({
    attendance: a,
    label: ATTENDANCE_LABELS_FR[a],
    people: meeting.attendees
      .filter((x) => x.attendance === a)
      .map((x) => {
        const person = byId.get(x.personId);
        const name = oneLine(person?.name ?? x.personId);
        const org = organisation(context, person?.actorId ?? null);
        return org ? `${name} (${org})` : name;
      })
      .sort((x, y) => x.localeCompare(y, 'fr')),
  }));
  return {
    kicker: 'Compte rendu de réunion',
    title: `${group.code} \u2013 ${oneLine(group.name)}`,
    plan: context.plan ? oneLine(context.plan.title) : null,
    mode: MODE_LABELS_FR[group.mode],
    when: `${longDateFr(day)} à ${timeFr(meeting.startsAt, timeZone)}`,
    day,
    place: meeting.place ? oneLine(meeting.place) : null,
    videoLink: meeting.videoLink,
    attendance,
    agenda: meeting.agenda.map(oneLine),
    minutes: meeting.minutes && meeting.minutes.trim() ? meeting.minutes : null,
    decisions: meeting.decisions.map(oneLine),
    next: meeting.nextMeetingOn ? longDateFr(meeting.nextMeetingOn) : null,
  };
}

/** The file name to offer, e.g. "CR-GT6A-2026-03-12" (no extension). */
export function minutesFileName(group: Pick<WorkingGroupRecord, 'code'>, meeting: Pick<GroupMeetingRecord, 'startsAt'>, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `CR-${group.code.replace(/[^A-Za-z0-9-]/g, '')}-${dayOf(meeting.startsAt, timeZone)}`;
}

// ---- Markdown -------------------------------------------------------------------------------

/**
 * Escapes a user's text for Markdown, so that a name such as "*Atelier* <b>" reads as typed
 * instead of becoming emphasis or a tag, and a leading "1." or "-" does not start a list.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>#|]/g, '\\$&')
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The minutes' Markdown under the document's "## Compte rendu": headings two levels down, `<` as an entity. */
function nestedMinutes(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^( {0,3})(#{1,6})(?=[ \t]|$)/, (_, indent: string, hashes: string) => `${indent}${'#'.repeat(Math.min(6, hashes.length + 2))}`))
    .join('\n')
    .replace(/</g, '&lt;');
}

/**
 * The minutes as Markdown, to paste in a mail or a wiki.
 *
 * @param people to name attendees (unknown ids are shown as they are)
 * @param context the plan, organisation names and time zone
 */
export function meetingMinutesMarkdown(group: WorkingGroupRecord, meeting: GroupMeetingRecord, people: readonly PersonRecord[], context: MinutesContext = {}): string {
  const m = minutesOf(group, meeting, people, context);
  const out: string[] = [`# ${escapeMarkdown(`${m.kicker} \u2013 ${m.title}`)}`, ''];
  const header: string[] = [];
  if (m.plan) header.push(`**Plan :** ${escapeMarkdown(m.plan)}`);
  header.push(`**Groupe :** ${escapeMarkdown(m.title)} (${escapeMarkdown(m.mode)})`);
  header.push(`**Date :** ${m.when}`);
  if (m.place) header.push(`**Lieu :** ${escapeMarkdown(m.place)}`);
  const link = m.videoLink ? safeHref(m.videoLink) : null;
  if (link) header.push(`**Visioconférence :** <${link.replace(/>/g, '%3E')}>`);
  // Two trailing spaces: a line break inside the header paragraph.
  out.push(header.join('  \n'), '', '## Participants', '');
  for (const group of m.attendance) {
    out.push(`**${group.label} (${group.people.length})**`, '');
    out.push(group.people.length > 0 ? group.people.map((p) => `- ${escapeMarkdown(p)}`).join('\n') : NONE, '');
  }
  out.push('## Ordre du jour', '');
  out.push(m.agenda.length > 0 ? m.agenda.map((item, i) => `${i + 1}. ${escapeMarkdown(item)}`).join('\n') : NONE, '');
  out.push('## Compte rendu', '');
  out.push(m.minutes ? nestedMinutes(m.minutes).trim() : 'Compte rendu non rédigé.', '');
  out.push('## Relevé de décisions', '');
  out.push(m.decisions.length > 0 ? m.decisions.map((d, i) => `${i + 1}. ${escapeMarkdown(d)}`).join('\n') : 'Aucune décision.', '');
  out.push('## Prochaine réunion', '');
  out.push(m.next ?? 'Non fixée.', '');
  return out.join('\n');
}

// ---- HTML -----------------------------------------------------------------------------------

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f1f3f5; color: #1f2933;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.45; }
main.minutes { max-width: 210mm; margin: 24px auto; padding: 28px 32px; background: #fff;
  border-radius: 8px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
header .kicker { margin: 0; text-transform: uppercase; letter-spacing: .05em; font-size: .8rem; color: #52606d; }
header h1 { margin: 4px 0 8px; font-size: 1.6rem; }
header p { margin: 2px 0; }
header .plan { color: #52606d; }
section { margin-top: 20px; }
section > h2 { margin: 0 0 8px; padding-bottom: 4px; font-size: 1.15rem; border-bottom: 2px solid #1f2933; }
.attendance h3 { margin: 10px 0 4px; font-size: 1rem; }
.attendance ul { margin: 0; padding-left: 1.2em; }
.none { font-style: italic; color: #52606d; }
.cr h3, .cr h4, .cr h5, .cr h6 { margin: 14px 0 6px; }
.cr p, .cr ul, .cr ol { margin: 6px 0; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .92em; background: #f1f3f5; padding: 0 3px; border-radius: 3px; }
a { color: #0b5cad; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  html, body { background: none; }
  body { font-size: 10.5pt; color: #000; }
  * { box-shadow: none !important; }
  main.minutes { max-width: none; margin: 0; padding: 0; border-radius: 0; }
  header .kicker, header .plan, .none { color: #000; }
  header h1 { font-size: 16pt; }
  section > h2 { font-size: 12.5pt; border-bottom: 1px solid #000; break-after: avoid; page-break-after: avoid; }
  h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  li, p { orphans: 2; widows: 2; }
  a { color: #000; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; word-break: break-all; }
  code { background: none; padding: 0; }
}
`;

function listHtml(items: string[], ordered: boolean, empty: string): string {
  if (items.length === 0) return `<p class="none">${escapeHtml(empty)}</p>`;
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`;
}

/**
 * The minutes as a standalone HTML5 page in French, readable on screen and printable on A4
 * (print CSS: no background, section headings kept with their content, link targets printed).
 * No external resource: it prints the same offline. Every text is escaped; the minutes are
 * rendered with the safe Markdown subset (markdown.ts), their headings under "Compte rendu".
 */
export function meetingMinutesHtml(group: WorkingGroupRecord, meeting: GroupMeetingRecord, people: readonly PersonRecord[], context: MinutesContext = {}): string {
  const m = minutesOf(group, meeting, people, context);
  const link = m.videoLink ? safeHref(m.videoLink) : null;
  const header = [
    `<p class="kicker">${escapeHtml(m.kicker)}</p>`,
    `<h1>${escapeHtml(m.title)}</h1>`,
    m.plan ? `<p class="plan">${escapeHtml(m.plan)}</p>` : '',
    `<p class="mode">${escapeHtml(m.mode)}</p>`,
    `<p class="when"><strong>${escapeHtml(m.when)}</strong></p>`,
    m.place ? `<p class="place">Lieu : ${escapeHtml(m.place)}</p>` : '',
    link ? `<p class="video">Visioconférence : <a href="${escapeHtml(link)}" rel="noopener noreferrer">${escapeHtml(link)}</a></p>` : '',
  ].filter(Boolean);
  const attendance = m.attendance
    .map((a) => `<h3>${escapeHtml(a.label)} (${a.people.length})</h3>${listHtml(a.people, false, NONE)}`)
    .join('\n');
  const body = [
    '<main class="minutes">',
    `<header>\n${header.join('\n')}\n</header>`,
    `<section class="attendance">\n<h2>Participants</h2>\n${attendance}\n</section>`,
    `<section class="agenda">\n<h2>Ordre du jour</h2>\n${listHtml(m.agenda, true, NONE)}\n</section>`,
    `<section class="cr">\n<h2>Compte rendu</h2>\n${m.minutes ? markdownToHtml(m.minutes, { headingOffset: 2 }) : '<p class="none">Compte rendu non rédigé.</p>'}\n</section>`,
    `<section class="decisions">\n<h2>Relevé de décisions</h2>\n${listHtml(m.decisions, true, 'Aucune décision.')}\n</section>`,
    `<section class="next">\n<h2>Prochaine réunion</h2>\n${m.next ? `<p>${escapeHtml(m.next)}</p>` : '<p class="none">Non fixée.</p>'}\n</section>`,
    '</main>',
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Maillage">',
    `<title>${escapeHtml(`Compte rendu \u2013 ${group.code} \u2013 ${m.when}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---- PDF ------------------------------------------------------------------------------------

/** Options of {@link meetingMinutesPdf}. */
export interface MinutesPdfOptions {
  /** Compress page streams (default true). Tests turn it off to read the text. */
  compress?: boolean;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const BOLD_ITALIC = 'Helvetica-BoldOblique';
const MONO = 'Courier';
const INK = '#000000';
const GREY = '#444444';
const LINK = '#0b5cad';
const BODY_SIZE = 10.5;
const BULLET_INDENT = 14;

function width(doc: Doc): number {
  return doc.page.width - 2 * MARGIN;
}

/** Starts a new page when fewer than `needed` points are left, so a heading is not orphaned. */
function room(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - MARGIN) doc.addPage();
}

function fontOf(run: Inline): string {
  if (run.code) return MONO;
  if (run.bold && run.italic) return BOLD_ITALIC;
  if (run.bold) return BOLD;
  if (run.italic) return ITALIC;
  return FONT;
}

/** Writes inline runs as one flowing text from (x, current y), each run in its font. */
function runs(doc: Doc, content: readonly Inline[], x: number, w: number, size: number, base: Partial<Inline> = {}): void {
  const parts = content.map((r) => ({ ...r, ...base, text: toWinAnsi(r.text) })).filter((r) => r.text !== '');
  if (parts.length === 0) return;
  parts.forEach((run, k) => {
    doc.font(fontOf(run)).fontSize(size).fillColor(run.href ? LINK : INK);
    const options: PDFKit.Mixins.TextOptions = { continued: k < parts.length - 1, underline: run.href !== null, lineGap: 1.5 };
    if (run.href) options.link = run.href;
    if (k === 0) doc.text(run.text, x, doc.y, { ...options, width: w });
    else doc.text(run.text, options);
  });
  doc.fillColor(INK);
}

function plainRuns(text: string, extra: Partial<Inline> = {}): Inline[] {
  return [{ text, bold: false, italic: false, code: false, href: null, ...extra }];
}

function sectionHeading(doc: Doc, title: string): void {
  room(doc, 60);
  doc.moveDown(0.8);
  doc.font(BOLD).fontSize(13).fillColor(INK).text(toWinAnsi(title), MARGIN, doc.y, { width: width(doc) });
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(1).strokeColor(INK).stroke();
  doc.y = y + 6;
}

function item(doc: Doc, marker: string, content: readonly Inline[]): void {
  room(doc, 16);
  const y = doc.y;
  doc.font(FONT).fontSize(BODY_SIZE).fillColor(INK).text(toWinAnsi(marker), MARGIN, y, { width: BULLET_INDENT + 6, lineBreak: false });
  doc.y = y;
  runs(doc, content, MARGIN + BULLET_INDENT + 6, width(doc) - BULLET_INDENT - 6, BODY_SIZE);
  doc.moveDown(0.15);
}

function note(doc: Doc, text: string): void {
  room(doc, 16);
  doc.font(ITALIC).fontSize(BODY_SIZE).fillColor(GREY).text(toWinAnsi(text), MARGIN, doc.y, { width: width(doc) });
  doc.fillColor(INK);
}

function textList(doc: Doc, items: string[], ordered: boolean, empty: string): void {
  if (items.length === 0) return note(doc, empty);
  items.forEach((text, i) => item(doc, ordered ? `${i + 1}.` : '\u2022', plainRuns(text)));
}

const HEADING_SIZES = [13, 12, 11.5, 11, 10.5, 10.5];

function drawBlocks(doc: Doc, blocks: Block[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        room(doc, 40);
        doc.moveDown(0.5);
        runs(doc, block.content, MARGIN, width(doc), HEADING_SIZES[block.level - 1], { bold: true });
        doc.moveDown(0.2);
        break;
      case 'paragraph':
        room(doc, 16);
        runs(doc, block.content, MARGIN, width(doc), BODY_SIZE);
        doc.moveDown(0.5);
        break;
      case 'list':
        block.items.forEach((content, i) => item(doc, block.ordered ? `${block.start + i}.` : '\u2022', content));
        doc.moveDown(0.35);
        break;
      case 'rule': {
        room(doc, 12);
        const y = doc.y + 4;
        doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#999999').stroke();
        doc.y = y + 8;
        break;
      }
    }
  }
}

function drawMinutes(doc: Doc, m: Minutes, group: WorkingGroupRecord): void {
  doc.addPage();
  const w = width(doc);
  doc.font(FONT).fontSize(9).fillColor(GREY).text(toWinAnsi(m.kicker.toUpperCase()), MARGIN, MARGIN, { width: w, characterSpacing: 0.5 });
  doc.font(BOLD).fontSize(18).fillColor(INK).text(toWinAnsi(m.title), MARGIN, doc.y + 2, { width: w });
  doc.moveDown(0.2);
  if (m.plan) doc.font(FONT).fontSize(10.5).fillColor(GREY).text(toWinAnsi(m.plan), { width: w });
  doc.font(FONT).fontSize(10.5).fillColor(GREY).text(toWinAnsi(m.mode), { width: w });
  doc.moveDown(0.3);
  doc.font(BOLD).fontSize(11.5).fillColor(INK).text(toWinAnsi(m.when), { width: w });
  if (m.place) runs(doc, [...plainRuns('Lieu : '), ...plainRuns(m.place)], MARGIN, w, BODY_SIZE);
  const link = m.videoLink ? safeHref(m.videoLink) : null;
  if (link) runs(doc, [...plainRuns('Visioconférence : '), ...plainRuns(link, { href: link })], MARGIN, w, BODY_SIZE);

  sectionHeading(doc, 'Participants');
  for (const a of m.attendance) {
    room(doc, 30);
    doc.font(BOLD).fontSize(11).fillColor(INK).text(toWinAnsi(`${a.label} (${a.people.length})`), MARGIN, doc.y, { width: w });
    doc.moveDown(0.15);
    textList(doc, a.people, false, NONE);
    doc.moveDown(0.3);
  }
  sectionHeading(doc, 'Ordre du jour');
  textList(doc, m.agenda, true, NONE);
  sectionHeading(doc, 'Compte rendu');
  if (m.minutes) drawBlocks(doc, parseMarkdown(m.minutes).map((b) => (b.type === 'heading' ? { ...b, level: Math.min(6, b.level + 1) } : b)));
  else note(doc, 'Compte rendu non rédigé.');
  sectionHeading(doc, 'Relevé de décisions');
  textList(doc, m.decisions, true, 'Aucune décision.');
  sectionHeading(doc, 'Prochaine réunion');
  if (m.next) runs(doc, plainRuns(m.next), MARGIN, w, BODY_SIZE);
  else note(doc, 'Non fixée.');

  // Footer on every page, written once all pages exist so that it can say "page 2/3".
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would make pdfkit start a new page: lift it meanwhile.
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(8).fillColor(GREY).text(
      toWinAnsi(`${group.code} \u2013 compte rendu du ${m.when} \u2013 page ${i - range.start + 1}/${range.count}`),
      MARGIN,
      doc.page.height - MARGIN + 16,
      { width: w, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The minutes as an A4 PDF with pdfkit's built-in Helvetica: same content and order as the
 * HTML, the minutes' Markdown drawn with its headings, lists, bold, italic and links, and a
 * footer "GT6A – compte rendu du … – page n/N". Metadata: Title "Compte rendu – <group> –
 * <date>", Creator "Maillage", CreationDate the meeting's start, so the bytes are the same from
 * one call to the next.
 */
export function meetingMinutesPdf(
  group: WorkingGroupRecord,
  meeting: GroupMeetingRecord,
  people: readonly PersonRecord[],
  context: MinutesContext = {},
  options: MinutesPdfOptions = {},
): Promise<Buffer> {
  const creationDate = new Date(meeting.startsAt);
  if (Number.isNaN(creationDate.getTime())) return Promise.reject(new RangeError(`not a valid instant: ${meeting.startsAt}`));
  const m = minutesOf(group, meeting, people, context);
  return renderPdf(`Compte rendu \u2013 ${m.title} \u2013 ${m.when}`, m.plan, creationDate, { compress: options.compress, bufferPages: true }, (doc) =>
    drawMinutes(doc, m, group));
}
