import { foldText, fullTextQuery } from '../../server/domain/text/fold';

describe('foldText', () => {
  it('lowercases and strips accents so French words compare equal however they are typed', () => {
    expect(foldText('Récupération')).toBe('recuperation');
    expect(foldText('RÉCUPÉRATION')).toBe('recuperation');
    expect(foldText('Île-de-France')).toBe('ile-de-france');
    expect(foldText('Çà et là, Noël, ÂÊÎÔÛ àéèùç')).toBe('ca et la, noel, aeiou aeeuc');
  });

  it('handles text already decomposed (combining accents)', () => {
    expect(foldText('Re\u0301cupe\u0301ration')).toBe('recuperation');
  });

  it('spells out the œ and æ ligatures, so "main-d\'œuvre" and "main-d\'oeuvre" compare equal', () => {
    expect(foldText("Main-d'Œuvre, cœur, ex æquo")).toBe("main-d'oeuvre, coeur, ex aequo");
    expect(fullTextQuery("main-d'œuvre")).toBe(fullTextQuery("main-d'oeuvre"));
  });

  it('leaves digits, spaces and punctuation alone', () => {
    expect(foldText('Chaleur Fatale à 45 °C')).toBe('chaleur fatale a 45 °c');
  });
});

describe('fullTextQuery', () => {
  it('requires every word, each as a prefix', () => {
    expect(fullTextQuery('Récup bois')).toBe('recup* AND bois*');
  });

  it('never lets Lucene syntax through: operators and brackets become plain words', () => {
    const query = fullTextQuery('bois AND (chêne')!;
    expect(query).toBe('bois* AND and* AND chene*');
    expect(query).not.toMatch(/[()]/);
    // Every term is a lowercase word prefix; only the joining AND is upper case.
    expect(query.split(' AND ').every((term) => /^[a-z0-9]+\*$/.test(term))).toBe(true);
  });

  it.each([
    'OR NOT bois',
    'bois~2 chêne^4',
    'title:bois',
    '"palettes" +bois -chêne',
    'bois || chêne && pin',
    '[a TO z] {b TO c}',
    'bo?s pal*ttes \\ / !',
  ])('escapes every Lucene operator in %p', (text) => {
    const query = fullTextQuery(text)!;
    expect(query).not.toBeNull();
    for (const term of query.split(' AND ')) expect(term).toMatch(/^[a-z0-9]+\*$/);
    expect(query).not.toMatch(/[+\-!(){}[\]^"~?:\\/|&]/);
  });

  it('returns null when the text holds no letter or digit', () => {
    expect(fullTextQuery('')).toBeNull();
    expect(fullTextQuery('   ')).toBeNull();
    expect(fullTextQuery('()*?"~')).toBeNull();
  });

  it('ignores accents in the query, like the folded index', () => {
    expect(fullTextQuery('Énergie RÉCUPÉRÉE')).toBe('energie* AND recuperee*');
  });
});
