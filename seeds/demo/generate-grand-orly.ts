/**
 * Generates `seeds/demo/grand-orly-seine-bievre.json`, the demo territory around the EPT
 * Grand-Orly Seine Bièvre (Val-de-Marne / Essonne), written for the ecoCIRC speed-meeting context.
 *
 * The actors, their words and their flows are authored by hand below; this script only adds what
 * is mechanical: external ids, postcodes, and positions spread deterministically around each
 * commune's centre. The JSON is the reviewed artefact; regenerate it after editing this file:
 *
 *   npx tsc --outDir /tmp/maillage-gen --rootDir . --module commonjs --target ES2022 --strict \
 *     seeds/demo/generate-grand-orly.ts && node /tmp/maillage-gen/seeds/demo/generate-grand-orly.js
 *
 * Every company, association and group is fictional (invented names, no real brand). The town
 * halls are real public bodies: their needs and offers are invented, neutral examples.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type ActorKind = 'COMPANY' | 'ESS_STRUCTURE' | 'LOCAL_AUTHORITY' | 'RESEARCH_EDUCATION' | 'SUPPORT_NETWORK' | 'CITIZEN_GROUP';
type Economy = 'CLASSIC' | 'ESS' | 'PUBLIC';
type Public = 'GENERAL_PUBLIC' | 'COMPANIES' | 'LOCAL_AUTHORITIES' | 'PEOPLE_IN_INSERTION' | 'PEOPLE_IN_PRECARITY'
  | 'YOUNG_PEOPLE' | 'SENIORS' | 'DISABLED_PEOPLE';
type Confidentiality = 'PUBLIC' | 'MEMBERS' | 'FACILITATORS' | 'PRIVATE';

interface Commune {
  name: string;
  postcode: string;
  /** Approximate town centre, WGS-84. */
  lat: number;
  lon: number;
  /** Actors are spread within this radius of the centre; kept small where the commune is small
   *  or a neighbour's centre is close, so that every point stays inside its commune. */
  radiusM: number;
}

// INSEE codes and postcodes from @etalab/decoupage-administratif (EPT 200058014); centres are
// approximate town centres (town hall / historic centre), rounded.
const COMMUNES: Record<string, Commune> = {
  '91027': { name: 'Athis-Mons', postcode: '91200', lat: 48.7050, lon: 2.3820, radiusM: 300 },
  '91326': { name: 'Juvisy-sur-Orge', postcode: '91260', lat: 48.6905, lon: 2.3772, radiusM: 250 },
  '91432': { name: 'Morangis', postcode: '91420', lat: 48.7020, lon: 2.3340, radiusM: 350 },
  '91479': { name: 'Paray-Vieille-Poste', postcode: '91550', lat: 48.7120, lon: 2.3600, radiusM: 300 },
  '91589': { name: 'Savigny-sur-Orge', postcode: '91600', lat: 48.6840, lon: 2.3500, radiusM: 400 },
  '91687': { name: 'Viry-Châtillon', postcode: '91170', lat: 48.6740, lon: 2.3755, radiusM: 350 },
  '94001': { name: 'Ablon-sur-Seine', postcode: '94480', lat: 48.7262, lon: 2.4180, radiusM: 200 },
  '94003': { name: 'Arcueil', postcode: '94110', lat: 48.8065, lon: 2.3345, radiusM: 300 },
  '94016': { name: 'Cachan', postcode: '94230', lat: 48.7920, lon: 2.3300, radiusM: 300 },
  '94021': { name: 'Chevilly-Larue', postcode: '94550', lat: 48.7700, lon: 2.3545, radiusM: 300 },
  '94022': { name: 'Choisy-le-Roi', postcode: '94600', lat: 48.7640, lon: 2.4080, radiusM: 300 },
  '94034': { name: 'Fresnes', postcode: '94260', lat: 48.7560, lon: 2.3215, radiusM: 350 },
  '94037': { name: 'Gentilly', postcode: '94250', lat: 48.8150, lon: 2.3420, radiusM: 200 },
  '94038': { name: "L'Haÿ-les-Roses", postcode: '94240', lat: 48.7775, lon: 2.3355, radiusM: 300 },
  '94041': { name: 'Ivry-sur-Seine', postcode: '94200', lat: 48.8145, lon: 2.3855, radiusM: 450 },
  '94043': { name: 'Le Kremlin-Bicêtre', postcode: '94270', lat: 48.8105, lon: 2.3570, radiusM: 250 },
  '94054': { name: 'Orly', postcode: '94310', lat: 48.7450, lon: 2.4000, radiusM: 400 },
  '94065': { name: 'Rungis', postcode: '94150', lat: 48.7470, lon: 2.3500, radiusM: 300 },
  '94073': { name: 'Thiais', postcode: '94320', lat: 48.7625, lon: 2.3860, radiusM: 350 },
  '94074': { name: 'Valenton', postcode: '94460', lat: 48.7469, lon: 2.4658, radiusM: 350 },
  '94076': { name: 'Villejuif', postcode: '94800', lat: 48.7900, lon: 2.3600, radiusM: 450 },
  '94077': { name: 'Villeneuve-le-Roi', postcode: '94290', lat: 48.7358, lon: 2.4286, radiusM: 300 },
  '94078': { name: 'Villeneuve-Saint-Georges', postcode: '94190', lat: 48.7350, lon: 2.4539, radiusM: 350 },
  '94081': { name: 'Vitry-sur-Seine', postcode: '94400', lat: 48.7900, lon: 2.3910, radiusM: 450 },
};

interface FlowSpec {
  direction: 'OFFER' | 'NEED';
  categoryCode: string;
  quantity: number;
  unit: string;
  description: string;
  temperatureC?: number;
  availableMonths?: number[];
  confidentiality: Confidentiality;
}

interface ActorSpec {
  communeCode: string;
  name: string;
  kind: ActorKind;
  economy: Economy;
  legalForm: string;
  nafCode: string;
  street: string;
  employees?: number;
  publics: Public[];
  description: string;
  activities: string;
  flows: FlowSpec[];
}

interface FlowOptions {
  /** Temperature in °C, for heat and steam. */
  t?: number;
  /** Months of availability, 1..12; absent = all year. */
  months?: number[];
  /** Confidentiality; PUBLIC when absent. */
  c?: Confidentiality;
}

const flow = (direction: 'OFFER' | 'NEED') =>
  (categoryCode: string, quantity: number, unit: string, description: string, options: FlowOptions = {}): FlowSpec => ({
    direction, categoryCode, quantity, unit, description,
    ...(options.t !== undefined ? { temperatureC: options.t } : {}),
    ...(options.months ? { availableMonths: options.months } : {}),
    confidentiality: options.c ?? 'PUBLIC',
  });
const offer = flow('OFFER');
const need = flow('NEED');

// Kind and economy pairs used below.
type KindEconomy = [ActorKind, Economy];
const COMPANY: KindEconomy = ['COMPANY', 'CLASSIC'];
const ESS: KindEconomy = ['ESS_STRUCTURE', 'ESS'];
const TOWN: KindEconomy = ['LOCAL_AUTHORITY', 'PUBLIC'];
const SCHOOL: KindEconomy = ['RESEARCH_EDUCATION', 'PUBLIC'];
const LAB: KindEconomy = ['RESEARCH_EDUCATION', 'CLASSIC'];
const NETWORK: KindEconomy = ['SUPPORT_NETWORK', 'ESS'];
const CLUB: KindEconomy = ['SUPPORT_NETWORK', 'CLASSIC'];
const CITIZENS: KindEconomy = ['CITIZEN_GROUP', 'ESS'];

// Publics, shortened.
const ALL: Public = 'GENERAL_PUBLIC';
const FIRMS: Public = 'COMPANIES';
const AUTHORITIES: Public = 'LOCAL_AUTHORITIES';
const INSERTION: Public = 'PEOPLE_IN_INSERTION';
const PRECARITY: Public = 'PEOPLE_IN_PRECARITY';
const YOUTH: Public = 'YOUNG_PEOPLE';
const SENIORS: Public = 'SENIORS';
const DISABLED: Public = 'DISABLED_PEOPLE';

// Heating season (October to April) and growing season, for seasonal flows.
const HEATING = [1, 2, 3, 4, 10, 11, 12];
const SUMMER = [5, 6, 7, 8, 9];
const GROWING = [3, 4, 5, 6, 7, 8, 9, 10];

const FICTIONAL = ' (organisation fictive)';
const actors: ActorSpec[] = [];

function actor(
  communeCode: string, name: string, [kind, economy]: KindEconomy, legalForm: string, nafCode: string,
  street: string, employees: number | undefined, publics: Public[], description: string, activities: string,
  flows: FlowSpec[],
): void {
  actors.push({ communeCode, name, kind, economy, legalForm, nafCode, street, employees, publics, description, activities, flows });
}

/** A company, association or group invented for the demo: its description says so. */
function fictional(
  communeCode: string, name: string, kindEconomy: KindEconomy, legalForm: string, nafCode: string,
  street: string, employees: number, publics: Public[], description: string, activities: string, flows: FlowSpec[],
): void {
  actor(communeCode, name, kindEconomy, legalForm, nafCode, street, employees, publics, description + FICTIONAL, activities, flows);
}

/** A real town hall: the body is real, every flow given to it is an invented, neutral example. */
function townHall(communeCode: string, activities: string, flows: FlowSpec[]): void {
  const commune = COMMUNES[communeCode];
  actor(communeCode, `Mairie de ${commune.name}`, TOWN, 'commune', '84.11Z', 'Hôtel de ville', undefined,
    [ALL, FIRMS, AUTHORITIES],
    `Commune membre de l'EPT Grand-Orly Seine Bièvre. Collectivité réelle : les besoins et offres indiqués sont fictifs, imaginés pour la démonstration.`,
    activities, flows);
}
