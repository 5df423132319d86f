import { readEwcCodes, readTemperature, readUnitDimensions, singular, statesNeed, stem, unitDimension } from '../../server/domain/taxonomy/vocabulary';

describe('singular and stem', () => {
  it('strip French and English plurals, keeping short words', () => {
    expect(['palettes', 'eaux', 'batteries', 'boxes', 'métaux'.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), 'gaz', 'bus'].map(singular))
      .toEqual(['palette', 'eau', 'battery', 'box', 'metal', 'gaz', 'bus']);
  });

  it('keep an English adjective in -ous whole', () => {
    expect(singular('hazardous')).toBe('hazardous');
  });

  it('merge French and English derivations of one word', () => {
    expect(stem('electricite')).toBe(stem('electricity'));
    expect(stem(singular('dangereux'))).toBe(stem(singular('dangerous')));
    expect(stem('plastique')).toBe(stem('plastic'));
  });

  it('leave stems of fewer than five letters alone', () => {
    expect(stem('elevage')).not.toBe(stem('elevateur'));
    expect(stem('laitier')).toBe('laitier'); // slag, not milk
  });
});

describe('readEwcCodes', () => {
  it('reads codes with spaces, dots, or none, and drops the hazardous asterisk', () => {
    expect(readEwcCodes('Gypse 10 01 05, boues 190805, huiles 13.02.05*')).toEqual(['100105', '190805', '130205']);
  });

  it('does not read quantities or phone numbers as codes', () => {
    expect(readEwcCodes('20 000 t/an, 1 500 m3, tél. 01 23 45 67 89, 0/31,5')).toEqual([]);
  });
});

describe('readTemperature', () => {
  it('reads °C, degrees and a bare C after a number, and the middle of a range', () => {
    expect(readTemperature('Chaleur à 45°C')).toBe(45);
    expect(readTemperature('fours à 90 degrés')).toBe(90);
    expect(readTemperature('approx 70 C')).toBe(70);
    expect(readTemperature('eau à 35-40 °C')).toBe(37.5);
    expect(readTemperature('palettes bois')).toBeNull();
  });
});

describe('readUnitDimensions', () => {
  it('reads the kinds of quantity a description states', () => {
    expect([...readUnitDimensions('300 MWh/an')]).toEqual(['energy']);
    expect([...readUnitDimensions('20 m3/h')]).toEqual(['volume']);
    expect([...readUnitDimensions('3 t/an')]).toEqual(['mass']);
    expect([...readUnitDimensions('2 jours par mois')]).toEqual(['time']);
    expect([...readUnitDimensions('Hangar de 400 m2')]).toEqual(['area']);
    expect([...readUnitDimensions('palettes bois')]).toEqual([]);
  });

  it('maps the taxonomy units to the same kinds', () => {
    expect(['MWh/yr', 'kW', 't/yr', 'm3/yr', 'm2', 'h/yr', 'days/yr', 'units/yr', 'trips/yr'].map(unitDimension))
      .toEqual(['energy', 'power', 'mass', 'volume', 'area', 'time', 'time', 'count', 'trips']);
  });
});

describe('statesNeed', () => {
  it('tells a need from an offer, in French and English', () => {
    expect(statesNeed('Besoin de chaleur à 85 °C')).toBe(true);
    expect(statesNeed('We need heat for our offices')).toBe(true);
    expect(statesNeed('Chaleur fatale disponible à 45 °C')).toBe(false);
  });
});
