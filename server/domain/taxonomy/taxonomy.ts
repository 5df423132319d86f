/**
 * The resource taxonomy: the reviewed data file `seeds/taxonomy/resource-categories.json`, its
 * record type and its integrity rules. Pure TypeScript: no Neo4j, no GraphQL.
 */
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

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
