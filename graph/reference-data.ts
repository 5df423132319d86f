import { createHash } from 'node:crypto';
import { Db } from './database';
import { replaceCompatibilities, upsertCategories } from './repositories/category-repository';
import { getReferenceVersion, setReferenceVersion, upsertTerritories } from './repositories/territory-repository';
import { buildFrenchTerritories, FRENCH_TERRITORIES_VERSION, OfficialTerritory } from '../seeds/reference/french-territories';
import { loadCompatibilities, loadTaxonomy } from '../server/domain/taxonomy/taxonomy';
import { ResourceCategoryData } from '../server/domain/model';

const TERRITORY_BATCH = 2000;

/** The taxonomy data file as the graph stores it. */
export function taxonomyRows(): ResourceCategoryData[] {
  return loadTaxonomy().map((c) => ({
    code: c.code,
    nameFr: c.nameFr,
    nameEn: c.nameEn,
    family: c.family,
    parentCode: c.parent,
    ewcCode: c.ewcCode,
    units: c.units,
    synonyms: c.synonyms,
  }));
}

/**
 * Loads the reference data the application needs (resource taxonomy, French administrative
 * territories), each only when its version differs from the one recorded in the graph.
 * Territories go in batches with progress output: there are about 37,000 of them.
 */
export async function loadReferenceData(db: Db, log: (m: string) => void = () => undefined): Promise<void> {
  const categories = taxonomyRows();
  const compatibilities = loadCompatibilities();
  const taxonomyVersion = createHash('sha256').update(JSON.stringify([categories, compatibilities])).digest('hex').slice(0, 16);
  if ((await db.read((tx) => getReferenceVersion(tx, 'taxonomy'))) !== taxonomyVersion) {
    await db.write(async (tx) => {
      await upsertCategories(tx, categories);
      await replaceCompatibilities(tx, compatibilities);
      await setReferenceVersion(tx, 'taxonomy', taxonomyVersion);
    });
    log(`Resource taxonomy loaded: ${categories.length} categories, ${compatibilities.length} compatibility edges.`);
  }

  if ((await db.read((tx) => getReferenceVersion(tx, 'territories'))) !== FRENCH_TERRITORIES_VERSION) {
    // Parents first, so that PART_OF edges find their targets: régions, départements, groupings,
    // communes, then municipal arrondissements (part of their commune).
    const rank = (t: OfficialTerritory): number =>
      t.parentKeys.some((k) => k.startsWith('COMMUNE:')) ? 4 : { REGION: 0, DEPARTEMENT: 1, EPCI: 2, EPT: 2, COMMUNE: 3, CUSTOM: 5 }[t.level];
    const ordered = buildFrenchTerritories().sort((a, b) => rank(a) - rank(b));
    for (let i = 0; i < ordered.length; i += TERRITORY_BATCH) {
      const batch = ordered.slice(i, i + TERRITORY_BATCH);
      await db.write((tx) => upsertTerritories(tx, batch));
      log(`French territories: ${Math.min(i + TERRITORY_BATCH, ordered.length)}/${ordered.length}`);
    }
    await db.write((tx) => setReferenceVersion(tx, 'territories', FRENCH_TERRITORIES_VERSION));
  }
}
