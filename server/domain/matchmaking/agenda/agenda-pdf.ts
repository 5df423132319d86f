/**
 * Agendas as PDF (A4, one agenda per page), with pdfkit and its built-in Helvetica: no font
 * file to ship or load. The standard PDF fonts only know the WinAnsi character set (Latin-1
 * plus a few typographic characters such as œ, €, – and curly quotes); pdfkit writes anything
 * else as garbage, so every text goes through {@link toWinAnsi} first.
 *
 * Same header and rows as the HTML version (both come from agenda-format).
 */
import PDFDocument from 'pdfkit';
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

/** Code points above U+00FF that WinAnsi (Windows-1252) encodes, in its 0x80–0x9F block. */
const WIN_ANSI_HIGH = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014,
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
  0x203a, 0x20ac, 0x2122,
]);

/** Characters met in French text that WinAnsi lacks, and their closest WinAnsi spelling. */
const SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (before « ; : ! ? » in French typography)
  '\u2007': '\u00a0', // figure space
  '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ',
  '\u2006': ' ', '\u2008': ' ', '\u2009': ' ', '\u200a': ' ', '\u205f': ' ', '\u3000': ' ',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '',
  '\u2010': '-', '\u2011': '-', '\u2012': '\u2013', '\u2015': '\u2014', '\u2212': '-', '\u2043': '-',
  '\u201b': '\u2018', '\u201f': '\u201c', '\u2032': "'", '\u2033': '"', '\u02bc': '\u2019',
  '\u2219': '\u2022', '\u25cf': '\u2022', '\u25aa': '\u2022', '\u2023': '\u2022',
  '\u2192': '->', '\u2190': '<-', '\u2194': '<->', '\u21d2': '=>',
  '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u2248': '~',
  '\u2116': 'N\u00b0', '\u2153': '1/3', '\u2154': '2/3',
  '\u0132': 'IJ', '\u0133': 'ij', '\u0141': 'L', '\u0142': 'l', '\u0110': 'D', '\u0111': 'd',
  '\u0131': 'i', '\u1e9e': 'SS', '\u0126': 'H', '\u0127': 'h', '\u0166': 'T', '\u0167': 't',
};

function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WIN_ANSI_HIGH.has(codePoint);
}

/**
 * Rewrites text so that every character exists in WinAnsi, the encoding of pdfkit's standard
 * fonts. French needs nothing: é è à ç ù â ê î ô û ë ï ü ÿ œ Œ æ « » € – — ’ … are all in it.
 * Otherwise: typographic spaces and dashes become their WinAnsi neighbours, letters with
 * accents WinAnsi lacks lose the accent (ő → o, ş → s), emoji and symbols are dropped, and
 * anything else (another script) becomes "?". Line breaks are kept; other control characters
 * become spaces. Without this, pdfkit writes the UTF-16 code as hex digits and the PDF shows
 * wrong glyphs.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (char === '\n' || isWinAnsi(code)) {
      out += char;
    } else if (char in SUBSTITUTES) {
      out += SUBSTITUTES[char];
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      out += ' ';
    } else {
      // Base letter without its combining accents, when that base is encodable.
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      if (base && [...base].every((c) => isWinAnsi(c.codePointAt(0)!))) out += base;
      else if (/[\p{S}\p{M}\p{Cf}\p{Co}\p{Cs}]/u.test(char)) out += '';
      else out += '?';
    }
  }
  return out;
}

/** Options of the PDF renderers. */
export interface AgendaPdfOptions {
  /** Compress page streams (default true). Tests turn it off to read the text. */
  compress?: boolean;
  /**
   * The document's CreationDate. Defaults to the (first) session's start, so rendering the
   * same agenda twice gives the same bytes (pdfkit derives the file ID from the metadata).
   */
  creationDate?: Date;
}

const A4 = 'A4';
const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const INK = '#000000';
const GREY = '#444444';
const LINE_GAP = 1;
const PAD = 4;
/** Column widths (points) of Heure, Table, Rencontre, Pourquoi; they sum to the A4 text width. */
const COLUMNS = [78, 40, 160, 217.28];
/** Row font sizes tried in turn until all rounds fit on the page. */
const ROW_FONT_SIZES = [10.5, 10, 9, 8, 7];

type Doc = PDFKit.PDFDocument;

/**
 * Writes text in a box and never past it: with `height` set pdfkit clips (with an ellipsis)
 * instead of adding a page, which keeps the promise of one page per agenda.
 */
function put(doc: Doc, text: string, x: number, y: number, width: number, height: number, font: string, size: number, color = INK, align: 'left' | 'center' = 'left'): void {
  doc.font(font).fontSize(size).fillColor(color);
  doc.text(toWinAnsi(text), x, y, { width, height: Math.max(height, size * 1.3) + 0.5, ellipsis: true, lineGap: LINE_GAP, align });
}

function measure(doc: Doc, text: string, width: number, font: string, size: number): number {
  if (text === '') return 0;
  doc.font(font).fontSize(size);
  return doc.heightOfString(toWinAnsi(text), { width, lineGap: LINE_GAP });
}

/** Draws a text block of at most `maxLines` lines and returns the y below it. */
function block(doc: Doc, text: string, y: number, font: string, size: number, color: string, maxLines: number): number {
  const width = doc.page.width - 2 * MARGIN;
  const lineHeight = size * 1.2 + LINE_GAP;
  const height = Math.min(measure(doc, text, width, font, size), maxLines * lineHeight);
  put(doc, text, MARGIN, y, width, height, font, size, color);
  return y + height;
}

function rule(doc: Doc, y: number, weight: number): void {
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(weight).strokeColor(INK).stroke();
}

function drawHeader(doc: Doc, header: SessionHeader): number {
  let y = block(doc, header.title, MARGIN, BOLD, 18, INK, 3) + 4;
  for (const line of [header.when, header.where, header.theme, header.format]) {
    if (line) y = block(doc, line, y, FONT, 10.5, GREY, 2) + 1;
  }
  return y + 6;
}

/** The heading under the session header: a bold name and a few plain lines. */
function drawHeading(doc: Doc, y: number, name: string, lines: string[]): number {
  rule(doc, y, 1.5);
  y = block(doc, name, y + 8, BOLD, 14, INK, 2) + 2;
  for (const line of lines) y = block(doc, line, y, FONT, 11, INK, 2) + 1;
  return y + 10;
}

interface RowLayout {
  size: number;
  heights: number[];
}

function cellTexts(row: AgendaRow): { name: string; details: string; reasons: string } {
  const [name = '', ...details] = row.who;
  return { name, details: details.join('\n'), reasons: row.reasons.map((reason) => `\u2022 ${reason}`).join('\n') };
}

function rowHeight(doc: Doc, row: AgendaRow, size: number): number {
  const inner = COLUMNS.map((width) => width - 2 * PAD);
  const { name, details, reasons } = cellTexts(row);
  const plain = row.kind === 'meeting' ? FONT : ITALIC;
  const who = measure(doc, name, inner[2], row.kind === 'meeting' ? BOLD : ITALIC, size)
    + measure(doc, details, inner[2], plain, size * 0.9);
  return 2 * PAD + Math.max(
    measure(doc, row.time, inner[0], plain, size),
    measure(doc, row.table, inner[1], plain, size),
    who,
    measure(doc, reasons, inner[3], plain, size),
  );
}

/**
 * Picks the largest font size at which every row fits between `top` and the bottom margin.
 * When even the smallest does not fit (very long reasons), rows share the space equally and
 * their text is cut with an ellipsis: one page per agenda matters more, on a printed pack,
 * than the end of a long justification.
 */
function layoutRows(doc: Doc, rows: AgendaRow[], available: number): RowLayout {
  for (const size of ROW_FONT_SIZES) {
    const heights = rows.map((row) => rowHeight(doc, row, size));
    if (heights.reduce((sum, h) => sum + h, 0) <= available) return { size, heights };
  }
  const size = ROW_FONT_SIZES[ROW_FONT_SIZES.length - 1];
  const share = available / Math.max(rows.length, 1);
  return { size, heights: rows.map((row) => Math.min(rowHeight(doc, row, size), share)) };
}

function drawRows(doc: Doc, rows: AgendaRow[], top: number): void {
  const xs = COLUMNS.map((_, i) => MARGIN + COLUMNS.slice(0, i).reduce((sum, w) => sum + w, 0));
  const inner = COLUMNS.map((width) => width - 2 * PAD);
  const headerSize = 9;
  ['HEURE', 'TABLE', 'RENCONTRE', 'POURQUOI'].forEach((label, i) => {
    put(doc, label, xs[i] + PAD, top, inner[i], headerSize * 1.3, BOLD, headerSize, GREY, i === 1 ? 'center' : 'left');
  });
  let y = top + headerSize * 1.3 + PAD;
  rule(doc, y, 1);
  if (rows.length === 0) {
    put(doc, 'Aucun tour prévu.', MARGIN + PAD, y + PAD, doc.page.width - 2 * MARGIN, 14, ITALIC, 10.5, GREY);
    return;
  }
  const bottom = doc.page.height - MARGIN;
  const layout = layoutRows(doc, rows, bottom - y);
  rows.forEach((row, index) => {
    const height = layout.heights[index];
    const size = layout.size;
    const meeting = row.kind === 'meeting';
    const plain = meeting ? FONT : ITALIC;
    const color = meeting ? INK : GREY;
    const cellHeight = height - 2 * PAD;
    const { name, details, reasons } = cellTexts(row);
    put(doc, row.time, xs[0] + PAD, y + PAD, inner[0], cellHeight, plain, size, color);
    put(doc, row.table, xs[1] + PAD, y + PAD, inner[1], cellHeight, plain, size, color, 'center');
    const nameHeight = Math.min(measure(doc, name, inner[2], meeting ? BOLD : ITALIC, size), cellHeight);
    put(doc, name, xs[2] + PAD, y + PAD, inner[2], nameHeight, meeting ? BOLD : ITALIC, size, color);
    if (details && cellHeight - nameHeight > size) {
      put(doc, details, xs[2] + PAD, y + PAD + nameHeight, inner[2], cellHeight - nameHeight, plain, size * 0.9, GREY);
    }
    if (reasons) put(doc, reasons, xs[3] + PAD, y + PAD, inner[3], cellHeight, plain, size, color);
    y += height;
    doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#999999').stroke();
  });
}

function newPage(doc: Doc): void {
  doc.addPage({ size: A4, margin: MARGIN });
}

function drawParticipantPage(doc: Doc, agenda: ParticipantAgenda): void {
  newPage(doc);
  const heading = participantHeading(agenda);
  const y = drawHeader(doc, sessionHeader(agenda.session));
  const lines = heading.organisation ? [heading.organisation, heading.summary] : [heading.summary];
  drawRows(doc, participantRows(agenda), drawHeading(doc, y, heading.name, lines));
}

function drawTablePage(doc: Doc, agenda: TableAgenda): void {
  newPage(doc);
  const y = drawHeader(doc, sessionHeader(agenda.session));
  drawRows(doc, tableRows(agenda), drawHeading(doc, y, tableHeading(agenda), []));
}

function drawMessagePage(doc: Doc, title: string, message: string): void {
  newPage(doc);
  const y = block(doc, title, MARGIN, BOLD, 18, INK, 3) + 12;
  block(doc, message, y, ITALIC, 11, GREY, 3);
}

/**
 * Renders an A4 French document into a Buffer with pdfkit's built-in fonts; the metadata is set
 * here so that every PDF of the platform (agendas, minutes) carries it. `bufferPages` keeps the
 * pages open until the end, for footers that number them.
 */
export function renderPdf(
  title: string,
  subject: string | null,
  creationDate: Date,
  options: { compress?: boolean; bufferPages?: boolean },
  draw: (doc: Doc) => void,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const info: PDFKit.DocumentInfo = { Title: title, Creator: 'Maillage', CreationDate: creationDate };
    if (subject) info.Subject = subject;
    const doc = new PDFDocument({
      autoFirstPage: false,
      size: A4,
      margin: MARGIN,
      bufferPages: options.bufferPages ?? false,
      compress: options.compress ?? true,
      lang: 'fr-FR',
      displayTitle: true,
      info,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

function creationDateOf(startsAt: string | undefined, options: AgendaPdfOptions): Date {
  if (options.creationDate) return options.creationDate;
  const date = startsAt ? new Date(startsAt) : new Date(0);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid date: ${startsAt}`);
  return date;
}

/**
 * One participant's agenda as a one-page A4 PDF: the same header and rows as
 * participantAgendaHtml (agenda-html). Metadata: Title "Agenda de … – <session>", Creator "Maillage",
 * CreationDate the session start (see {@link AgendaPdfOptions.creationDate}), so the bytes
 * are the same from one call to the next.
 */
export function participantAgendaPdf(agenda: ParticipantAgenda, options: AgendaPdfOptions = {}): Promise<Buffer> {
  const heading = participantHeading(agenda);
  return renderPdf(
    `${heading.name} \u2013 ${agenda.session.title}`,
    agenda.session.title,
    creationDateOf(agenda.session.startsAt, options),
    options,
    (doc) => drawParticipantPage(doc, agenda),
  );
}

/**
 * Every participant's agenda of a session in one PDF, one A4 page per participant, in the
 * given order, for the facilitator to print the pack. An empty list gives a single page
 * saying so (a PDF cannot have zero pages).
 */
export function sessionAgendasPdf(agendas: ParticipantAgenda[], options: AgendaPdfOptions = {}): Promise<Buffer> {
  const session = agendas[0]?.session;
  return renderPdf(
    session ? `Agendas des participants \u2013 ${session.title}` : 'Agendas des participants',
    session?.title ?? null,
    creationDateOf(session?.startsAt, options),
    options,
    (doc) => {
      if (agendas.length === 0) drawMessagePage(doc, 'Agendas des participants', 'Aucun participant à cette session.');
      for (const agenda of agendas) drawParticipantPage(doc, agenda);
    },
  );
}

/**
 * The agendas of all tables of a session in one PDF, one A4 page per table (the PDF twin of
 * tableAgendasHtml). An empty list gives a single page saying so.
 */
export function tableAgendasPdf(agendas: TableAgenda[], options: AgendaPdfOptions = {}): Promise<Buffer> {
  const session = agendas[0]?.session;
  return renderPdf(
    session ? `Agendas des tables \u2013 ${session.title}` : 'Agendas des tables',
    session?.title ?? null,
    creationDateOf(session?.startsAt, options),
    options,
    (doc) => {
      if (agendas.length === 0) drawMessagePage(doc, 'Agendas des tables', 'Aucune table à cette session.');
      for (const agenda of agendas) drawTablePage(doc, agenda);
    },
  );
}
