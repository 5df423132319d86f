import { CategoryRelation } from './substitution';

/** The part of a category the relations need. */
export interface CategoryNode {
  code: string;
  parent: string | null;
}

/** A documented "offer of `from` can feed a need of `to`" edge. */
export interface CompatibilityEdge {
  from: string;
  to: string;
  grade: number;
}

/** For an offer category, the need categories it may serve and how. */
export type RelationTable = ReadonlyMap<string, readonly { code: string; relation: CategoryRelation }[]>;

/**
 * Which need categories an offer of each category may serve: the same category; a broader one
 * below the family root (a need for "bois" accepts pallets); a narrower one (an offer of "bois"
 * may contain what a need for pallets asks); and the targets of compatibility edges from the
 * category or any ancestor, with the targets' sub-categories. The taxonomy is small (a few
 * hundred categories), so the table is computed once and looked up per offer.
 *
 * @param categories every category with its parent
 * @param edges compatibility edges
 * @returns offer category code → need categories with their relation
 */
export function buildRelationTable(categories: readonly CategoryNode[], edges: readonly CompatibilityEdge[]): RelationTable {
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

  const table = new Map<string, { code: string; relation: CategoryRelation }[]>();
  for (const { code } of categories) {
    const list: { code: string; relation: CategoryRelation }[] = [{ code, relation: { kind: 'SAME' } }];
    // Family roots ("material") are too vague to stand for a need.
    for (const a of ancestors(code)) if (parent.get(a)) list.push({ code: a, relation: { kind: 'NEED_BROADER' } });
    for (const d of descendants(code)) list.push({ code: d, relation: { kind: 'NEED_NARROWER' } });
    for (const source of [code, ...ancestors(code)]) {
      for (const e of edgesFrom.get(source) ?? []) {
        for (const target of [e.to, ...descendants(e.to)]) list.push({ code: target, relation: { kind: 'COMPATIBLE', grade: e.grade } });
      }
    }
    table.set(code, list);
  }
  return table;
}

/** The same table read the other way: for a need category, the offer categories that may serve it. */
export function invertRelationTable(table: RelationTable): RelationTable {
  const inverted = new Map<string, { code: string; relation: CategoryRelation }[]>();
  for (const [offerCode, targets] of table) {
    for (const { code, relation } of targets) inverted.set(code, [...(inverted.get(code) ?? []), { code: offerCode, relation }]);
  }
  return inverted;
}
