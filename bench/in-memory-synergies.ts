import { CandidatePair, CategoryRelation, rankSubstitutions, ScoredSynergy, SynergyFlow } from '../server/domain/synergy/substitution';
import { distanceKm } from '../server/domain/geo/geo';
import { GeoPoint } from '../server/domain/model';

/**
 * The substitution rules of the database path, run over flows preloaded in memory with one
 * kd-tree per category (kdbush + geokdbush): the baseline that shows what the database costs.
 */

interface KdIndex {
  add(x: number, y: number): number;
  finish(): void;
}
type KdBushCtor = new (numItems: number) => KdIndex;
type Around = (index: KdIndex, lng: number, lat: number, maxResults?: number, maxDistanceKm?: number) => number[];

// kdbush and geokdbush ship as ES modules only; this CommonJS build loads them with a real
// dynamic import (TypeScript would otherwise turn `import()` into `require()`).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: unknown; around?: Around }>;

export interface CategoryInfo {
  code: string;
  parent: string | null;
}

export interface CompatibilityEdge {
  from: string;
  to: string;
  grade: number;
}

/** Relations from an offer category to the need categories it may serve, as the Cypher path defines them. */
export function needCategoriesOf(categories: readonly CategoryInfo[], edges: readonly CompatibilityEdge[]): Map<string, { code: string; relation: CategoryRelation }[]> {
  const parent = new Map(categories.map((c) => [c.code, c.parent]));
  const children = new Map<string, string[]>();
  for (const c of categories) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.code]);
  const ancestors = (code: string): string[] => {
    const out: string[] = [];
    for (let p = parent.get(code) ?? null; p; p = parent.get(p) ?? null) out.push(p);
    return out;
  };
  const descendants = (code: string): string[] => (children.get(code) ?? []).flatMap((c) => [c, ...descendants(c)]);
  const edgesFrom = new Map<string, CompatibilityEdge[]>();
  for (const e of edges) edgesFrom.set(e.from, [...(edgesFrom.get(e.from) ?? []), e]);

  const result = new Map<string, { code: string; relation: CategoryRelation }[]>();
  for (const { code } of categories) {
    const list: { code: string; relation: CategoryRelation }[] = [{ code, relation: { kind: 'SAME' } }];
    for (const a of ancestors(code)) if (parent.get(a)) list.push({ code: a, relation: { kind: 'NEED_BROADER' } });
    for (const d of descendants(code)) list.push({ code: d, relation: { kind: 'NEED_NARROWER' } });
    for (const source of [code, ...ancestors(code)]) {
      for (const e of edgesFrom.get(source) ?? []) {
        for (const target of [e.to, ...descendants(e.to)]) list.push({ code: target, relation: { kind: 'COMPATIBLE', grade: e.grade } });
      }
    }
    result.set(code, list);
  }
  return result;
}

/** Flows in memory, indexed by category, answering the same questions as the database path. */
export class InMemorySynergies {
  private constructor(
    private readonly needsByCategory: Map<string, { flows: SynergyFlow[]; index: KdIndex }>,
    private readonly offers: SynergyFlow[],
    private readonly relations: Map<string, { code: string; relation: CategoryRelation }[]>,
    private readonly maxKm: (code: string) => number,
    private readonly around: Around,
  ) {}

  static async build(
    flows: { direction: 'OFFER' | 'NEED'; flow: SynergyFlow }[],
    relations: Map<string, { code: string; relation: CategoryRelation }[]>,
    maxKm: (code: string) => number,
  ): Promise<InMemorySynergies> {
    const KDBush = (await importEsm('kdbush')).default as KdBushCtor;
    const { around } = await importEsm('geokdbush');
    const byCategory = new Map<string, SynergyFlow[]>();
    const offers: SynergyFlow[] = [];
    for (const { direction, flow } of flows) {
      if (direction === 'OFFER') offers.push(flow);
      else byCategory.set(flow.categoryCode, [...(byCategory.get(flow.categoryCode) ?? []), flow]);
    }
    const needsByCategory = new Map<string, { flows: SynergyFlow[]; index: KdIndex }>();
    for (const [code, list] of byCategory) {
      const index = new KDBush(list.length);
      for (const f of list) index.add(f.location.lon, f.location.lat);
      index.finish();
      needsByCategory.set(code, { flows: list, index });
    }
    return new InMemorySynergies(needsByCategory, offers, relations, maxKm, around!);
  }

  /** Substitution synergies with both actors inside the circle, best first. */
  inCircle(center: GeoPoint, radiusKm: number, first: number): ScoredSynergy[] {
    const inside = (p: GeoPoint) => distanceKm(center, p) <= radiusKm;
    const pairs: CandidatePair[] = [];
    for (const offer of this.offers) {
      if (!inside(offer.location)) continue;
      const limit = this.maxKm(offer.categoryCode);
      for (const { code, relation } of this.relations.get(offer.categoryCode) ?? []) {
        const needs = this.needsByCategory.get(code);
        if (!needs) continue;
        for (const i of this.around(needs.index, offer.location.lon, offer.location.lat, Infinity, limit)) {
          const need = needs.flows[i];
          if (need.actorId !== offer.actorId && inside(need.location)) pairs.push({ offer, need, relation, maxKm: limit });
        }
      }
    }
    return rankSubstitutions(pairs, 0, first);
  }
}
