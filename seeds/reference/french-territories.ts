import communes from '@etalab/decoupage-administratif/data/communes.json';
import departements from '@etalab/decoupage-administratif/data/departements.json';
import epcis from '@etalab/decoupage-administratif/data/epci.json';
import epts from '@etalab/decoupage-administratif/data/ept.json';
import regions from '@etalab/decoupage-administratif/data/regions.json';
import decoupagePackage from '@etalab/decoupage-administratif/package.json';
import type { TerritoryLevel } from '../../server/domain/model';

/** A territory of the official hierarchy, with the keys of the territories it belongs to. */
export interface OfficialTerritory {
  key: string;
  code: string;
  name: string;
  level: TerritoryLevel;
  parentKeys: string[];
}

/** Version tag of the reference data, stored in the graph to reload only when it changes. */
// The suffix changes when the stored form changes (e.g. how names are folded for search).
export const FRENCH_TERRITORIES_VERSION = `decoupage-administratif@${decoupagePackage.version}+fold2`;

/**
 * The key that identifies a territory in the graph. Official codes collide across levels
 * (région "11" Île-de-France, département "11" Aude), so the key carries the level.
 */
export function territoryKey(level: TerritoryLevel, code: string): string {
  return `${level}:${code}`;
}

interface CommuneEntry { code: string; nom: string; type: string; departement?: string; region?: string; commune?: string }
interface GroupEntry { code: string; nom: string; membres: { code: string }[] }

/**
 * The French administrative hierarchy from the INSEE COG as packaged by
 * `@etalab/decoupage-administratif`: régions, départements, EPCI, EPT (Grand Paris), current
 * communes and municipal arrondissements (Paris, Lyon, Marseille).
 * Delegated and associated communes are left out: they are not administrative units any more.
 */
export function buildFrenchTerritories(): OfficialTerritory[] {
  const out: OfficialTerritory[] = [];
  for (const r of regions as { code: string; nom: string }[]) {
    out.push({ key: territoryKey('REGION', r.code), code: r.code, name: r.nom, level: 'REGION', parentKeys: [] });
  }
  for (const d of departements as { code: string; nom: string; region: string }[]) {
    out.push({ key: territoryKey('DEPARTEMENT', d.code), code: d.code, name: d.nom, level: 'DEPARTEMENT', parentKeys: [territoryKey('REGION', d.region)] });
  }
  const groupsOfCommune = new Map<string, string[]>();
  const addGroups = (list: GroupEntry[], level: TerritoryLevel) => {
    for (const group of list) {
      const key = territoryKey(level, group.code);
      out.push({ key, code: group.code, name: group.nom, level, parentKeys: [] });
      for (const member of group.membres) {
        groupsOfCommune.set(member.code, [...(groupsOfCommune.get(member.code) ?? []), key]);
      }
    }
  };
  addGroups(epcis as GroupEntry[], 'EPCI');
  addGroups(epts as GroupEntry[], 'EPT');
  for (const c of communes as CommuneEntry[]) {
    if (c.type === 'commune-actuelle') {
      const parents = [...(groupsOfCommune.get(c.code) ?? [])];
      if (c.departement) parents.push(territoryKey('DEPARTEMENT', c.departement));
      out.push({ key: territoryKey('COMMUNE', c.code), code: c.code, name: c.nom, level: 'COMMUNE', parentKeys: parents });
    } else if (c.type === 'arrondissement-municipal' && c.commune) {
      // Municipal arrondissements are stored as communes inside their city.
      out.push({ key: territoryKey('COMMUNE', c.code), code: c.code, name: c.nom, level: 'COMMUNE', parentKeys: [territoryKey('COMMUNE', c.commune)] });
    }
  }
  return out;
}
