/**
 * The resource taxonomy: the reviewed data files `seeds/taxonomy/resource-categories.json` and
 * `seeds/taxonomy/compatibilities.json`, their record types and their integrity rules. Pure
 * TypeScript: no Neo4j, no GraphQL.
 */
import compatibilityData from '../../../seeds/taxonomy/compatibilities.json';
import data from '../../../seeds/taxonomy/resource-categories.json';
import { RESOURCE_FAMILIES, ResourceFamilyName } from '../model';

/** One of the seven resource families (the ResourceFamily enum of the GraphQL contract). */
export type ResourceFamily = ResourceFamilyName;

/** One category of `seeds/taxonomy/resource-categories.json`, exactly as the file writes it. */
export interface ResourceCategoryRecord {
  /** Lowercase dotted path of kebab-case words, e.g. `energy.waste-heat.low-temperature`. */
  code: string;
  family: ResourceFamily;
  /** Code of the parent category; null only for the seven family roots. */
  parent: string | null;
  nameFr: string;
  nameEn: string;
  /** European List of Waste code "NN NN NN" (with "*" when hazardous), or null when none applies. */
  ewcCode: string | null;
  /** Units a flow of this category is usually counted in, most usual first. */
  units: string[];
  /** Lowercase trade words companies write for this resource, French and English. */
  synonyms: string[];
}

/** Deepest level below a family root: `material.wood.pallets` is level 2, level 3 is the limit. */
export const MAX_DEPTH_BELOW_ROOT = 3;

// Dotted path of lowercase kebab-case words ("material.biowaste.coffee-grounds").
const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
// The List of Waste (Commission Decision 2000/532/EC) writes codes as three pairs of digits and
// marks hazardous entries with an asterisk, e.g. "13 02 05*".
const EWC_PATTERN = /^\d{2} \d{2} \d{2}\*?$/;

/**
 * The taxonomy shipped with the project. The JSON import is typed loosely by TypeScript
 * (`family: string`); `validateTaxonomy` and its unit test are what guarantee the shape.
 *
 * @returns every category, in file order
 */
export function loadTaxonomy(): ResourceCategoryRecord[] {
  return data as ResourceCategoryRecord[];
}

/** The family root code of a family: `MATERIAL` → `material`. */
export function familyRootCode(family: ResourceFamily): string {
  return family.toLowerCase();
}

/** Number of levels below the family root: 0 for `energy`, 2 for `energy.waste-heat.low-temperature`. */
export function depthOf(code: string): number {
  return code.split('.').length - 1;
}

/**
 * Checks the integrity of a taxonomy, so that a bad edit of the data file fails its unit test
 * with a message naming the category, rather than failing at load time in the graph.
 *
 * @param records categories to check (usually `loadTaxonomy()`)
 * @returns human-readable problems, empty when the taxonomy is sound
 * @example validateTaxonomy([{ code: 'energy', family: 'ENERGY', parent: 'water', ... }])
 *   // ['energy: family root must have parent null, found "water"', ...]
 */
export function validateTaxonomy(records: readonly ResourceCategoryRecord[]): string[] {
  const problems: string[] = [];
  const families: readonly string[] = RESOURCE_FAMILIES;
  const byCode = new Map<string, ResourceCategoryRecord>();

  for (const record of records) {
    const code = record.code;
    if (byCode.has(code)) problems.push(`${code}: duplicate code`);
    else byCode.set(code, record);
    if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
      problems.push(`${code}: code must be lowercase dotted kebab-case words, e.g. "material.wood.pallets"`);
    }
    if (!families.includes(record.family)) {
      problems.push(`${code}: unknown family "${record.family}", expected one of ${families.join(', ')}`);
    }
    if (!isNonEmptyString(record.nameFr)) problems.push(`${code}: empty French name (nameFr)`);
    if (!isNonEmptyString(record.nameEn)) problems.push(`${code}: empty English name (nameEn)`);
    if (!Array.isArray(record.units) || record.units.length === 0 || !record.units.every(isNonEmptyString)) {
      problems.push(`${code}: units must list at least one unit, e.g. ["t/yr"]`);
    }
    if (!Array.isArray(record.synonyms) || !record.synonyms.every(isNonEmptyString)) {
      problems.push(`${code}: synonyms must be an array of non-empty strings`);
    } else {
      const upper = record.synonyms.filter((s) => s !== s.toLowerCase());
      if (upper.length > 0) problems.push(`${code}: synonyms must be lowercase, found ${upper.map((s) => `"${s}"`).join(', ')}`);
    }
    if (record.ewcCode !== null && !(typeof record.ewcCode === 'string' && EWC_PATTERN.test(record.ewcCode))) {
      problems.push(`${code}: EWC code "${record.ewcCode}" must read "NN NN NN" (or "NN NN NN*" when hazardous), or be null`);
    }
    if (depthOf(code) > MAX_DEPTH_BELOW_ROOT) {
      problems.push(`${code}: deeper than ${MAX_DEPTH_BELOW_ROOT} levels below its family root`);
    }
  }

  for (const family of families) {
    const root = byCode.get(family.toLowerCase());
    if (!root || root.family !== family || root.parent !== null) {
      problems.push(`family root "${family.toLowerCase()}" missing: add it with family ${family} and parent null`);
    }
  }

  for (const record of byCode.values()) {
    const { code, parent } = record;
    if (parent === null) {
      if (!families.some((f) => f.toLowerCase() === code)) {
        problems.push(`${code}: only the family roots (${families.map((f) => f.toLowerCase()).join(', ')}) may have parent null`);
      }
      continue;
    }
    const parentRecord = byCode.get(parent);
    if (!parentRecord) {
      problems.push(`${code}: unknown parent "${parent}"`);
      continue;
    }
    if (parentRecord.family !== record.family) {
      problems.push(`${code}: parent "${parent}" is of family ${parentRecord.family}, not ${record.family}`);
    }
    if (!code.startsWith(`${parent}.`)) {
      problems.push(`${code}: code must extend its parent's code ("${parent}.<word>")`);
    }
  }

  // A cycle cannot coexist with "code extends parent code", but the two rules are reported
  // separately so that a broken file names the real fault.
  const reported = new Set<string>();
  for (const start of byCode.values()) {
    const path: string[] = [];
    let current: ResourceCategoryRecord | undefined = start;
    while (current && current.parent !== null) {
      const at = path.indexOf(current.code);
      if (at >= 0) {
        const cycle = path.slice(at).sort().join(' → ');
        if (!reported.has(cycle)) {
          reported.add(cycle);
          problems.push(`cycle in parents: ${cycle}`);
        }
        break;
      }
      path.push(current.code);
      current = byCode.get(current.parent);
    }
  }

  return problems;
}

/**
 * One edge of `seeds/taxonomy/compatibilities.json`: an OFFER of category `from` can meet a NEED
 * of category `to`. Same-category and parent/child matches are implicit and never listed.
 */
export interface CategoryCompatibility {
  /** Category of the offer. */
  from: string;
  /** Category of the need the offer can feed. */
  to: string;
  /** In (0, 1]: 1 = direct substitute, 0.5 = usable after processing or upgrading, lower = marginal. */
  grade: number;
  /** One English sentence saying why, with the processing step if any. */
  rationale: string;
}

/**
 * The compatibility edges shipped with the project; `validateCompatibilities` and its unit test
 * guarantee their shape and their consistency with the taxonomy.
 *
 * @returns every edge, in file order
 */
export function loadCompatibilities(): CategoryCompatibility[] {
  return compatibilityData as CategoryCompatibility[];
}

/**
 * Checks compatibility edges against a taxonomy, so that a bad edit of the data file fails its
 * unit test with a message naming the edge.
 *
 * Reports: a code that is not a category, a grade outside (0, 1], an edge from a category to
 * itself, the same from→to pair twice, a pair where one category is an ancestor of the other
 * (already matched implicitly, so listing it would only blur the grade), and an empty rationale.
 *
 * @param edges edges to check (usually `loadCompatibilities()`)
 * @param categories the taxonomy they refer to (usually `loadTaxonomy()`)
 * @returns human-readable problems, empty when every edge is sound
 * @example validateCompatibilities([{ from: 'material.wood', to: 'material.wood.pallets', grade: 1, rationale: 'x' }], loadTaxonomy())
 *   // ['material.wood → material.wood.pallets: "material.wood" is an ancestor of "material.wood.pallets", a match that is already implicit']
 */
export function validateCompatibilities(
  edges: readonly CategoryCompatibility[], categories: readonly ResourceCategoryRecord[],
): string[] {
  const problems: string[] = [];
  const parentOf = new Map(categories.map((c) => [c.code, c.parent]));
  const seen = new Set<string>();

  for (const edge of edges) {
    const { from, to, grade, rationale } = edge;
    const label = `${from} → ${to}`;
    const unknown = [from, to].filter((code) => !parentOf.has(code));
    for (const code of new Set(unknown)) problems.push(`${label}: unknown category "${code}"`);
    if (typeof grade !== 'number' || !Number.isFinite(grade) || grade <= 0 || grade > 1) {
      problems.push(`${label}: grade ${String(grade)} must be a number in (0, 1]`);
    }
    if (!isNonEmptyString(rationale)) problems.push(`${label}: empty rationale`);
    if (from === to) {
      problems.push(`${label}: an edge from a category to itself is implicit, remove it`);
    } else if (unknown.length === 0) {
      if (isAncestor(from, to, parentOf)) {
        problems.push(`${label}: "${from}" is an ancestor of "${to}", a match that is already implicit`);
      } else if (isAncestor(to, from, parentOf)) {
        problems.push(`${label}: "${to}" is an ancestor of "${from}", a match that is already implicit`);
      }
    }
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) problems.push(`${label}: duplicate pair`);
    seen.add(key);
  }
  return problems;
}

// Walks the parent links (not the code prefixes) so that the rule holds for any taxonomy; the
// step limit keeps a cyclic, invalid taxonomy from looping.
function isAncestor(ancestor: string, code: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  let current = parentOf.get(code) ?? null;
  for (let steps = 0; current !== null && steps < parentOf.size; steps++) {
    if (current === ancestor) return true;
    current = parentOf.get(current) ?? null;
  }
  return false;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
