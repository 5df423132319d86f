import * as fs from 'node:fs';
import * as path from 'node:path';
import { distanceKm } from '../../server/domain/geo/geo';
import {
  ACTOR_KINDS, CONFIDENTIALITIES, ECONOMIES, FLOW_DIRECTIONS, GeoPoint, PUBLICS, RESOURCE_FAMILIES,
} from '../../server/domain/model';
import { loadTaxonomy } from '../../server/domain/taxonomy/taxonomy';

// The enum lists come from server/domain/model.ts, which mirrors the enums of shared/API.md.

interface DemoFlow {
  externalId: string;
  direction: string;
  description: string;
  categoryCode: string;
  quantity: number;
  unit: string;
  temperatureC?: number;
  availableMonths?: number[];
  confidentiality: string;
}

interface DemoActor {
  externalId: string;
  name: string;
  kind: string;
  economy: string;
  legalForm: string;
  nafCode?: string;
  communeCode: string;
  location: GeoPoint;
  address: string;
  description: string;
  employees?: number;
  activities: string;
  publics: string[];
  flows: DemoFlow[];
}

interface DemoTerritory {
  territory: { code: string; description: string };
  actors: DemoActor[];
}

interface Commune { code: string; nom: string; type: string; codesPostaux?: string[] }
interface Ept { code: string; membres: { code: string }[] }

const EPT_CODE = '200058014';
// Île-de-France bounding box, with a small margin (WGS-84 degrees).
const ILE_DE_FRANCE = { minLat: 48.1, maxLat: 49.25, minLon: 1.4, maxLon: 3.6 };
// Substitution synergies must exist within a short distance for the demo to show something.
const SYNERGY_RADIUS_KM = 5;
const MIN_CLOSE_SYNERGY_PAIRS = 30;

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const demo = readJson<DemoTerritory>(path.join(__dirname, '../../seeds/demo/grand-orly-seine-bievre.json'));
const etalab = (name: string) => require.resolve(`@etalab/decoupage-administratif/data/${name}.json`);
const communes = new Map(
  readJson<Commune[]>(etalab('communes')).filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]),
);
const ept = readJson<Ept[]>(etalab('ept')).find((e) => e.code === EPT_CODE);
const taxonomy = new Map(loadTaxonomy().map((c) => [c.code, c]));

const actors = demo.actors;
const flows = actors.flatMap((actor) => actor.flows.map((flow) => ({ actor, flow })));

describe('the Grand-Orly Seine Bièvre demo territory', () => {
  it('holds at least 160 actors and 420 flows', () => {
    expect(actors.length).toBeGreaterThanOrEqual(160);
    expect(flows.length).toBeGreaterThanOrEqual(420);
  });

  it('gives every actor and every flow a unique external id', () => {
    const actorIds = actors.map((a) => a.externalId);
    expect(new Set(actorIds).size).toBe(actorIds.length);
    const flowIds = flows.map(({ flow }) => flow.externalId);
    expect(new Set(flowIds).size).toBe(flowIds.length);
  });

  it('uses only the enum values of the API contract', () => {
    const bad = actors.flatMap((a) => [
      ...(ACTOR_KINDS as readonly string[]).includes(a.kind) ? [] : [`${a.externalId} kind ${a.kind}`],
      ...(ECONOMIES as readonly string[]).includes(a.economy) ? [] : [`${a.externalId} economy ${a.economy}`],
      ...a.publics.filter((p) => !(PUBLICS as readonly string[]).includes(p)).map((p) => `${a.externalId} public ${p}`),
      ...a.flows.flatMap((f) => [
        ...(FLOW_DIRECTIONS as readonly string[]).includes(f.direction) ? [] : [`${f.externalId} direction ${f.direction}`],
        ...(CONFIDENTIALITIES as readonly string[]).includes(f.confidentiality) ? [] : [`${f.externalId} confidentiality ${f.confidentiality}`],
      ]),
    ]);
    expect(bad).toEqual([]);
  });

  it('covers every actor kind and every resource family', () => {
    expect(new Set(actors.map((a) => a.kind))).toEqual(new Set(ACTOR_KINDS));
    const families = new Set(flows.map(({ flow }) => taxonomy.get(flow.categoryCode)?.family));
    expect(families).toEqual(new Set(RESOURCE_FAMILIES));
  });

  it('places every actor in a real commune of the EPT, with a postcode of that commune', () => {
    expect(ept).toBeDefined();
    const members = new Set(ept!.membres.map((m) => m.code));
    const bad = actors
      .filter((a) => {
        const commune = communes.get(a.communeCode);
        const postcodeOk = commune?.codesPostaux?.some((cp) => a.address.includes(`${cp} ${commune.nom}`));
        return !commune || !members.has(a.communeCode) || !postcodeOk;
      })
      .map((a) => `${a.externalId} ${a.communeCode} ${a.address}`);
    expect(bad).toEqual([]);
  });

  it('keeps every position in Île-de-France and within 3 km of its commune\'s other actors', () => {
    const byCommune = new Map<string, DemoActor[]>();
    for (const a of actors) byCommune.set(a.communeCode, [...(byCommune.get(a.communeCode) ?? []), a]);
    const bad: string[] = [];
    for (const group of byCommune.values()) {
      const mean = {
        lat: group.reduce((s, a) => s + a.location.lat, 0) / group.length,
        lon: group.reduce((s, a) => s + a.location.lon, 0) / group.length,
      };
      for (const { externalId, location } of group) {
        const inRegion = location.lat > ILE_DE_FRANCE.minLat && location.lat < ILE_DE_FRANCE.maxLat
          && location.lon > ILE_DE_FRANCE.minLon && location.lon < ILE_DE_FRANCE.maxLon;
        if (!inRegion || distanceKm(location, mean) > 3) bad.push(externalId);
      }
    }
    expect(bad).toEqual([]);
  });

  it('writes NAF codes in the NAF rev.2 shape "NN.NNL"', () => {
    const bad = actors.filter((a) => a.nafCode !== undefined && !/^\d{2}\.\d{2}[A-Z]$/.test(a.nafCode)).map((a) => a.externalId);
    expect(bad).toEqual([]);
  });

  it('files every flow under a taxonomy category, in one of its usual units', () => {
    const bad = flows
      .filter(({ flow }) => !taxonomy.get(flow.categoryCode)?.units.includes(flow.unit))
      .map(({ flow }) => `${flow.externalId} ${flow.categoryCode} ${flow.unit}`);
    expect(bad).toEqual([]);
  });

  it('gives positive quantities, months in 1..12 and temperatures to energy flows only', () => {
    const bad = flows
      .filter(({ flow }) => !(flow.quantity > 0)
        || (flow.availableMonths ?? []).some((m) => !Number.isInteger(m) || m < 1 || m > 12)
        || (flow.temperatureC !== undefined && !flow.categoryCode.startsWith('energy.')))
      .map(({ flow }) => flow.externalId);
    expect(bad).toEqual([]);
  });

  it('says that the organisations are fictional', () => {
    expect(demo.territory.description).toContain('Organisations fictives');
    const unmarked = actors
      .filter((a) => a.kind !== 'LOCAL_AUTHORITY' && !/fictif|fictive/.test(`${a.name} ${a.description}`))
      .map((a) => a.externalId);
    expect(unmarked).toEqual([]);
  });

  it(`offers at least ${MIN_CLOSE_SYNERGY_PAIRS} offer-need pairs of the same category within ${SYNERGY_RADIUS_KM} km`, () => {
    const offers = flows.filter(({ flow }) => flow.direction === 'OFFER');
    const needs = flows.filter(({ flow }) => flow.direction === 'NEED');
    const pairs = offers.flatMap((o) => needs.filter((n) => n.actor !== o.actor
      && n.flow.categoryCode === o.flow.categoryCode
      && distanceKm(o.actor.location, n.actor.location) <= SYNERGY_RADIUS_KM));
    expect(pairs.length).toBeGreaterThanOrEqual(MIN_CLOSE_SYNERGY_PAIRS);
    // Not one category doing all the work: the demo shows synergies of several families.
    const families = new Set(pairs.map((n) => taxonomy.get(n.flow.categoryCode)?.family));
    expect(families.size).toBeGreaterThanOrEqual(5);
  });
});
