import { bestSubstitutions } from '../server/domain/synergy/candidates';
import { RelationTable } from '../server/domain/synergy/category-relations';
import { ScoredSynergy, SynergyFlow } from '../server/domain/synergy/substitution';
import { GeoPoint } from '../server/domain/model';

/**
 * The baseline of the database path: the same flows preloaded in memory, selected by a
 * kd-tree (kdbush + geokdbush) instead of Neo4j's point index, then matched by the same
 * domain code (`bestSubstitutions`). The ratio between the two is what the database costs.
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

export class InMemorySynergies {
  private constructor(
    private readonly offers: { flows: SynergyFlow[]; index: KdIndex },
    private readonly needs: { flows: SynergyFlow[]; index: KdIndex },
    private readonly relations: RelationTable,
    private readonly maxKm: (code: string) => number,
    private readonly around: Around,
  ) {}

  static async build(
    flows: { direction: 'OFFER' | 'NEED'; flow: SynergyFlow }[],
    relations: RelationTable,
    maxKm: (code: string) => number,
  ): Promise<InMemorySynergies> {
    const KDBush = (await importEsm('kdbush')).default as KdBushCtor;
    const { around } = await importEsm('geokdbush');
    const indexOf = (list: SynergyFlow[]) => {
      const index = new KDBush(Math.max(1, list.length));
      for (const f of list) index.add(f.location.lon, f.location.lat);
      if (list.length === 0) index.add(0, 0);
      index.finish();
      return { flows: list, index };
    };
    return new InMemorySynergies(
      indexOf(flows.filter((f) => f.direction === 'OFFER').map((f) => f.flow)),
      indexOf(flows.filter((f) => f.direction === 'NEED').map((f) => f.flow)),
      relations,
      maxKm,
      around!,
    );
  }

  /** Substitution synergies with both actors inside the circle, best first. */
  inCircle(center: GeoPoint, radiusKm: number, first: number): ScoredSynergy[] {
    const select = (side: { flows: SynergyFlow[]; index: KdIndex }) =>
      this.around(side.index, center.lon, center.lat, Infinity, radiusKm).map((i) => side.flows[i]).filter(Boolean);
    return bestSubstitutions(select(this.offers), select(this.needs), this.relations, this.maxKm, { minScore: 0, limit: first });
  }
}
