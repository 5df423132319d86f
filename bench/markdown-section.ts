/**
 * `document` with `section` between `<!-- name:start -->` and `<!-- name:end -->`: replaced when
 * both markers are there (in that order), else appended with them after a blank line. Each
 * benchmark owns one section, so running one never erases the figures of another.
 */
export function withNamedSection(document: string, name: string, section: string): string {
  const startMarker = `<!-- ${name}:start -->`;
  const endMarker = `<!-- ${name}:end -->`;
  const block = `${startMarker}\n${section.trim()}\n${endMarker}`;
  const start = document.indexOf(startMarker);
  const end = start >= 0 ? document.indexOf(endMarker, start) : -1;
  if (start >= 0 && end >= 0) return document.slice(0, start) + block + document.slice(end + endMarker.length);
  const base = document.replace(/\s*$/, '');
  return `${base}${base ? '\n\n' : ''}${block}\n`;
}
