/**
 * Lowercases and strips diacritics, so that "Récupération" and "recuperation" compare equal.
 *
 * @param text any text
 * @returns the folded text
 * @example foldText('Chaleur Fatale à 45 °C') // 'chaleur fatale a 45 °c'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Ligatures have no decomposition; French writes "œuvre" and "oeuvre" alike.
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/**
 * Turns a user's search words into a Lucene query for the full-text indexes: every word must
 * appear, as a prefix. Lucene's operators are escaped, so the user's text is never query syntax.
 *
 * @returns null when the text holds no word
 * @example fullTextQuery('Récup bois') // 'recup* AND bois*'
 */
export function fullTextQuery(text: string): string | null {
  const words = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w) => `${w}*`).join(' AND ');
}
