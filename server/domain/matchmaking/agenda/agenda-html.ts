/**
 * Agendas as standalone HTML5 documents in French, readable on screen and printable on A4
 * (one agenda per printed page). No external resources: the page must print the same in a
 * venue with no network, and must not leak participants' agendas to third-party hosts.
 */
import { ParticipantAgenda, TableAgenda } from './agenda-model';
import {
  AgendaRow,
  SessionHeader,
  participantHeading,
  participantRows,
  sessionHeader,
  tableHeading,
  tableRows,
} from './agenda-format';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values (& < > " ').
 * Every string that comes from data goes through it: names and reasons are typed by users.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f1f3f5; color: #1f2933;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.4; }
.agenda { max-width: 210mm; margin: 24px auto; padding: 24px 28px; background: #fff;
  border-radius: 8px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
.session h1 { margin: 0 0 4px; font-size: 1.5rem; }
.session p { margin: 2px 0; color: #52606d; }
.who { margin: 16px 0 12px; padding-top: 12px; border-top: 2px solid #1f2933; }
.who h2 { margin: 0; font-size: 1.25rem; }
.who p { margin: 2px 0; }
.empty { font-style: italic; color: #52606d; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 8px; text-align: left; vertical-align: top; border-bottom: 1px solid #d9e2ec; }
th { font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: #52606d; border-bottom: 2px solid #1f2933; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; width: 8.5em; }
td.table { width: 4em; text-align: center; }
th.table { text-align: center; }
td.rencontre { width: 32%; }
.name { font-weight: 600; }
.detail { color: #52606d; font-size: .9em; }
ul.reasons { margin: 0; padding-left: 1.1em; }
tr.free td, tr.absent td { color: #7b8794; font-style: italic; }
tr.absent td { background: #f8f9fa; }
@page { size: A4; margin: 15mm; }
@media print {
  html, body { background: none; }
  body { font-size: 11pt; color: #000; }
  * { background: transparent !important; box-shadow: none !important; }
  .agenda { max-width: none; margin: 0; padding: 0; border-radius: 0; break-after: page; page-break-after: always; }
  .agenda:last-of-type { break-after: auto; page-break-after: auto; }
  .session h1 { font-size: 16pt; }
  .who h2 { font-size: 13pt; }
  .session p, .who p, .detail, th, tr.free td, tr.absent td { color: #000; }
  th { font-size: 9pt; }
  th, td { padding: 4pt 6pt; border-bottom: 1px solid #000; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
`;

function htmlDocument(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Maillage">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function headerHtml(header: SessionHeader): string {
  const lines = [header.when, header.where, header.theme, header.format].filter((line): line is string => line !== null);
  return [
    '<header class="session">',
    `<h1>${escapeHtml(header.title)}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    '</header>',
  ].join('\n');
}

function rowHtml(row: AgendaRow): string {
  const [name, ...details] = row.who;
  const who = [`<div class="name">${escapeHtml(name ?? '')}</div>`, ...details.map((d) => `<div class="detail">${escapeHtml(d)}</div>`)].join('');
  const reasons = row.reasons.length
    ? `<ul class="reasons">${row.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
    : '';
  return [
    `<tr class="${row.kind}">`,
    `<td class="time">${escapeHtml(row.time)}</td>`,
    `<td class="table">${escapeHtml(row.table)}</td>`,
    `<td class="rencontre">${who}</td>`,
    `<td class="pourquoi">${reasons}</td>`,
    '</tr>',
  ].join('');
}

function rowsHtml(rows: AgendaRow[]): string {
  if (rows.length === 0) return '<p class="empty">Aucun tour prévu.</p>';
  return [
    '<table>',
    '<thead><tr><th scope="col">Heure</th><th scope="col" class="table">Table</th><th scope="col">Rencontre</th><th scope="col">Pourquoi</th></tr></thead>',
    '<tbody>',
    ...rows.map(rowHtml),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function participantSection(agenda: ParticipantAgenda): string {
  const heading = participantHeading(agenda);
  return [
    '<section class="agenda">',
    headerHtml(sessionHeader(agenda.session)),
    '<div class="who">',
    `<h2>${escapeHtml(heading.name)}</h2>`,
    heading.organisation ? `<p>${escapeHtml(heading.organisation)}</p>` : '',
    `<p>${escapeHtml(heading.summary)}</p>`,
    '</div>',
    rowsHtml(participantRows(agenda)),
    '</section>',
  ].filter((line) => line !== '').join('\n');
}

function tableSection(agenda: TableAgenda): string {
  return [
    '<section class="agenda">',
    headerHtml(sessionHeader(agenda.session)),
    '<div class="who">',
    `<h2>${escapeHtml(tableHeading(agenda))}</h2>`,
    '</div>',
    rowsHtml(tableRows(agenda)),
    '</section>',
  ].join('\n');
}

/** A message page for an empty pack, so the facilitator sees why nothing prints. */
function emptySection(message: string): string {
  return `<section class="agenda"><p class="empty">${escapeHtml(message)}</p></section>`;
}

/**
 * One participant's agenda as a complete HTML document: session header (title, date in words,
 * venue, theme, format), who it is for, and one row per round (Heure, Table, Rencontre,
 * Pourquoi), including free and absent rounds so the participant sees their whole morning.
 * Times are shown in the session's time zone.
 */
export function participantAgendaHtml(agenda: ParticipantAgenda): string {
  const heading = participantHeading(agenda);
  return htmlDocument(`${heading.name} \u2013 ${agenda.session.title}`, participantSection(agenda));
}

/**
 * Every participant's agenda of a session in one document, one per printed page, so the
 * facilitator can print the whole pack at once. The order is the caller's (sort by name
 * before calling to hand them out alphabetically).
 */
export function sessionAgendasHtml(agendas: ParticipantAgenda[]): string {
  const title = agendas.length ? `Agendas des participants \u2013 ${agendas[0].session.title}` : 'Agendas des participants';
  const body = agendas.length ? agendas.map(participantSection).join('\n') : emptySection('Aucun participant à cette session.');
  return htmlDocument(title, body);
}

/**
 * The agendas of all tables of a session in one document, one table per printed page, to put
 * on each table: who sits there in each round and why they meet.
 */
export function tableAgendasHtml(agendas: TableAgenda[]): string {
  const title = agendas.length ? `Agendas des tables \u2013 ${agendas[0].session.title}` : 'Agendas des tables';
  const body = agendas.length ? agendas.map(tableSection).join('\n') : emptySection('Aucune table à cette session.');
  return htmlDocument(title, body);
}
