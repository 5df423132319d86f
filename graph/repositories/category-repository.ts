import { ResourceCategoryData, ResourceFamilyName } from '../../server/domain/model';
import { Tx } from '../database';
import { stringOrNull } from '../convert';

const CATEGORY_PROJECTION = `c { .code, .nameFr, .nameEn, .family, .ewcCode, .units, .synonyms, parentCode: parent.code } AS category`;

function categoryFrom(value: Record<string, unknown>): ResourceCategoryData {
  return {
    code: String(value.code),
    nameFr: String(value.nameFr),
    nameEn: String(value.nameEn),
    family: value.family as ResourceFamilyName,
    parentCode: stringOrNull(value.parentCode),
    ewcCode: stringOrNull(value.ewcCode),
    units: (value.units as string[] | null) ?? [],
    synonyms: (value.synonyms as string[] | null) ?? [],
  };
}

/**
 * Writes the taxonomy: creates or refreshes every category and its CHILD_OF edge. Categories
 * are reference data owned by the data file, so their fields are overwritten on each load.
 */
export async function upsertCategories(tx: Tx, categories: ResourceCategoryData[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MERGE (c:ResourceCategory {code: row.code})
     SET c.nameFr = row.nameFr, c.nameEn = row.nameEn, c.family = row.family, c.ewcCode = row.ewcCode,
         c.units = row.units, c.synonyms = row.synonyms`,
    { rows: categories },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (c:ResourceCategory {code: row.code})
     OPTIONAL MATCH (c)-[old:CHILD_OF]->()
     DELETE old
     WITH DISTINCT c, row WHERE row.parentCode IS NOT NULL
     MATCH (p:ResourceCategory {code: row.parentCode})
     MERGE (c)-[:CHILD_OF]->(p)`,
    { rows: categories },
  );
}

/** Every category, optionally of one family, ordered by code. */
export async function listCategories(tx: Tx, family: ResourceFamilyName | null): Promise<ResourceCategoryData[]> {
  const result = await tx.run(
    `MATCH (c:ResourceCategory) WHERE $family IS NULL OR c.family = $family
     OPTIONAL MATCH (c)-[:CHILD_OF]->(parent:ResourceCategory)
     RETURN ${CATEGORY_PROJECTION} ORDER BY c.code`,
    { family },
  );
  return result.records.map((r) => categoryFrom(r.get('category')));
}

/** Categories by code, in key order, `null` for unknown codes. */
export async function findCategoriesByCodes(tx: Tx, codes: readonly string[]): Promise<(ResourceCategoryData | null)[]> {
  const result = await tx.run(
    `UNWIND $codes AS code MATCH (c:ResourceCategory {code: code})
     OPTIONAL MATCH (c)-[:CHILD_OF]->(parent:ResourceCategory)
     RETURN ${CATEGORY_PROJECTION}`,
    { codes },
  );
  const byCode = new Map(result.records.map((r) => {
    const category = categoryFrom(r.get('category'));
    return [category.code, category];
  }));
  return codes.map((code) => byCode.get(code) ?? null);
}

/** A documented "offer of `from` can feed a need of `to`" edge of the taxonomy. */
export interface CompatibilityRow {
  from: string;
  to: string;
  grade: number;
  rationale: string;
}

/** Replaces the CAN_FEED edges with the data file's: they are reference data, owned by the file. */
export async function replaceCompatibilities(tx: Tx, edges: CompatibilityRow[]): Promise<void> {
  await tx.run('MATCH (:ResourceCategory)-[e:CAN_FEED]->(:ResourceCategory) DELETE e');
  await tx.run(
    `UNWIND $edges AS edge
     MATCH (from:ResourceCategory {code: edge.from}), (to:ResourceCategory {code: edge.to})
     MERGE (from)-[e:CAN_FEED]->(to)
     SET e.grade = edge.grade, e.rationale = edge.rationale`,
    { edges },
  );
}
