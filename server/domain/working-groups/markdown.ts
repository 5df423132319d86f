/**
 * A small, safe subset of Markdown for meeting minutes, parsed into blocks that the HTML and
 * PDF exports both draw. Pure.
 *
 * Why a subset written here rather than a Markdown library: minutes are typed by members and
 * printed or mailed as HTML, so the renderer must never let markup through, and what a
 * secretary uses is little: headings, paragraphs, lists, bold, italic and links. Writing that
 * subset keeps the whole attack surface in one readable file, and lets the PDF draw the same
 * structure.
 *
 * What it understands:
 * - ATX headings `#` to `######`; a line of three or more `-`, `*` or `_` is a separator.
 * - Paragraphs, separated by blank lines. A line break inside a paragraph is kept as a line
 *   break: secretaries write one point per line and expect to see it so (seed 004 does).
 * - Bullet (`-`, `*`, `+`) and numbered (`1.` or `1)`) lists, one level: indented items are
 *   items of the same list, and an indented or following line continues the item.
 * - `**bold**`, `__bold__`, `*italic*`, `_italic_` (not inside words: snake_case stays as is),
 *   `` `code` ``, backslash escapes.
 * - Links `[text](url)` and bare `https://…` addresses, only with http or https URLs. Any other
 *   scheme (`javascript:`, `data:`, `file:`) is not a link: its text alone is shown.
 * What it does not: raw HTML and entities (shown as typed), images, tables, code blocks,
 * quotes. Everything else is text, and text is always escaped.
 */

/** A run of text with one formatting. */
export interface Inline {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** A safe http(s) URL when the run is a link. */
  href: string | null;
}

/** A block of the minutes. */
export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'rule' };

type Format = Omit<Inline, 'text'>;

const PLAIN: Format = { bold: false, italic: false, code: false, href: null };
const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>|~"']/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^\s*[-*+][ \t]+(.*)$/;
const ORDERED = /^\s*(\d{1,9})[.)][ \t]+(.*)$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The URL itself when it is an absolute http or https URL, normalised by the URL parser
 * (which percent-encodes quotes and spaces); null for anything else.
 *
 * @example safeHref('https://cyclop.example.org/gt6a') // 'https://cyclop.example.org/gt6a'
 * @example safeHref('javascript:alert(1)') // null
 */
export function safeHref(url: string): string | null {
  // Control characters can hide a scheme from naive checks; a URL typed by a person has none.
  if (/[\u0000-\u001f\u007f\s]/.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** Where the emphasis opened at `from` closes, or -1. */
function closingDelimiter(src: string, from: number, delim: string): number {
  const char = delim[0];
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') {
      j++;
      continue;
    }
    if (src[j] === '`') {
      const end = src.indexOf('`', j + 1);
      if (end > j) j = end;
      continue;
    }
    if (!src.startsWith(delim, j)) continue;
    if (delim.length === 1 && src[j + 1] === char) {
      // A double delimiter inside a single one: **bold** in *italic*. Skip its pair.
      const pair = closingDelimiter(src, j + 2, char + char);
      if (pair > 0) {
        j = pair + 1;
        continue;
      }
      j++;
      continue;
    }
    if (/\s/.test(src[j - 1] ?? ' ')) continue;
    if (char === '_' && isWordChar(src[j + delim.length])) continue;
    return j;
  }
  return -1;
}

function pushText(out: Inline[], text: string, format: Format): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.bold === format.bold && last.italic === format.italic && last.code === format.code && last.href === format.href) {
    last.text += text;
  } else {
    out.push({ text, ...format });
  }
}

function parseInlineInto(src: string, format: Format, out: Inline[], links: boolean): void {
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length && ESCAPABLE.test(src[i + 1])) {
      pushText(out, src[i + 1], format);
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        pushText(out, src.slice(i + 1, end), { ...format, code: true });
        i = end + 1;
        continue;
      }
    }
    if (c === '[' && links) {
      // The URL may hold balanced parentheses, one level deep (Wikipedia's "Lyon_(ville)").
      const m = /^\[([^[\]\n]+)\]\(\s*((?:[^()\s]|\([^()\s]*\))+)\s*\)/.exec(src.slice(i));
      if (m) {
        const href = safeHref(m[2]);
        parseInlineInto(m[1], href ? { ...format, href } : format, out, false);
        i += m[0].length;
        continue;
      }
    }
    if (links && (c === 'h' || c === 'H') && !isWordChar(src[i - 1])) {
      const m = /^https?:\/\/[^\s<>"'`]+/i.exec(src.slice(i));
      if (m) {
        const url = m[0].replace(/[.,;:!?)\]]+$/, '');
        const href = safeHref(url);
        if (href) {
          pushText(out, url, { ...format, href });
          i += url.length;
          continue;
        }
      }
    }
    if (c === '*' || c === '_') {
      const double = src[i + 1] === c;
      const delim = double ? c + c : c;
      const after = src[i + delim.length];
      const canOpen = after !== undefined && !/\s/.test(after) && (c === '*' || !isWordChar(src[i - 1]));
      if (canOpen) {
        const close = closingDelimiter(src, i + delim.length + 1, delim);
        if (close > 0) {
          const inner = src.slice(i + delim.length, close);
          parseInlineInto(inner, { ...format, bold: format.bold || double, italic: format.italic || !double }, out, links);
          i = close + delim.length;
          continue;
        }
      }
      // An unmatched run of delimiters is text, all of it (so "**" alone stays "**").
      pushText(out, delim, format);
      i += delim.length;
      continue;
    }
    pushText(out, c, format);
    i++;
  }
}

/**
 * The inline content of a heading, paragraph or list item: runs of text with their
 * formatting, in order, adjacent runs of one formatting merged.
 *
 * @example parseInline('un **mot** fort') // [{ text: 'un ', … }, { text: 'mot', bold: true, … }, { text: ' fort', … }]
 */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  parseInlineInto(src, PLAIN, out, true);
  return out;
}

/**
 * The blocks of a Markdown text, in the subset described above.
 *
 * @example parseMarkdown('# Titre\n\n- un\n- deux').map((b) => b.type) // ['heading', 'list']
 */
export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;
  let blankSeen = false;

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', content: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map(parseInline) });
    list = null;
  };

  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flushParagraph();
      blankSeen = true;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'heading', level: heading[1].length, content: parseInline(heading[2] ?? '') });
      blankSeen = false;
      continue;
    }
    if (RULE.test(line)) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'rule' });
      blankSeen = false;
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      flushParagraph();
      const isOrdered = ordered !== null;
      const current = list as { ordered: boolean; start: number; items: string[] } | null;
      if (!current || current.ordered !== isOrdered) {
        flushList();
        list = { ordered: isOrdered, start: ordered ? Number(ordered[1]) : 1, items: [] };
      }
      list!.items.push((bullet ? bullet[1] : ordered![2]).trim());
      blankSeen = false;
      continue;
    }
    const openList = list as { ordered: boolean; start: number; items: string[] } | null;
    if (openList && (!blankSeen || /^\s{2,}/.test(line))) {
      // A following line, or an indented one after a blank, continues the last item.
      const items = openList.items;
      items[items.length - 1] += `\n${line.trim()}`;
      blankSeen = false;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
    blankSeen = false;
  }
  flushParagraph();
  flushList();
  return blocks;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes (& < > " '). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function runToHtml(run: Inline): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>\n');
  if (run.code) html = `<code>${html}</code>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return html;
}

/** Inline runs as HTML: every text escaped, links only to the safe URLs the parser kept. */
export function inlineToHtml(content: readonly Inline[]): string {
  let html = '';
  let i = 0;
  while (i < content.length) {
    const href = content[i].href;
    let j = i;
    let inner = '';
    while (j < content.length && content[j].href === href) inner += runToHtml(content[j++]);
    html += href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>` : inner;
    i = j;
  }
  return html;
}

/** Options of {@link markdownToHtml}. */
export interface MarkdownHtmlOptions {
  /**
   * Added to every heading level (capped at 6), so that minutes' own "# Titre" sits under the
   * document's section heading rather than competing with the page title.
   */
  headingOffset?: number;
}

/**
 * Markdown (the subset above) as an HTML fragment. Safe for untrusted input: no tag or
 * attribute of the output comes from the input, only escaped text and checked http(s) URLs.
 *
 * @example markdownToHtml('**Décision** : <script>') // '<p><strong>Décision</strong> : &lt;script&gt;</p>'
 */
export function markdownToHtml(markdown: string, options: MarkdownHtmlOptions = {}): string {
  const offset = options.headingOffset ?? 0;
  return parseMarkdown(markdown)
    .map((block) => {
      switch (block.type) {
        case 'heading': {
          const level = Math.min(6, block.level + offset);
          return `<h${level}>${inlineToHtml(block.content)}</h${level}>`;
        }
        case 'paragraph':
          return `<p>${inlineToHtml(block.content)}</p>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
          return `<${tag}${start}>${block.items.map((item) => `<li>${inlineToHtml(item)}</li>`).join('')}</${tag}>`;
        }
        case 'rule':
          return '<hr>';
      }
    })
    .join('\n');
}
