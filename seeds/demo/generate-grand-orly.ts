/**
 * Generates `seeds/demo/grand-orly-seine-bievre.json`, the demo territory around the EPT
 * Grand-Orly Seine Bièvre (Val-de-Marne / Essonne), written for the ecoCIRC speed-meeting context.
 *
 * The actors, their words and their flows are authored by hand below; this script only adds what
 * is mechanical: external ids, postcodes, and positions spread deterministically around each
 * commune's centre. The JSON is the reviewed artefact; regenerate it after editing this file,
 * from the repository root:
 *
 *   npm run build && node dist/seeds/demo/generate-grand-orly.js
 *
 * or, without building the rest of the project:
 *
 *   npx tsc --outDir /tmp/maillage-gen --rootDir . --module commonjs --target ES2022 --strict --types node \
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
  /** NAF rev.2 code; absent for informal collectives, which have none. */
  nafCode?: string;
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
  communeCode: string, name: string, [kind, economy]: KindEconomy, legalForm: string, nafCode: string | undefined,
  street: string, employees: number | undefined, publics: Public[], description: string, activities: string,
  flows: FlowSpec[],
): void {
  actors.push({ communeCode, name, kind, economy, legalForm, nafCode, street, employees, publics, description, activities, flows });
}

/** A company, association or group invented for the demo: its description says so. */
function fictional(
  communeCode: string, name: string, kindEconomy: KindEconomy, legalForm: string, nafCode: string | undefined,
  street: string, employees: number, publics: Public[], description: string, activities: string, flows: FlowSpec[],
): void {
  actor(communeCode, name, kindEconomy, legalForm, nafCode, street, employees, publics, description + FICTIONAL, activities, flows);
}

/** A real town hall: the body is real, every flow given to it is an invented, neutral example. */
function townHall(communeCode: string, activities: string, flows: FlowSpec[]): void {
  const commune = COMMUNES[communeCode];
  // "Mairie d'Orly", "Mairie de Vitry-sur-Seine": French elides "de" before a vowel.
  const of = /^[AEIOUÉ]/.test(commune.name) ? "d'" : 'de ';
  actor(communeCode, `Mairie ${of}${commune.name}`, TOWN, 'commune', '84.11Z', 'Hôtel de ville', undefined,
    [ALL, FIRMS, AUTHORITIES],
    `Commune membre de l'EPT Grand-Orly Seine Bièvre. Collectivité réelle : les besoins et offres indiqués sont fictifs, imaginés pour la démonstration.`,
    activities, flows);
}

// ─── Ivry-sur-Seine ─────────────────────────────────────────────────────────────────────────
fictional('94041', 'Nuage Bleu Hébergement', COMPANY, 'SAS', '63.11Z', '41 quai Marcel Boyer', 38, [FIRMS],
  "Centre de données de colocation en bord de Seine, 4 MW informatiques.",
  "Nous hébergeons les serveurs de PME et d'administrations : colocation, cloud privé, supervision 24 h/24.",
  [
    offer('energy.waste-heat.low-temperature', 4200, 'MWh/yr', "Chaleur fatale des salles serveurs récupérable sur la boucle d'eau tiède à 35 °C, disponible toute l'année", { t: 35, c: 'MEMBERS' }),
    offer('material.weee.it-equipment', 300, 'units/yr', 'Serveurs réformés et baies de stockage en fin de contrat, effacement certifié des disques'),
    need('water.cooling', 25000, 'm3/yr', "Recherche une source d'eau non potable pour l'appoint des tours aéroréfrigérantes", { c: 'PRIVATE' }),
    offer('material.paper-cardboard.cardboard', 6, 't/yr', 'Cartons des livraisons de matériel, pliés et stockés sur palette'),
  ]);
fictional('94041', "Imprimerie Lumière d'Ivry", COMPANY, 'SARL', '18.12Z', '17 rue Westermeyer', 26, [FIRMS, AUTHORITIES],
  'Imprimerie offset et numérique de labeur : brochures, affiches, rapports annuels.',
  "On imprime pour les collectivités, les associations et les agences de communication du sud parisien.",
  [
    offer('material.paper-cardboard.paper', 45, 't/yr', 'Rognures et gâche papier blanc non encré, en balles', { c: 'MEMBERS' }),
    offer('material.wood.pallets', 900, 'units/yr', 'Palettes perdues des livraisons de papier, formats variés'),
    offer('material.solvents', 1.2, 't/yr', 'Solvants de nettoyage des blanchets, en fûts de 200 L', { c: 'FACILITATORS' }),
    need('service.waste-collection.hazardous', 4, 'trips/yr', "Enlèvement mutualisé des déchets dangereux (solvants, chiffons souillés) avec d'autres PME du quartier"),
  ]);
fictional('94041', 'La Puce Réparée', ESS, "SAS agréée ESUS (entreprise d'insertion)", '95.11Z', '8 rue Molière', 21, [ALL, INSERTION, PRECARITY],
  "Recyclerie numérique : collecte, reconditionnement et revente solidaire d'ordinateurs, par des salariés en insertion.",
  "Nous donnons une deuxième vie aux ordinateurs des entreprises et les proposons à prix solidaire aux familles et associations.",
  [
    need('material.weee.it-equipment', 2500, 'units/yr', 'Ordinateurs portables, unités centrales et écrans de moins de 8 ans, même en panne'),
    offer('material.weee.it-equipment', 900, 'units/yr', 'Ordinateurs reconditionnés garantis un an pour associations et collectivités'),
    offer('expertise.training', 400, 'h/yr', 'Formation au reconditionnement et au diagnostic informatique, accueil de stagiaires'),
  ]);
fictional('94041', 'Pédalfret Coopérative', ESS, 'SCOP SARL', '53.20Z', '62 avenue Maurice Thorez', 22, [FIRMS],
  'Coopérative de cyclologistique : livraison du dernier kilomètre en vélos-cargos électriques. Environ 70 % de notre activité se fait avec des transporteurs classiques.',
  "Nous livrons Paris et la petite couronne à vélo-cargo pour les transporteurs, les commerçants et les artisans.",
  [
    offer('logistics.cycle-logistics', 9000, 'trips/yr', 'Tournées de livraison à vélo-cargo jusqu\'à 150 kg, Paris et Val-de-Marne nord'),
    offer('equipment.vehicles.cargo-bike', 120, 'days/yr', 'Location de vélos-cargos le week-end pour des événements ou des associations', { c: 'MEMBERS' }),
    need('logistics.warehousing', 300, 'm2', 'Cherche un hub urbain de 300 m² en rez-de-chaussée pour le tri des colis'),
    offer('service.waste-collection.cardboard', 600, 'trips/yr', 'Collecte des cartons et papiers des commerces et bureaux à vélo-cargo'),
    need('service.maintenance.repair', 300, 'h/yr', 'Maintenance des vélos-cargos : freins, transmissions, moteurs électriques'),
  ]);
fictional('94041', 'Atelier Maille & Trame', COMPANY, 'SAS', '14.13Z', '23 rue Lénine', 30, [FIRMS],
  'Atelier de confection de prêt-à-porter haut de gamme, fabrication en petites séries.',
  "Nous coupons et assemblons des collections pour des marques de créateurs parisiennes.",
  [
    offer('material.textile.offcuts', 8, 't/yr', 'Chutes de tissu (laine, coton, soie) et fins de rouleaux triés par matière'),
    need('expertise.training', 300, 'h/yr', 'Recherche des couturières et mécaniciennes formées, partenariat avec un atelier d\'insertion'),
    need('logistics.cycle-logistics', 400, 'trips/yr', 'Navettes vers les showrooms du Marais, idéalement à vélo'),
  ]);
fictional('94041', 'Négoce Matériaux Bièvre-Seine', COMPANY, 'SAS', '46.73A', '5 quai Auguste Deshaies', 45, [FIRMS],
  'Négoce de matériaux de construction pour artisans et entreprises du BTP.',
  "Nous distribuons ciment, plâtre, carrelage, sanitaires et bois aux artisans du Val-de-Marne.",
  [
    offer('material.wood.pallets', 6000, 'units/yr', 'Palettes non consignées récupérées chez nos clients artisans'),
    offer('material.plastic.film', 12, 't/yr', 'Film étirable et housses de palettisation propres'),
    offer('material.packaging.big-bags', 1500, 'units/yr', 'Big bags de sable et gravillons vidés, réutilisables'),
    offer('material.construction.reusable-elements', 20, 't/yr', 'Fins de série de carrelage, sanitaires et portes neuves invendues'),
    need('logistics.transport.shared-trips', 200, 'trips/yr', 'Partage de camions pour les livraisons en retour à vide vers l\'Essonne'),
  ]);
fictional('94041', "Les Réemployeurs d'Ivry", ESS, 'association loi 1901', '47.79Z', '14 rue Jean Le Galleu', 11, [ALL, FIRMS, INSERTION],
  'Ressourcerie de matériaux de construction : collecte, tri et revente de matériaux de réemploi.',
  "Nous récupérons les matériaux des chantiers et les revendons aux particuliers, artisans et associations.",
  [
    need('material.construction.reusable-elements', 150, 't/yr', 'Portes, radiateurs, faux plafonds, dalles de moquette, sanitaires en bon état issus de curages'),
    offer('material.construction.reusable-elements', 110, 't/yr', 'Matériaux de réemploi contrôlés et référencés, vendus au poids ou à la pièce'),
    need('equipment.vehicles.truck', 60, 'days/yr', 'Camion porteur avec hayon pour les collectes sur chantier'),
    need('logistics.warehousing', 400, 'm2', 'Surface couverte de stockage pour les matériaux en attente de tri', { c: 'MEMBERS' }),
  ]);
fictional('94041', "Lab'Matière Circulaire", LAB, 'SAS', '72.19Z', '3 rue Paul Andrieux', 12, [FIRMS, AUTHORITIES],
  "Laboratoire privé de recherche sur les matériaux biosourcés et issus de déchets.",
  "Nous développons des panneaux et isolants à partir de coproduits : marc de café, textiles, fibres végétales.",
  [
    need('material.biowaste.coffee-grounds', 10, 't/yr', 'Marc de café séché pour essais de panneaux composites'),
    need('material.textile.offcuts', 5, 't/yr', "Chutes de tissu coton et laine pour des isolants textiles"),
    offer('expertise.research', 80, 'days/yr', 'Essais de caractérisation de matières secondaires, accompagnement R&D de PME'),
    offer('expertise.eco-design', 40, 'days/yr', 'Écoconception et analyse de cycle de vie simplifiée de produits'),
  ]);
fictional('94041', 'Toques & Trajectoires', ESS, "association loi 1901 (atelier et chantier d'insertion)", '56.21Z', '27 rue Marat', 34, [ALL, INSERTION],
  "Traiteur d'insertion : cuisine centrale qui forme aux métiers de la restauration.",
  "Nous préparons des buffets et des repas pour les entreprises et les collectivités tout en formant des cuisiniers.",
  [
    offer('material.biowaste.food', 40, 't/yr', 'Épluchures et restes de préparation triés à la source', { c: 'MEMBERS' }),
    offer('material.oils.cooking', 1.5, 't/yr', 'Huiles de friture usagées en bidons de 20 L'),
    offer('equipment.kitchen', 600, 'h/yr', 'Cuisine professionnelle disponible le week-end et le soir pour des porteurs de projet'),
    need('material.unsold-goods.food', 30, 't/yr', 'Fruits et légumes invendus consommables pour nos menus et nos ateliers anti-gaspillage'),
  ]);
fictional('94041', 'Foyers de la Seine', COMPANY, "SA d'HLM", '68.20A', '9 avenue Georges Gosnat', 85, [ALL, PRECARITY, SENIORS],
  "Bailleur social : 6 000 logements dans le Val-de-Marne.",
  "Nous construisons, rénovons et gérons des logements sociaux et accompagnons nos locataires.",
  [
    need('energy.heat.space-heating', 2600, 'MWh/yr', "Chaleur de récupération pour une résidence de 320 logements, boucle basse température à 55 °C avec pompe à chaleur", { t: 55, months: HEATING }),
    offer('equipment.premises', 250, 'm2', 'Locaux vacants en pied d\'immeuble pour activités associatives ou artisanales'),
    need('service.maintenance.green-spaces', 1200, 'h/yr', 'Entretien des espaces verts de trois résidences, ouvert aux structures d\'insertion'),
  ]);
townHall('94041', "Services municipaux : écoles, équipements sportifs, espaces verts, action sociale, développement économique.", [
  need('energy.heat.pool', 1800, 'MWh/yr', "Étude d'opportunité : chauffer l'eau d'un bassin sportif par récupération de chaleur", { t: 32 }),
  offer('material.biowaste.green', 120, 't/yr', 'Tontes et résidus de taille des parcs municipaux', { months: GROWING }),
  need('material.construction.reusable-elements', 40, 't/yr', 'Matériaux de réemploi pour la rénovation d\'un groupe scolaire (menuiseries, sanitaires, revêtements)'),
]);
fictional('94041', "Brasserie Houblon d'Ivry", COMPANY, 'SARL', '11.05Z', '31 rue Victor Hugo', 9, [ALL, FIRMS],
  'Microbrasserie artisanale et taproom.',
  "Nous brassons des bières de fermentation haute avec des malts franciliens.",
  [
    offer('material.biowaste.agrifood', 60, 't/yr', 'Drêches de brasserie fraîches, deux enlèvements par semaine'),
    offer('energy.waste-heat.medium-temperature', 150, 'MWh/yr', 'Buées et eau chaude de refroidissement du moût à 80 °C', { t: 80 }),
    need('material.glass', 20, 't/yr', 'Bouteilles en verre lavées pour le réemploi (consigne)'),
  ]);
fictional('94041', 'Collectif Ivry Zéro Gaspi', CITIZENS, 'collectif informel', '94.99Z', '2 place Voltaire', 0, [ALL, PRECARITY],
  'Collectif d\'habitants qui anime un frigo solidaire et des ateliers anti-gaspillage.',
  "Nous récupérons les invendus des commerces pour un frigo en libre-service et cuisinons ensemble.",
  [
    need('material.unsold-goods.food', 3, 't/yr', 'Invendus alimentaires frais pour le frigo solidaire du quartier'),
    offer('expertise.skills-sharing', 60, 'h/yr', 'Ateliers cuisine anti-gaspillage pour les salariés et les habitants'),
  ]);
fictional('94041', 'Débarras & Compagnie', ESS, "SAS agréée ESUS (entreprise d'insertion)", '49.42Z', '45 rue Jean-Jacques Rousseau', 38, [ALL, FIRMS, INSERTION],
  "Entreprise d'insertion de déménagement et de débarras.",
  "Nous vidons bureaux, caves et appartements et orientons tout ce qui peut l'être vers le réemploi.",
  [
    offer('material.furniture', 60, 't/yr', 'Mobilier de bureau et meubles récupérés lors des débarras, triés'),
    offer('equipment.vehicles.utility-van', 40, 'days/yr', 'Fourgons 20 m³ disponibles avec chauffeur en semaine creuse'),
    offer('expertise.staff-sharing', 200, 'days/yr', 'Mise à disposition de manutentionnaires en parcours d\'insertion'),
    need('logistics.warehousing', 200, 'm2', 'Stockage tampon entre débarras et dons'),
  ]);
fictional('94041', 'Pôle ESS Seine-Amont', NETWORK, 'association loi 1901', '94.99Z', '18 rue Raspail', 4, [FIRMS, AUTHORITIES],
  "Pôle territorial de coopération économique (PTCE) réunissant structures de l'ESS, entreprises et collectivités.",
  "Nous mutualisons les moyens des structures de l'ESS et montons des offres communes avec des entreprises classiques.",
  [
    offer('expertise.skills-sharing', 200, 'h/yr', 'Animation de rencontres ESS-entreprises, partage de savoir-faire et de retours d\'expérience'),
    offer('service.joint-purchasing', 40, 'units/yr', 'Groupement d\'achat de fournitures et d\'assurances pour les structures membres'),
    offer('equipment.premises.meeting-room', 80, 'days/yr', 'Salle de réunion de 30 places prêtée aux adhérents'),
  ]);

// ─── Vitry-sur-Seine ────────────────────────────────────────────────────────────────────────
townHall('94081', "Services municipaux : enfance, écoles, sport, espaces verts, urbanisme, emploi.", [
  need('material.construction.reusable-elements', 60, 't/yr', "Matériaux de réemploi pour la construction d'un groupe scolaire : cloisons, menuiseries, faux plafonds"),
  need('energy.heat.space-heating', 700, 'MWh/yr', 'Étude : chauffage d\'un gymnase par une boucle d\'eau tiède', { t: 45, months: HEATING }),
  offer('equipment.premises.meeting-room', 60, 'days/yr', 'Salles municipales prêtées aux associations et aux rencontres d\'entreprises'),
  offer('material.biowaste.green', 250, 't/yr', 'Déchets verts des parcs et des alignements d\'arbres', { months: GROWING }),
]);
fictional('94081', 'Baie Sud Colocation', COMPANY, 'SAS', '63.11Z', '12 rue Léon Geffroy', 25, [FIRMS],
  'Centre de données de proximité sur la zone des Ardoines.',
  "Nous louons des baies et des cages sécurisées et exploitons le cloud de nos clients.",
  [
    offer('energy.waste-heat.low-temperature', 6000, 'MWh/yr', 'Chaleur fatale du refroidissement des serveurs, eau à 45 °C en sortie de groupes froids', { t: 45, c: 'MEMBERS' }),
    offer('material.plastic.film', 3, 't/yr', 'Films et sachets antistatiques des livraisons'),
    need('water.cooling', 40000, 'm3/yr', 'Eau de nappe ou eau brute pour le refroidissement adiabatique', { c: 'FACILITATORS' }),
  ]);
fictional('94081', 'Bétons Seine-Amont', COMPANY, 'SAS', '23.63Z', '80 quai Jules Guesde', 22, [FIRMS],
  'Centrale à béton prêt à l\'emploi, approvisionnée par la Seine.',
  "Nous produisons du béton pour les chantiers du Grand Paris et recyclons nos eaux de lavage.",
  [
    need('material.construction.rubble', 8000, 't/yr', 'Béton concassé et granulats recyclés pour substitution partielle des granulats naturels'),
    offer('water.process', 3000, 'm3/yr', 'Eaux de lavage des toupies décantées, réutilisables pour du lavage'),
    offer('logistics.transport.river', 15000, 't/yr', 'Capacité disponible sur nos barges au retour de chargement'),
    need('water.rainwater', 4000, 'm3/yr', 'Eaux pluviales pour la fabrication et le nettoyage des pistes'),
  ]);
fictional('94081', 'Démolitions des Ardoines', COMPANY, 'SAS', '43.11Z', '27 rue Pierre Sémard', 60, [FIRMS, AUTHORITIES],
  'Entreprise de démolition, curage et désamiantage.',
  "Nous démolissons et curons des bâtiments industriels et tertiaires en triant sur site.",
  [
    offer('material.construction.rubble', 25000, 't/yr', 'Gravats de béton et de maçonnerie triés, sans plâtre'),
    offer('material.metal.ferrous', 800, 't/yr', 'Ferraille et aciers d\'armature issus des démolitions'),
    offer('material.construction.reusable-elements', 120, 't/yr', 'Éléments de réemploi déposés avec soin : portes, garde-corps, luminaires, radiateurs'),
    offer('material.construction.plasterboard', 200, 't/yr', 'Plaques de plâtre déposées, triées pour recyclage'),
    offer('service.selective-deconstruction', 30000, 'm2', 'Curage et dépose soignée avec diagnostic ressources (PEMD)'),
  ]);
fictional('94081', 'Pleurotes des Ardoines', ESS, 'SCIC SAS', '01.13Z', '6 rue Camille Groult', 9, [ALL, INSERTION],
  "Ferme urbaine en sous-sol : champignons cultivés sur marc de café, serre pédagogique sur le toit.",
  "Nous cultivons des pleurotes sur du marc de café collecté à vélo et formons des jeunes au maraîchage urbain.",
  [
    need('material.biowaste.coffee-grounds', 80, 't/yr', 'Marc de café collecté frais (moins de 48 h) auprès des bureaux et restaurants'),
    need('energy.heat.greenhouse', 400, 'MWh/yr', 'Chaleur à 30-35 °C pour la serre pédagogique en hiver', { t: 35, months: HEATING }),
    offer('material.biowaste.compost', 120, 't/yr', 'Substrat de culture usagé, excellent amendement organique'),
    offer('expertise.training', 150, 'h/yr', 'Ateliers et formations à l\'agriculture urbaine'),
  ]);
fictional('94081', 'Peintures Techniques de Vitry', COMPANY, 'SAS', '20.30Z', '44 rue Édouard Tremblay', 55, [FIRMS],
  'Fabricant de peintures industrielles et de vernis.',
  "Nous formulons des peintures anticorrosion et des vernis pour l'industrie et le bâtiment.",
  [
    offer('material.solvents', 18, 't/yr', 'Solvants de nettoyage des cuves, régénérables', { c: 'FACILITATORS' }),
    offer('material.packaging.ibc', 400, 'units/yr', 'Cuves IBC 1 000 L vidées et égouttées, résines non dangereuses'),
    offer('energy.waste-heat.medium-temperature', 900, 'MWh/yr', 'Air chaud des étuves de séchage à 70 °C', { t: 70, c: 'MEMBERS' }),
    need('service.waste-collection.hazardous', 12, 'trips/yr', 'Collecte des déchets dangereux à mutualiser avec les voisins de la zone'),
  ]);
fictional('94081', 'Mécanique de Précision Rouget', COMPANY, 'SARL', '25.62B', '15 avenue Rouget de Lisle', 34, [FIRMS],
  'Usinage de précision pour l\'aéronautique et le ferroviaire.',
  "Nous usinons des pièces en acier et en aluminium sur des centres d'usinage cinq axes.",
  [
    offer('material.metal.ferrous', 60, 't/yr', 'Copeaux et chutes d\'acier triés par nuance'),
    offer('material.metal.aluminium', 12, 't/yr', 'Chutes et copeaux d\'aluminium égouttés'),
    offer('material.oils.mineral', 4, 't/yr', 'Huiles de coupe et huiles hydrauliques usagées', { c: 'FACILITATORS' }),
    need('expertise.training', 400, 'h/yr', 'Accueil d\'apprentis en usinage, partenariat avec un lycée professionnel'),
  ]);
fictional('94081', 'Atelier Aiguille & Avenir', ESS, "association loi 1901 (atelier et chantier d'insertion)", '88.99B', '38 rue Jules Ferry', 24, [INSERTION, FIRMS],
  "Atelier et chantier d'insertion en couture et retouche.",
  "Nous formons des femmes éloignées de l'emploi à la couture en fabriquant des sacs et des accessoires à partir de textiles récupérés.",
  [
    need('material.textile.offcuts', 10, 't/yr', 'Chutes de tissu et fins de rouleaux de toutes matières pour nos fabrications'),
    need('equipment.machines.sewing', 15, 'units/yr', 'Machines à coudre industrielles et surjeteuses réformées'),
    offer('expertise.training', 2000, 'h/yr', 'Parcours de formation couture, mise en relation avec des ateliers qui recrutent'),
    offer('service.maintenance.repair', 500, 'h/yr', 'Réparation et retouche de tenues de travail pour les entreprises'),
  ]);
fictional('94081', 'Fournil Industriel du Val', COMPANY, 'SAS', '10.71A', '70 rue Charles Fourier', 140, [FIRMS],
  'Boulangerie industrielle : pains et viennoiseries pour la restauration collective.',
  "Nous produisons chaque nuit 40 000 pains pour les cantines, hôpitaux et hôtels d'Île-de-France.",
  [
    offer('energy.waste-heat.medium-temperature', 3100, 'MWh/yr', 'Chaleur des fumées et des buées des fours à sole, récupérable à 85 °C', { t: 85, c: 'MEMBERS' }),
    offer('material.unsold-goods.food', 60, 't/yr', 'Pains et viennoiseries invendus du jour, consommables'),
    offer('material.paper-cardboard.cardboard', 40, 't/yr', 'Cartons d\'emballage des matières premières'),
    need('service.waste-collection.biowaste', 50, 't/yr', 'Collecte des pâtes crues et rebuts de cuisson'),
  ]);
fictional('94081', 'Entrepôts Seine Sud', COMPANY, 'SAS', '52.10B', '101 boulevard de Stalingrad', 80, [FIRMS],
  'Entrepôt logistique multi-clients de 25 000 m² près de la Seine.',
  "Nous stockons et préparons des commandes pour la distribution et le e-commerce.",
  [
    offer('material.wood.pallets', 12000, 'units/yr', 'Palettes cassées ou hors standard, en tas triés'),
    offer('material.plastic.film', 35, 't/yr', 'Film étirable de dépalettisation, propre, en balles'),
    offer('logistics.warehousing', 1500, 'm2', 'Surfaces de stockage temporaire disponibles hors saison haute', { months: [1, 2, 3, 6, 7, 8] }),
    need('logistics.cycle-logistics', 3000, 'trips/yr', 'Prestataire de livraison du dernier kilomètre à vélo vers Paris'),
  ]);
actor('94081', 'Lycée professionnel des métiers du bâtiment Les Ardoises (fictif)', SCHOOL, 'établissement public local d\'enseignement', '85.32Z', '22 avenue Paul Vaillant-Couturier', 90, [YOUTH],
  "Lycée professionnel du bâtiment : menuiserie, maçonnerie, électricité. Établissement fictif créé pour la démonstration.",
  "Nous formons 600 élèves aux métiers du bâtiment et cherchons des matériaux pour les ateliers.",
  [
    need('material.wood.untreated', 6, 't/yr', 'Bois massif et chutes de bois non traité pour les ateliers de menuiserie'),
    need('material.construction.reusable-elements', 10, 't/yr', 'Portes, fenêtres et éléments de réemploi pour les exercices pratiques'),
    offer('expertise.training', 3000, 'h/yr', 'Élèves en stage et apprentis disponibles pour les entreprises du territoire'),
    offer('equipment.machines.woodworking', 300, 'h/yr', 'Parc de machines à bois disponible pendant les vacances scolaires', { months: [7, 8] }),
  ]);
fictional('94081', 'Garage du Moulin Vert', COMPANY, 'SARL', '45.20A', '55 rue Gabriel Péri', 8, [ALL],
  'Garage indépendant : mécanique, pneumatiques, entretien toutes marques.',
  "Nous entretenons et réparons les véhicules des particuliers et des artisans du quartier.",
  [
    offer('material.tyres', 1200, 'units/yr', 'Pneus usagés, dont une partie réutilisable en occasion'),
    offer('material.oils.mineral', 3, 't/yr', 'Huiles de vidange stockées en cuve', { c: 'MEMBERS' }),
    offer('expertise.skills-sharing', 80, 'h/yr', 'Partage de savoir-faire avec un garage solidaire : diagnostic électronique, outillage'),
  ]);
fictional('94081', 'Ressourcerie La Boussole', ESS, 'association loi 1901', '47.79Z', '9 rue Eugène Pelletan', 19, [ALL, PRECARITY, INSERTION],
  'Ressourcerie de quartier : collecte, valorisation et vente d\'objets de seconde main.',
  "Nous collectons meubles, vaisselle, livres et vêtements et les revendons à petits prix dans notre boutique.",
  [
    need('material.furniture', 80, 't/yr', 'Meubles et mobilier de bureau en bon état, dons d\'entreprises bienvenus'),
    need('material.unsold-goods.non-food', 10, 't/yr', 'Invendus non alimentaires (vaisselle, décoration, jouets) des commerces'),
    offer('material.textile.clothing', 25, 't/yr', 'Vêtements non vendus après tri, pour les filières textiles'),
    need('equipment.vehicles.utility-van', 50, 'days/yr', 'Prêt d\'un utilitaire pour les collectes à domicile'),
  ]);
fictional('94081', 'Clinique des Coteaux de Seine', COMPANY, 'SAS', '86.10Z', '60 avenue Henri Barbusse', 420, [ALL, SENIORS],
  'Établissement de santé privé : chirurgie, soins de suite et réadaptation, 220 lits.',
  "Nous soignons les habitants du sud-est parisien et réduisons l'empreinte environnementale de nos services.",
  [
    offer('material.biowaste.food', 70, 't/yr', 'Biodéchets de la cuisine et des plateaux-repas', { c: 'MEMBERS' }),
    need('service.laundry', 300, 't/yr', 'Entretien du linge plat et des tenues, ouvert à une blanchisserie d\'insertion'),
    offer('material.weee.it-equipment', 400, 'units/yr', 'Postes informatiques et écrans renouvelés chaque année, données effacées', { c: 'MEMBERS' }),
    need('energy.heat.domestic-hot-water', 1200, 'MWh/yr', 'Préchauffage de l\'eau chaude sanitaire à 55 °C par récupération de chaleur', { t: 55 }),
  ]);
fictional('94081', 'Menuiserie Tremblay & Fils', COMPANY, 'SARL', '16.23Z', '19 rue Édouard Tremblay', 15, [ALL, FIRMS],
  'Menuiserie bois : escaliers, agencement, fenêtres sur mesure.',
  "Nous fabriquons escaliers, placards et menuiseries sur mesure en chêne et en pin.",
  [
    offer('material.wood.untreated', 40, 't/yr', 'Sciure, copeaux et chutes de bois massif non traité, en big bags'),
    offer('material.wood', 12, 't/yr', 'Chutes de panneaux de contreplaqué et de MDF'),
    need('expertise.eco-design', 10, 'days/yr', 'Accompagnement en écoconception pour une gamme de mobilier'),
  ]);
fictional('94081', 'La Rustine vitriote', ESS, 'association loi 1901', '95.29Z', '7 rue Diderot', 4, [ALL, YOUTH],
  'Atelier vélo participatif et solidaire.',
  "Nous apprenons à chacun à réparer son vélo et remettons en état des vélos abandonnés.",
  [
    offer('service.maintenance.repair', 800, 'h/yr', 'Réparation de flottes de vélos d\'entreprise sur site'),
    offer('expertise.training', 200, 'h/yr', 'Vélo-école et ateliers mécanique pour salariés et habitants'),
    need('equipment.premises.workshop', 80, 'm2', 'Local d\'activité de 80 m² en rez-de-chaussée pour l\'atelier'),
  ]);
fictional('94081', 'Seine-Amont Entreprendre', CLUB, 'association loi 1901', '94.11Z', '3 rue Berthie Albrecht', 3, [FIRMS],
  "Club d'entreprises de la zone Seine-Amont.",
  "Nous réunissons les dirigeants de la zone d'activités et portons des projets collectifs : déchets, mobilité, énergie.",
  [
    offer('service.joint-purchasing', 9000, 'MWh/yr', 'Achat groupé d\'électricité pour les adhérents'),
    offer('expertise.skills-sharing', 150, 'h/yr', 'Réseau de dirigeants : parrainage et partage de retours d\'expérience'),
    need('expertise.waste-audit', 20, 'days/yr', 'Diagnostic des flux de déchets de la zone pour monter une collecte mutualisée'),
  ]);
fictional('94081', "Saveurs d'Orient Traiteur", COMPANY, 'SAS', '10.85Z', '33 rue Anatole France', 48, [FIRMS],
  'Fabrication de plats cuisinés et de mezzés pour la grande distribution.',
  "Nous cuisinons chaque jour 8 tonnes de plats frais pour les enseignes d'Île-de-France.",
  [
    offer('material.biowaste.food', 35, 't/yr', 'Épluchures et rebuts de fabrication triés', { c: 'MEMBERS' }),
    offer('material.oils.cooking', 3, 't/yr', 'Huiles de friture usagées'),
    need('equipment.storage.cold-room', 60, 'm2', 'Chambre froide positive en location temporaire pendant le Ramadan', { months: [3, 4] }),
    need('logistics.transport.refrigerated', 150, 'trips/yr', 'Partage de tournées frigorifiques vers les plateformes de la grande distribution'),
  ]);
fictional('94081', 'Plateforme EIT Seine-Bièvre', NETWORK, 'association loi 1901', '70.22Z', '11 rue Rabelais', 5, [FIRMS, AUTHORITIES],
  "Plateforme d'animation de l'écologie industrielle et territoriale.",
  "Nous cartographions les flux des entreprises, animons des ateliers et suivons les synergies jusqu'à leur mise en œuvre.",
  [
    offer('expertise.waste-audit', 60, 'days/yr', 'Diagnostics de flux et ateliers de détection de synergies'),
    offer('expertise.skills-sharing', 100, 'h/yr', 'Animation de speed meetings entreprises-collectivités'),
    offer('service.joint-purchasing', 12, 'units/yr', 'Coordination d\'appels d\'offres groupés (collecte de déchets, énergie)'),
  ]);

// ─── Rungis ─────────────────────────────────────────────────────────────────────────────────
fictional('94065', 'Vergers de la Halle', COMPANY, 'SAS', '46.31Z', '12 rue de la Tour', 28, [FIRMS],
  'Grossiste en fruits et légumes sur le marché de gros.',
  "Nous approvisionnons primeurs, restaurateurs et cantines en fruits et légumes de saison.",
  [
    offer('material.biowaste.market-waste', 400, 't/yr', 'Fruits et légumes abîmés et écarts de tri, non consommables', { c: 'MEMBERS' }),
    offer('material.unsold-goods.food', 120, 't/yr', 'Fruits et légumes invendus encore consommables, à enlever sous 24 h'),
    offer('material.paper-cardboard.cardboard', 60, 't/yr', 'Cartons de fruits vidés, à plat'),
    need('service.waste-collection.biowaste', 400, 't/yr', 'Collecte quotidienne des biodéchets, mutualisable avec les voisins du pavillon'),
  ]);
fictional('94065', 'Marée du Plateau', COMPANY, 'SAS', '46.38A', '4 avenue des Halles', 22, [FIRMS],
  'Mareyeur-grossiste en poissons et fruits de mer.',
  "Nous livrons poissonniers et restaurants de la région parisienne chaque matin.",
  [
    offer('material.plastic.expanded-polystyrene', 45, 't/yr', 'Caisses polystyrène à poisson, rincées et égouttées'),
    need('equipment.storage.cold-room', 40, 'm2', 'Chambre froide positive supplémentaire pour les fêtes de fin d\'année', { months: [11, 12] }),
    need('logistics.transport.shared-trips', 250, 'trips/yr', 'Partage de tournées frigorifiques vers les poissonneries de l\'Essonne'),
  ]);
fictional('94065', 'Fleurs & Feuillages du Marché', COMPANY, 'SARL', '46.22Z', '8 rue des Jardins', 15, [FIRMS],
  'Grossiste en fleurs coupées et plantes vertes.',
  "Nous vendons fleurs et feuillages aux fleuristes et décorateurs événementiels.",
  [
    offer('material.biowaste.green', 90, 't/yr', 'Tiges, feuillages et fleurs fanées, sans plastique'),
    offer('material.plastic', 8, 't/yr', 'Pots horticoles et seaux plastiques réutilisables'),
    need('service.waste-collection.cardboard', 25, 't/yr', 'Collecte des cartons de transport des fleurs'),
  ]);
fictional('94065', 'Glacière du Plateau', COMPANY, 'SAS', '52.10A', '21 rue du Pont des Halles', 60, [FIRMS],
  'Entrepôt frigorifique : froid positif et négatif, 40 000 m³.',
  "Nous stockons sous température dirigée les produits frais et surgelés des grossistes.",
  [
    offer('equipment.storage.cold-room', 800, 'm2', 'Cellules froides positives et négatives louables à la semaine', { c: 'MEMBERS' }),
    offer('energy.waste-heat.low-temperature', 2500, 'MWh/yr', 'Chaleur des condenseurs des groupes froids à 35 °C', { t: 35 }),
    offer('material.wood.pallets', 3000, 'units/yr', 'Palettes en bois hors standard'),
    need('energy.electricity', 3000, 'MWh/yr', 'Électricité renouvelable locale, intérêt pour de l\'autoconsommation collective'),
  ]);
fictional('94065', 'Froidroute Val-de-Bièvre', COMPANY, 'SAS', '49.41A', '2 rue de la Belle Étoile', 75, [FIRMS],
  'Transporteur routier sous température dirigée.',
  "Nous livrons les produits frais du marché de gros vers les magasins et restaurants d'Île-de-France.",
  [
    offer('logistics.transport.refrigerated', 300, 'trips/yr', 'Places disponibles dans nos porteurs frigorifiques en fin de tournée'),
    offer('logistics.transport.shared-trips', 400, 'trips/yr', 'Retours à vide vers le marché de gros depuis l\'Essonne et la Seine-et-Marne'),
    offer('material.oils.mineral', 6, 't/yr', 'Huiles moteur usagées de l\'atelier poids lourds', { c: 'FACILITATORS' }),
  ]);
fictional('94065', 'Les Saules Bleus Gestion', COMPANY, 'SAS', '68.20B', '1 allée des Saules', 10, [FIRMS],
  'Gestionnaire d\'un parc d\'activités tertiaires de 18 bâtiments.',
  "Nous louons des bureaux et locaux d'activité et gérons les services communs du parc.",
  [
    offer('equipment.premises.office', 1200, 'm2', 'Bureaux vacants louables en courte durée ou en bail précaire'),
    offer('water.rainwater', 8000, 'm3/yr', 'Eaux pluviales du bassin de rétention du parc, accès par camion-citerne'),
    need('service.waste-collection.cardboard', 80, 't/yr', 'Collecte mutualisée des papiers et cartons pour les 60 entreprises locataires'),
    need('service.maintenance.green-spaces', 2500, 'h/yr', 'Entretien des 6 hectares d\'espaces verts du parc'),
  ]);
fictional('94065', 'Le Bon Couvert Restauration', COMPANY, 'SAS', '56.29A', '16 rue des Solets', 210, [FIRMS, AUTHORITIES],
  'Restauration collective sous contrat : entreprises, écoles, établissements de santé.',
  "Nous servons 12 000 repas par jour et réduisons le gaspillage dans nos cuisines.",
  [
    offer('material.biowaste.food', 160, 't/yr', 'Biodéchets de production et restes de repas', { c: 'MEMBERS' }),
    offer('material.oils.cooking', 6, 't/yr', 'Huiles alimentaires usagées'),
    offer('equipment.kitchen', 400, 'h/yr', 'Cuisine centrale disponible le week-end'),
  ]);
fictional('94065', 'Torréfaction du Marché', COMPANY, 'SARL', '10.83Z', '3 rue des Antes', 12, [FIRMS],
  'Torréfacteur de cafés de spécialité pour la restauration.',
  "Nous torréfions chaque semaine 4 tonnes de café vert pour les cafés et restaurants.",
  [
    offer('material.biowaste.agrifood', 6, 't/yr', 'Pellicules de café issues de la torréfaction'),
    offer('material.packaging', 3000, 'units/yr', 'Sacs de jute de café vert, vides et propres'),
    offer('energy.waste-heat.high-temperature', 250, 'MWh/yr', 'Fumées du post-brûleur à 200 °C', { t: 200 }),
  ]);
fictional('94065', 'Hôtel Les Voyageurs du Plateau', COMPANY, 'SAS', '55.10Z', '20 avenue Charles Lindbergh', 45, [ALL, FIRMS],
  'Hôtel d\'affaires de 160 chambres près de l\'aéroport.',
  "Nous accueillons voyageurs d'affaires et équipages et organisons des séminaires.",
  [
    offer('material.textile', 3, 't/yr', 'Linge hôtelier réformé : draps, serviettes, peignoirs'),
    offer('material.furniture', 250, 'units/yr', 'Mobilier des chambres rénovées : chevets, chaises, bureaux'),
    offer('material.biowaste.coffee-grounds', 4, 't/yr', 'Marc de café du petit-déjeuner'),
    need('service.laundry', 90, 't/yr', 'Blanchisserie pour le linge plat'),
  ]);
fictional('94065', 'Récolte Seconde', ESS, 'SAS agréée ESUS', '46.39B', '10 rue du Marché', 8, [PRECARITY, FIRMS],
  'Entreprise solidaire qui revend à prix réduit et donne les invendus du marché de gros.',
  "Nous récupérons les fruits et légumes invendus, les trions et les redistribuons aux épiceries solidaires.",
  [
    need('material.unsold-goods.food', 200, 't/yr', 'Invendus alimentaires consommables des grossistes'),
    offer('material.unsold-goods.food', 150, 't/yr', 'Fruits et légumes triés pour les épiceries sociales et les traiteurs solidaires'),
    offer('logistics.transport.shared-trips', 150, 'trips/yr', 'Tournées de redistribution ouvertes aux associations voisines'),
  ]);

// ─── Chevilly-Larue ─────────────────────────────────────────────────────────────────────────
townHall('94021', "Services municipaux : écoles, espaces verts, sport, culture, solidarités.", [
  need('material.biowaste.compost', 60, 't/yr', 'Compost normé pour les massifs et les jardins pédagogiques des écoles', { months: [3, 4, 10] }),
  offer('material.biowaste.green', 150, 't/yr', 'Déchets verts des espaces verts municipaux', { months: GROWING }),
  need('equipment.vehicles.cargo-bike', 2, 'units/yr', 'Vélos-cargos pour les agents techniques (étude de mutualisation)'),
]);
fictional('94021', 'Paquetalis Messagerie', COMPANY, 'SAS', '52.29A', '28 avenue de la République', 150, [FIRMS],
  'Plateforme de messagerie et de préparation de colis e-commerce.',
  "Nous préparons et expédions 30 000 colis par jour pour des sites marchands.",
  [
    offer('material.paper-cardboard.cardboard', 90, 't/yr', 'Cartons de réception écrasés, compacteur sur site', { c: 'MEMBERS' }),
    offer('material.plastic.film', 20, 't/yr', 'Film de palettisation et sachets de calage'),
    offer('material.wood.pallets', 8000, 'units/yr', 'Palettes perdues, dont 30 % cassées'),
    need('logistics.cycle-logistics', 5000, 'trips/yr', 'Livraison décarbonée du dernier kilomètre dans Paris sud'),
  ]);
fictional('94021', 'Jus & Soupes du Val', COMPANY, 'SAS', '10.32Z', '9 rue Petit Le Roy', 40, [FIRMS],
  'Fabricant de jus frais et de soupes pour la restauration.',
  "Nous transformons des fruits et légumes déclassés en jus pressés et soupes fraîches.",
  [
    need('material.unsold-goods.food', 150, 't/yr', 'Fruits et légumes déclassés mais sains (calibre, aspect)'),
    offer('material.biowaste.agrifood', 120, 't/yr', 'Pulpes et marcs de fruits issus du pressage', { c: 'MEMBERS' }),
    offer('energy.waste-heat.medium-temperature', 600, 'MWh/yr', 'Eau chaude de process du pasteurisateur à 75 °C', { t: 75 }),
  ]);
fictional('94021', 'ESAT Les Ateliers du Plateau', ESS, 'association loi 1901', '88.10C', '5 rue du Lieutenant Alain Le Coz', 70, [DISABLED, FIRMS],
  'Établissement et service d\'aide par le travail : conditionnement, espaces verts, réparation de palettes.',
  "Nous accompagnons 90 travailleurs en situation de handicap sur des prestations pour les entreprises.",
  [
    offer('logistics.packing', 12000, 'h/yr', 'Conditionnement, étiquetage, mise sous pli et préparation de commandes'),
    need('material.wood.pallets', 5000, 'units/yr', 'Palettes cassées à réparer'),
    offer('material.wood.pallets', 4000, 'units/yr', 'Palettes réparées contrôlées, formats 80x120 et 100x120'),
    offer('service.maintenance.green-spaces', 3000, 'h/yr', 'Entretien d\'espaces verts pour sites d\'entreprise'),
  ]);
fictional('94021', 'Crèmerie en Gros du Plateau', COMPANY, 'SARL', '46.33Z', '14 rue Élisée Reclus', 20, [FIRMS],
  'Grossiste en produits laitiers, œufs et fromages.',
  "Nous livrons crémiers, restaurants et cantines en produits laitiers.",
  [
    offer('material.unsold-goods.food', 25, 't/yr', 'Yaourts et fromages à date courte, consommables'),
    offer('material.plastic.expanded-polystyrene', 5, 't/yr', 'Caisses isothermes en polystyrène'),
    need('logistics.transport.refrigerated', 120, 'trips/yr', 'Partage de tournées frigorifiques vers les cantines du Val-de-Marne'),
  ]);
actor('94021', "Campus des métiers de l'alimentation (fictif)", SCHOOL, "centre de formation d'apprentis", '85.32Z', '30 avenue Franklin Roosevelt', 60, [YOUTH, INSERTION],
  "Centre de formation d'apprentis aux métiers de bouche. Établissement fictif créé pour la démonstration.",
  "Nous formons boulangers, bouchers, cuisiniers et employés de commerce alimentaire en alternance.",
  [
    need('material.unsold-goods.food', 8, 't/yr', 'Denrées invendues consommables pour les travaux pratiques'),
    offer('equipment.kitchen', 500, 'h/yr', 'Laboratoires de cuisine et de boulangerie disponibles pendant les vacances', { months: [7, 8] }),
    offer('expertise.training', 5000, 'h/yr', 'Apprentis en alternance pour les entreprises alimentaires'),
  ]);
fictional('94021', 'Paysages & Jardins Larue', COMPANY, 'SARL', '81.30Z', '2 rue Dericbourg', 25, [FIRMS, AUTHORITIES],
  'Entreprise de création et d\'entretien de jardins.',
  "Nous aménageons et entretenons les espaces verts des entreprises et des copropriétés.",
  [
    offer('material.biowaste.green', 300, 't/yr', 'Branchages broyés et tontes', { months: GROWING }),
    need('material.biowaste.compost', 100, 't/yr', 'Compost et paillage pour les plantations'),
    need('water.rainwater', 1500, 'm3/yr', 'Eau de pluie pour l\'arrosage des chantiers', { months: SUMMER }),
  ]);
fictional('94021', 'Palettes Services Chevilly', COMPANY, 'SAS', '16.24Z', '17 rue de Bretagne', 18, [FIRMS],
  'Reconditionnement et négoce de palettes.',
  "Nous collectons, trions, réparons et revendons des palettes aux industriels et logisticiens.",
  [
    need('material.wood.pallets', 20000, 'units/yr', 'Palettes usagées ou cassées, enlèvement gratuit à partir de 100 pièces'),
    offer('material.wood.pallets', 15000, 'units/yr', 'Palettes reconditionnées Europe et standard'),
    offer('energy.wood-fuel', 180, 't/yr', 'Broyat de palettes non traitées pour chaufferie biomasse'),
  ]);

// ─── Thiais ─────────────────────────────────────────────────────────────────────────────────
townHall('94073', "Services municipaux : écoles, petite enfance, espaces verts, commerce, sport.", [
  offer('material.biowaste.green', 180, 't/yr', 'Déchets verts des parcs et des cimetières communaux', { months: GROWING }),
  need('material.furniture', 120, 'units/yr', 'Mobilier de réemploi pour les écoles et les centres de loisirs'),
  need('service.waste-collection.cardboard', 30, 'trips/yr', 'Réflexion sur une collecte mutualisée des cartons des commerces du centre-ville'),
]);
fictional('94073', 'Mobilier Maison Sénia', COMPANY, 'SAS', '47.59A', '40 rue de la Résistance', 65, [ALL],
  'Magasin d\'ameublement et de décoration.',
  "Nous vendons meubles, literie et décoration et reprenons les anciens meubles de nos clients.",
  [
    offer('material.furniture', 600, 'units/yr', 'Meubles d\'exposition, retours clients et meubles repris, en bon état'),
    offer('material.paper-cardboard.cardboard', 70, 't/yr', 'Cartons d\'emballage des meubles'),
    offer('material.plastic.expanded-polystyrene', 10, 't/yr', 'Calages en polystyrène expansé propres'),
    need('logistics.reverse-logistics', 100, 'trips/yr', 'Reprise des meubles usagés chez les clients, partenaire de réemploi recherché'),
  ]);
fictional('94073', 'Marché Frais de la Sénia', COMPANY, 'SAS', '47.11D', '12 avenue de Versailles', 90, [ALL],
  'Supermarché de proximité de 2 500 m².',
  "Nous vendons des produits frais et du quotidien et luttons contre le gaspillage alimentaire.",
  [
    offer('material.unsold-goods.food', 45, 't/yr', 'Invendus alimentaires à date courte pour le don'),
    offer('material.biowaste.food', 60, 't/yr', 'Biodéchets des rayons frais (fruits, légumes, boulangerie)', { c: 'MEMBERS' }),
    offer('material.paper-cardboard.cardboard', 120, 't/yr', 'Cartons en balles compactées'),
    offer('energy.waste-heat.low-temperature', 700, 'MWh/yr', 'Chaleur des condenseurs des meubles frigorifiques, 30 °C', { t: 30 }),
  ]);
fictional('94073', 'Bricolage du Grand Val', COMPANY, 'SAS', '47.52A', '7 rue du Pavé de Grignon', 55, [ALL, FIRMS],
  'Magasin de bricolage et de matériaux.',
  "Nous vendons outillage, matériaux et jardinage aux particuliers et artisans.",
  [
    offer('material.wood.pallets', 7000, 'units/yr', 'Palettes de livraison non reprises par les fournisseurs'),
    offer('material.unsold-goods.non-food', 15, 't/yr', 'Fins de série et produits à emballage abîmé'),
    offer('material.plastic.film', 10, 't/yr', 'Film étirable propre'),
    need('service.waste-collection.cardboard', 45, 't/yr', 'Collecte des cartons à mutualiser avec les enseignes voisines'),
  ]);
fictional('94073', 'Blanchisserie Industrielle de la Sénia', COMPANY, 'SAS', '96.01A', '25 rue des Alouettes', 110, [FIRMS],
  'Blanchisserie industrielle pour l\'hôtellerie et la santé, 18 tonnes de linge par jour.',
  "Nous lavons, repassons et livrons le linge des hôtels, cliniques et EHPAD.",
  [
    offer('energy.waste-heat.low-temperature', 1800, 'MWh/yr', 'Chaleur des eaux de lavage rejetées à 45 °C', { t: 45, c: 'MEMBERS' }),
    offer('material.textile', 12, 't/yr', 'Linge hôtelier réformé : draps et serviettes usés ou tachés'),
    need('water.treated-wastewater', 40000, 'm3/yr', 'Eau recyclée pour le prélavage, étude de réutilisation'),
    offer('service.laundry', 5000, 't/yr', 'Location-entretien du linge plat et des tenues professionnelles'),
  ]);
fictional('94073', 'Carrosserie Thiais Automobiles', COMPANY, 'SARL', '45.20A', '88 route de Fontainebleau', 14, [ALL],
  'Carrosserie et peinture automobile.',
  "Nous réparons et repeignons les véhicules accidentés, agréés par les assureurs.",
  [
    offer('material.solvents', 2, 't/yr', 'Diluants et solvants de nettoyage des pistolets', { c: 'FACILITATORS' }),
    offer('material.metal.ferrous', 15, 't/yr', 'Pièces de carrosserie acier déposées'),
    need('service.waste-collection.hazardous', 6, 'trips/yr', 'Enlèvement groupé des déchets dangereux avec les garages voisins'),
  ]);
fictional('94073', 'La Corbeille de Thiais', ESS, 'association loi 1901', '88.99B', '4 rue Paul Vaillant-Couturier', 4, [PRECARITY],
  'Épicerie sociale et solidaire.',
  "Nous proposons des produits à 10-30 % de leur prix aux familles orientées par les services sociaux.",
  [
    need('material.unsold-goods.food', 20, 't/yr', 'Dons d\'invendus alimentaires des commerces et grossistes'),
    need('equipment.storage.cold-room', 20, 'm2', 'Accès à une chambre froide pour les produits frais'),
    need('equipment.vehicles.utility-van', 100, 'days/yr', 'Prêt d\'un utilitaire frigorifique pour la ramasse'),
  ]);
fictional('94073', 'Thiais en Transition', CITIZENS, 'collectif informel', undefined, '1 place de l\'Église', 0, [ALL],
  'Collectif d\'habitants engagés pour la transition écologique locale.',
  "Nous animons des composteurs de quartier, des ateliers de réparation et des balades nature.",
  [
    offer('expertise.skills-sharing', 80, 'h/yr', 'Formation de guides composteurs et animation de composteurs partagés'),
    need('material.biowaste.green', 8, 't/yr', 'Broyat de branches comme structurant pour les composteurs de quartier'),
  ]);

// ─── Orly ───────────────────────────────────────────────────────────────────────────────────
townHall('94054', "Services municipaux : écoles, sport, espaces verts, emploi et insertion, vie associative.", [
  need('material.construction.reusable-elements', 30, 't/yr', 'Éléments de réemploi pour l\'aménagement d\'une maison des associations'),
  offer('equipment.premises', 2000, 'm2', 'Terrain communal en friche disponible pour une occupation temporaire (étude)'),
  offer('equipment.premises.meeting-room', 40, 'days/yr', 'Salles municipales pour forums emploi et rencontres d\'entreprises'),
]);
fictional('94054', "Plateaux d'Altitude", COMPANY, 'SAS', '56.29A', '15 rue du Commandant Dupuis', 380, [FIRMS],
  'Commissariat aérien : préparation des repas servis à bord.',
  "Nous préparons 25 000 plateaux-repas par jour pour les compagnies aériennes.",
  [
    offer('material.biowaste.food', 260, 't/yr', 'Biodéchets de production et retours de vols', { c: 'MEMBERS' }),
    offer('material.unsold-goods.food', 40, 't/yr', 'Produits emballés non servis, consommables, à enlever le jour même'),
    offer('energy.waste-heat.medium-temperature', 1400, 'MWh/yr', 'Chaleur des laveries de chariots et des fours, eau à 65 °C', { t: 65, c: 'MEMBERS' }),
    offer('material.oils.cooking', 9, 't/yr', 'Huiles de friture usagées'),
  ]);
fictional('94054', 'Hôtel des Pistes', COMPANY, 'SARL', '55.10Z', '6 avenue Marcel Cachin', 60, [ALL, FIRMS],
  'Hôtel de 200 chambres et centre de séminaires.',
  "Nous accueillons voyageurs, équipages et séminaires d'entreprise à deux pas de l'aéroport.",
  [
    offer('material.textile', 5, 't/yr', 'Draps, housses et serviettes réformés, lavés'),
    offer('material.furniture', 300, 'units/yr', 'Mobilier de chambres lors de la rénovation par étage'),
    offer('material.biowaste.coffee-grounds', 5, 't/yr', 'Marc de café du bar et du petit-déjeuner'),
    need('service.laundry', 120, 't/yr', 'Prestataire de blanchisserie proche, idéalement d\'insertion'),
  ]);
fictional('94054', 'Orly Fret Services', COMPANY, 'SAS', '52.29B', '9 rue des Hautes Bornes', 90, [FIRMS],
  'Commissionnaire de transport aérien et dédouanement.',
  "Nous organisons l'import-export de marchandises par avion et leur distribution en Île-de-France.",
  [
    offer('material.wood.pallets', 5000, 'units/yr', 'Palettes aériennes et palettes perdues de réception'),
    offer('material.plastic.film', 25, 't/yr', 'Films et housses plastiques de protection'),
    offer('material.wood', 30, 't/yr', 'Caisses et calages en bois de transport'),
    offer('logistics.transport.shared-trips', 200, 'trips/yr', 'Capacité disponible dans nos navettes vers Rungis et le sud parisien'),
  ]);
fictional('94054', 'Orly Nature Insertion', ESS, "association loi 1901 (atelier et chantier d'insertion)", '81.30Z', '3 rue du Maréchal Leclerc', 28, [INSERTION, AUTHORITIES, FIRMS],
  "Chantier d'insertion en espaces verts et gestion écologique.",
  "Nous entretenons parcs et bords de Seine et accompagnons vers l'emploi 20 salariés en insertion.",
  [
    offer('service.maintenance.green-spaces', 6000, 'h/yr', 'Entretien écologique d\'espaces verts, fauche tardive, paillage'),
    offer('material.biowaste.green', 120, 't/yr', 'Résidus de taille et tontes', { months: GROWING }),
    need('equipment.vehicles.utility-van', 60, 'days/yr', 'Utilitaire benne pour les chantiers d\'été', { months: SUMMER }),
    offer('expertise.staff-sharing', 150, 'days/yr', 'Mise à disposition de salariés en insertion formés aux espaces verts'),
  ]);
fictional('94054', 'Aéro Maintenance Composants', COMPANY, 'SAS', '33.16Z', '24 avenue de l\'Aéropostale', 120, [FIRMS],
  'Maintenance et réparation d\'équipements aéronautiques.',
  "Nous réparons trains d'atterrissage, freins et équipements de cabine pour les compagnies.",
  [
    offer('material.solvents', 6, 't/yr', 'Solvants de dégraissage usagés', { c: 'FACILITATORS' }),
    offer('material.metal.aluminium', 15, 't/yr', 'Chutes et pièces réformées en alliage d\'aluminium'),
    offer('material.weee.it-equipment', 150, 'units/yr', 'Ordinateurs portables et écrans réformés, données effacées'),
    need('service.waste-collection.hazardous', 12, 'trips/yr', 'Collecte des déchets dangereux, mutualisation avec la zone aéroportuaire'),
  ]);
fictional('94054', 'Jeunes Orly Numérique', ESS, 'association loi 1901', '94.99Z', '11 place du Fer à Cheval', 6, [YOUTH],
  'Association d\'éducation au numérique pour les 12-25 ans.',
  "Nous animons un espace numérique et des ateliers de code et de réparation pour les jeunes.",
  [
    need('material.weee.it-equipment', 60, 'units/yr', 'Ordinateurs portables reconditionnés pour les ateliers'),
    offer('expertise.training', 500, 'h/yr', 'Initiation au numérique et à la réparation d\'ordinateurs'),
  ]);
fictional('94054', "Loc'Aéro Véhicules", COMPANY, 'SAS', '77.11A', '2 rue de l\'Aérodrome', 35, [ALL, FIRMS],
  'Location de voitures et d\'utilitaires près de l\'aéroport.',
  "Nous louons des véhicules aux voyageurs et aux entreprises de la plateforme aéroportuaire.",
  [
    offer('equipment.vehicles.utility-van', 200, 'days/yr', 'Utilitaires disponibles à tarif réduit en semaine creuse'),
    offer('material.tyres', 2500, 'units/yr', 'Pneus usagés déposés'),
  ]);
actor('94054', "Lycée des métiers de l'aéroportuaire (fictif)", SCHOOL, "établissement public local d'enseignement", '85.32Z', '18 avenue des Martyrs de Châteaubriant', 110, [YOUTH],
  "Lycée professionnel : logistique, maintenance aéronautique, accueil. Établissement fictif créé pour la démonstration.",
  "Nous formons aux métiers de la plateforme aéroportuaire en lien étroit avec les entreprises.",
  [
    need('expertise.skills-sharing', 120, 'h/yr', 'Interventions de professionnels et visites d\'entreprises'),
    offer('equipment.premises.meeting-room', 30, 'days/yr', 'Amphithéâtre de 150 places disponible le mercredi après-midi'),
    offer('expertise.training', 2500, 'h/yr', 'Élèves en stage en logistique et maintenance'),
  ]);

// ─── Choisy-le-Roi ──────────────────────────────────────────────────────────────────────────
townHall('94022', "Services municipaux : écoles, sport, espaces verts, culture, action sociale.", [
  need('energy.heat.pool', 2200, 'MWh/yr', "Étude : chauffage des bassins d'un centre nautique par récupération de chaleur", { t: 30 }),
  offer('material.biowaste.green', 140, 't/yr', 'Déchets verts des parcs et berges', { months: GROWING }),
  need('equipment.vehicles.cargo-bike', 3, 'units/yr', 'Vélos-cargos pour les services techniques de proximité'),
]);
fictional('94022', 'Garage Central Choisy Automobiles', COMPANY, 'SAS', '45.11Z', '52 avenue de Villeneuve-Saint-Georges', 40, [ALL],
  'Concession automobile multimarque : vente, après-vente, carrosserie.',
  "Nous vendons et entretenons des véhicules neufs et d'occasion pour les particuliers et les flottes d'entreprise.",
  [
    offer('expertise.skills-sharing', 100, 'h/yr', 'Formation de mécaniciens d\'un garage solidaire au diagnostic électronique'),
    offer('material.tyres', 1800, 'units/yr', 'Pneus usagés, dont des pneus été/hiver en bon état'),
    offer('material.oils.mineral', 8, 't/yr', 'Huiles de vidange', { c: 'FACILITATORS' }),
    offer('equipment.vehicles', 10, 'units/yr', 'Véhicules de courtoisie en fin de cycle, à céder à des associations'),
  ]);
fictional('94022', 'Péniches & Quais de Choisy', COMPANY, 'SARL', '50.40Z', '4 quai de Choisy', 14, [FIRMS],
  'Armement fluvial et gestion d\'un quai de transbordement.',
  "Nous transportons granulats, déblais et matériaux par la Seine et louons un quai de transbordement.",
  [
    offer('logistics.transport.river', 60000, 't/yr', 'Capacité fluviale pour matériaux de chantier, gravats et déblais'),
    offer('logistics.warehousing', 2000, 'm2', 'Aire de stockage bord à quai'),
    need('material.construction.rubble', 10000, 't/yr', 'Gravats et déblais de chantiers proches à évacuer par barge'),
  ]);
fictional('94022', "Verrerie d'Art du Port", COMPANY, 'SARL', '23.19Z', '16 rue Sébastopol', 6, [ALL, FIRMS],
  'Atelier de verre soufflé et de vitrail.',
  "Nous soufflons des objets et luminaires en verre recyclé.",
  [
    need('material.glass', 15, 't/yr', 'Calcin de verre clair et bouteilles vides propres'),
    offer('energy.waste-heat.high-temperature', 180, 'MWh/yr', 'Chaleur des fumées du four de fusion à 300 °C', { t: 300 }),
    offer('expertise.training', 120, 'h/yr', 'Stages d\'initiation au travail du verre'),
  ]);
fictional('94022', 'Au Pain de Choisy', COMPANY, 'SARL', '10.71C', '7 avenue Anatole France', 9, [ALL],
  'Boulangerie-pâtisserie artisanale.',
  "Nous fabriquons pains au levain et viennoiseries sur place.",
  [
    offer('energy.waste-heat.medium-temperature', 80, 'MWh/yr', 'Chaleur du four à sole récupérable à 60-70 °C', { t: 65 }),
    offer('material.unsold-goods.food', 4, 't/yr', 'Pain invendu du soir, à donner'),
    need('service.waste-collection.cardboard', 12, 'trips/yr', 'Collecte des cartons et sacs de farine avec les commerçants voisins'),
  ]);
fictional('94022', 'Régie de quartier Trois-Rives', ESS, 'association loi 1901', '81.21Z', '21 rue Ledru-Rollin', 45, [INSERTION, ALL, AUTHORITIES],
  'Régie de quartier : services de proximité par les habitants en insertion.',
  "Nous entretenons les parties communes et les espaces extérieurs et créons de l'emploi pour les habitants.",
  [
    offer('service.maintenance.cleaning', 8000, 'h/yr', 'Nettoyage de locaux et de parties communes'),
    offer('service.maintenance.green-spaces', 2000, 'h/yr', 'Entretien de pieds d\'immeubles et de jardins'),
    need('equipment.vehicles.utility-van', 40, 'days/yr', 'Utilitaire partagé pour le transport du matériel'),
  ]);
fictional('94022', 'Repair Café des Bords de Seine', CITIZENS, 'collectif informel', undefined, '10 place Rouget de Lisle', 0, [ALL, SENIORS],
  'Repair café mensuel tenu par des bénévoles.',
  "Nous réparons ensemble petits appareils, vêtements et vélos un samedi par mois.",
  [
    offer('service.maintenance.repair', 300, 'h/yr', 'Réparation gratuite de petit électroménager et de vêtements'),
    need('equipment.premises.meeting-room', 12, 'days/yr', 'Une salle équipée de prises, un samedi par mois'),
  ]);
fictional('94022', 'Électricité Générale Gabriel', COMPANY, 'SAS', '43.21A', '29 rue du Docteur Roux', 32, [FIRMS, AUTHORITIES],
  'Installation électrique et éclairage pour le tertiaire et les collectivités.',
  "Nous installons et rénovons les réseaux électriques et l'éclairage des bâtiments publics.",
  [
    offer('material.metal.copper', 6, 't/yr', 'Chutes de câbles et tubes en cuivre dénudés'),
    offer('material.construction.reusable-elements', 800, 'units/yr', 'Luminaires et tableaux électriques déposés en bon état'),
    need('expertise.training', 300, 'h/yr', 'Apprentis électriciens, partenariat avec un lycée professionnel'),
  ]);

// ─── Villejuif ──────────────────────────────────────────────────────────────────────────────
townHall('94076', "Services municipaux : écoles, sport, santé, espaces verts, urbanisme.", [
  need('material.construction.reusable-elements', 25, 't/yr', 'Réemploi de faux plafonds et de cloisons pour la rénovation d\'équipements municipaux'),
  offer('material.biowaste.green', 160, 't/yr', 'Déchets verts des parcs', { months: GROWING }),
  need('energy.heat.space-heating', 600, 'MWh/yr', 'Étude : chauffage d\'un groupe scolaire par une boucle basse température', { t: 50, months: HEATING }),
]);
fictional('94076', 'OncoBiotech Innovations', COMPANY, 'SAS', '72.11Z', '7 rue Guy Môquet', 85, [FIRMS],
  'Société de biotechnologie : anticorps thérapeutiques en oncologie.',
  "Nous menons des recherches précliniques et produisons des lots cliniques.",
  [
    offer('energy.waste-heat.low-temperature', 500, 'MWh/yr', 'Chaleur de la ventilation et des congélateurs de laboratoire, air à 35 °C', { t: 35 }),
    offer('material.plastic.expanded-polystyrene', 6, 't/yr', 'Caisses isothermes en polystyrène réutilisables'),
    offer('material.paper-cardboard.cardboard', 15, 't/yr', 'Cartons de consommables de laboratoire'),
    need('service.waste-collection.hazardous', 24, 'trips/yr', 'Collecte des déchets chimiques, mutualisation avec les laboratoires voisins'),
  ]);
actor('94076', 'Institut de recherche translationnelle de la Bièvre (fictif)', SCHOOL, 'établissement public', '72.19Z', '39 rue Jean Jaurès', 300, [FIRMS, AUTHORITIES],
  "Institut public de recherche biomédicale. Établissement fictif créé pour la démonstration.",
  "Nous conduisons des recherches en cancérologie et accueillons des start-up sur notre campus.",
  [
    offer('material.weee.it-equipment', 500, 'units/yr', 'Ordinateurs et écrans réformés, effacement certifié'),
    offer('material.furniture', 200, 'units/yr', 'Mobilier de bureau et de laboratoire réformé'),
    offer('equipment.premises.meeting-room', 50, 'days/yr', 'Auditorium de 200 places louable pour des événements'),
    offer('expertise.research', 100, 'days/yr', 'Plateformes d\'analyse ouvertes aux PME'),
  ]);
fictional('94076', 'Résidence Les Tilleuls', COMPANY, 'SAS', '87.10A', '14 rue Eugène Varlin', 70, [SENIORS],
  'EHPAD de 96 lits.',
  "Nous accueillons des personnes âgées dépendantes et ouvrons la résidence sur le quartier.",
  [
    offer('material.biowaste.food', 25, 't/yr', 'Biodéchets de la cuisine et des repas', { c: 'MEMBERS' }),
    need('service.laundry', 60, 't/yr', 'Blanchisserie du linge plat et du linge des résidents'),
    need('energy.heat.space-heating', 800, 'MWh/yr', 'Chaleur de récupération à 50 °C pour le chauffage et l\'eau chaude', { t: 50 }),
  ]);
fictional('94076', 'Octet & Sens Conseil', COMPANY, 'SAS', '62.02A', '2 avenue de la République', 240, [FIRMS],
  'Entreprise de services numériques : conseil, développement, infogérance.',
  "Nous accompagnons la transformation numérique des entreprises et des collectivités.",
  [
    offer('material.weee.it-equipment', 350, 'units/yr', 'Ordinateurs portables de trois ans, batteries testées', { c: 'FACILITATORS' }),
    offer('material.furniture', 150, 'units/yr', 'Mobilier de bureau lors du réaménagement de nos plateaux'),
    offer('expertise.skills-sharing', 300, 'h/yr', 'Mécénat de compétences : développement web et cybersécurité pour des associations'),
    offer('material.biowaste.coffee-grounds', 3, 't/yr', 'Marc de café des machines des plateaux'),
  ]);
fictional('94076', 'Humus Voisin', ESS, 'association loi 1901', '38.21Z', '5 rue Pasteur', 3, [ALL, FIRMS],
  'Association de compostage de proximité.',
  "Nous installons et suivons des composteurs en pied d'immeuble, en entreprise et dans les écoles.",
  [
    need('material.biowaste.food', 50, 't/yr', 'Biodéchets de restaurants et de cantines pour nos composteurs électromécaniques'),
    need('material.biowaste.green', 20, 't/yr', 'Broyat de branches comme matière sèche'),
    offer('material.biowaste.compost', 30, 't/yr', 'Compost mûr tamisé'),
    offer('expertise.training', 120, 'h/yr', 'Formation de référents compost en entreprise'),
  ]);
fictional('94076', 'Jardin partagé du Coteau fleuri', CITIZENS, 'association loi 1901', '94.99Z', '22 rue de Chevilly', 0, [ALL, SENIORS],
  'Jardin partagé de 40 parcelles.',
  "Nous cultivons ensemble un jardin en permaculture ouvert aux habitants et aux écoles.",
  [
    need('material.biowaste.compost', 8, 't/yr', 'Compost pour les parcelles au printemps', { months: [3, 4] }),
    need('water.rainwater', 200, 'm3/yr', 'Cuve de récupération d\'eau de pluie ou apport d\'eau pluviale', { months: SUMMER }),
  ]);
fictional('94076', 'Bâtir Bièvre Construction', COMPANY, 'SAS', '41.20B', '10 boulevard Maxime Gorki', 120, [FIRMS, AUTHORITIES],
  'Entreprise générale de construction de logements et d\'équipements publics.',
  "Nous construisons logements, écoles et équipements pour les bailleurs et les collectivités.",
  [
    offer('material.construction.rubble', 5000, 't/yr', 'Gravats de béton issus de nos chantiers'),
    offer('material.construction.soil', 20000, 't/yr', 'Terres d\'excavation non polluées, analyses disponibles', { c: 'MEMBERS' }),
    offer('water.dewatering', 60000, 'm3/yr', 'Eaux d\'exhaure du rabattement de nappe d\'un chantier, 18 mois', { c: 'FACILITATORS' }),
    need('material.construction.reusable-elements', 50, 't/yr', 'Matériaux de réemploi prescrits par nos maîtres d\'ouvrage'),
    need('expertise.staff-sharing', 400, 'days/yr', 'Salariés en insertion pour nos clauses sociales'),
  ]);
fictional('94076', 'Bièvre Entreprendre', NETWORK, 'SCOP SA (coopérative d\'activité et d\'emploi)', '70.22Z', '8 rue René Hamon', 12, [FIRMS, YOUTH],
  "Coopérative d'activité et d'emploi : nous hébergeons 90 entrepreneurs salariés.",
  "Nous accompagnons des porteurs de projet qui testent leur activité dans un cadre coopératif.",
  [
    offer('equipment.premises.office', 200, 'm2', 'Bureaux partagés et postes de coworking pour entrepreneurs'),
    offer('expertise.skills-sharing', 250, 'h/yr', 'Ateliers de gestion, comptabilité et commercialisation'),
    offer('expertise.training', 300, 'h/yr', 'Formation à la création d\'activité'),
  ]);

// ─── Cachan ─────────────────────────────────────────────────────────────────────────────────
townHall('94016', "Services municipaux : écoles, espaces verts, sport, vie associative.", [
  need('material.biowaste.compost', 30, 't/yr', 'Compost pour les espaces verts et les potagers scolaires', { months: [3, 4, 10] }),
  offer('equipment.premises.meeting-room', 30, 'days/yr', 'Salles municipales pour ateliers de réparation et associations'),
  offer('material.biowaste.green', 90, 't/yr', 'Déchets verts des parcs', { months: GROWING }),
]);
actor('94016', 'École supérieure des transitions énergétiques (fictive)', SCHOOL, 'établissement public', '85.42Z', '61 avenue du Président Wilson', 150, [YOUTH, FIRMS],
  "École d'ingénieurs en énergie et environnement. Établissement fictif créé pour la démonstration.",
  "Nous formons des ingénieurs en énergie et menons des projets étudiants avec les entreprises du territoire.",
  [
    offer('expertise.energy-audit', 40, 'days/yr', 'Projets étudiants : audits énergétiques et études de récupération de chaleur'),
    offer('equipment.machines.digital-fabrication', 600, 'h/yr', 'Fablab : imprimantes 3D, découpe laser, fraiseuse numérique'),
    offer('expertise.research', 60, 'days/yr', 'Laboratoire thermique : essais d\'échangeurs et de stockage de chaleur'),
  ]);
fictional('94016', 'Atelier Réemploi & Cie', COMPANY, 'SARL', '71.11Z', '15 rue Guichard', 12, [FIRMS, AUTHORITIES],
  'Agence d\'architecture spécialisée dans le réemploi.',
  "Nous concevons des bâtiments publics intégrant des matériaux de réemploi et réalisons les diagnostics ressources.",
  [
    need('material.construction.reusable-elements', 80, 't/yr', 'Gisements de réemploi pour nos projets : cloisons, parquets, menuiseries'),
    offer('expertise.eco-design', 60, 'days/yr', 'Conception circulaire et prescription de réemploi'),
    offer('service.selective-deconstruction', 20, 'days/yr', 'Diagnostics PEMD avant démolition'),
  ]);
fictional('94016', "Les Bricol'heureux", CITIZENS, 'association loi 1901', '94.99Z', '4 rue Camille Desmoulins', 0, [ALL],
  'Repair café associatif.',
  "Nous réparons avec les habitants petit électroménager, informatique et jouets.",
  [
    offer('service.maintenance.repair', 250, 'h/yr', 'Réparation accompagnée d\'appareils et d\'ordinateurs'),
    need('equipment.premises.meeting-room', 24, 'days/yr', 'Salle deux samedis par mois'),
    need('material.weee.household-appliances', 30, 'units/yr', 'Petit électroménager en panne pour les ateliers de formation'),
  ]);
fictional('94016', 'Maison Farine & Levain', COMPANY, 'SARL', '10.71C', '28 avenue Carnot', 12, [ALL],
  'Boulangerie au levain et salon de thé.',
  "Nous faisons du pain au levain naturel avec des farines d'Île-de-France.",
  [
    offer('energy.waste-heat.medium-temperature', 120, 'MWh/yr', 'Chaleur du four à bois récupérable à 70 °C', { t: 70 }),
    offer('material.unsold-goods.food', 3, 't/yr', 'Pain invendu, chaque soir'),
  ]);
fictional('94016', 'Studio Rebours Design', COMPANY, 'SARL', '74.10Z', '9 rue de la Gare', 5, [ALL, FIRMS],
  'Studio de design et d\'upcycling.',
  "Nous dessinons et fabriquons objets et mobilier à partir de matériaux récupérés.",
  [
    need('material.textile.offcuts', 1, 't/yr', 'Chutes de tissu d\'ameublement et de cuir'),
    need('material.wood', 3, 't/yr', 'Panneaux et chutes de bois de récupération'),
    offer('expertise.eco-design', 20, 'days/yr', 'Design de produits à partir de matières secondaires'),
  ]);

// ─── Arcueil ────────────────────────────────────────────────────────────────────────────────
fictional('94003', 'Railtrace Ingénierie', COMPANY, 'SAS', '71.12B', '12 avenue Laplace', 600, [FIRMS],
  'Bureau d\'études en ingénierie ferroviaire et urbaine.',
  "Nous concevons des lignes de tramway et de métro et accompagnons les maîtres d'ouvrage.",
  [
    offer('material.weee.it-equipment', 900, 'units/yr', 'Postes de travail et écrans renouvelés tous les 4 ans', { c: 'FACILITATORS' }),
    offer('material.furniture', 400, 'units/yr', 'Mobilier de bureau lors du passage en flex office'),
    offer('material.biowaste.coffee-grounds', 8, 't/yr', 'Marc de café de la cafétéria et des machines'),
    need('service.waste-collection.cardboard', 20, 't/yr', 'Collecte des papiers confidentiels et cartons'),
  ]);
fictional('94003', 'Second Bureau Insertion', ESS, "SAS agréée ESUS (entreprise d'insertion)", '31.01Z', '6 rue Émile Raspail', 25, [FIRMS, INSERTION],
  "Entreprise d'insertion de reconditionnement de mobilier de bureau.",
  "Nous démontons, reconditionnons et revendons du mobilier professionnel.",
  [
    need('material.furniture', 500, 'units/yr', 'Mobilier de bureau : bureaux, caissons, fauteuils, armoires'),
    offer('material.furniture', 350, 'units/yr', 'Mobilier de bureau reconditionné garanti 2 ans'),
    offer('service.selective-deconstruction', 5000, 'm2', 'Curage et dépose de mobilier et cloisons de bureaux'),
  ]);
fictional('94003', "Le Comptoir de l'Aqueduc", COMPANY, 'SARL', '56.10A', '40 avenue Lénine', 10, [ALL],
  'Restaurant traditionnel de 80 couverts.',
  "Nous cuisinons des produits frais et de saison pour les salariés du quartier.",
  [
    offer('material.biowaste.food', 12, 't/yr', 'Épluchures et restes de repas'),
    offer('material.oils.cooking', 0.8, 't/yr', 'Huile de friture usagée'),
    offer('material.glass', 6, 't/yr', 'Bouteilles en verre vides'),
    need('service.waste-collection.biowaste', 12, 't/yr', 'Collecte des biodéchets mutualisée entre restaurants'),
  ]);
fictional('94003', 'Zéro Déchet Arcueil-Gentilly', CITIZENS, 'collectif informel', undefined, '1 place de la République', 0, [ALL],
  'Collectif citoyen zéro déchet.',
  "Nous organisons des ateliers fabrication maison, des trocs et des défis familles zéro déchet.",
  [
    offer('expertise.skills-sharing', 100, 'h/yr', 'Ateliers zéro déchet pour salariés et habitants'),
    need('equipment.premises.meeting-room', 20, 'days/yr', 'Salle pour les ateliers et les trocs'),
  ]);
fictional('94003', 'Reprographie Laplace', COMPANY, 'SARL', '18.12Z', '3 rue Cauchy', 7, [FIRMS, ALL],
  'Imprimerie numérique et reprographie.',
  "Nous imprimons plans, mémoires et supports de communication à la demande.",
  [
    offer('material.paper-cardboard.paper', 6, 't/yr', 'Rognures et gâche papier'),
    offer('material.weee.it-equipment', 30, 'units/yr', 'Imprimantes et traceurs réformés'),
  ]);

// ─── Gentilly ───────────────────────────────────────────────────────────────────────────────
townHall('94037', "Services municipaux : jeunesse, écoles, espaces verts, culture.", [
  need('material.furniture', 60, 'units/yr', 'Mobilier de réemploi pour un espace jeunesse'),
  offer('equipment.premises.meeting-room', 25, 'days/yr', 'Salles municipales pour rencontres associatives'),
  need('material.biowaste.compost', 15, 't/yr', 'Compost pour les jardinières et les cours d\'école', { months: [3, 4] }),
]);
fictional('94037', 'Edge Bièvre Datacentre', COMPANY, 'SAS', '63.11Z', '20 rue Charles Frérot', 12, [FIRMS],
  'Petit centre de données urbain (edge computing).',
  "Nous hébergeons au plus près des utilisateurs les serveurs de latence critique.",
  [
    offer('energy.waste-heat.low-temperature', 1500, 'MWh/yr', 'Chaleur des serveurs récupérée à 40 °C par échangeur', { t: 40 }),
    offer('material.weee.it-equipment', 200, 'units/yr', 'Serveurs réformés et switchs'),
  ]);
fictional('94037', 'Studios Bièvre Production', COMPANY, 'SAS', '59.11A', '9 rue Jean Jaurès', 45, [FIRMS],
  'Studios de tournage et de production audiovisuelle.',
  "Nous produisons séries et publicités et construisons les décors dans nos ateliers.",
  [
    offer('material.wood', 20, 't/yr', 'Décors de tournage démontés : panneaux, tasseaux, contreplaqué'),
    offer('equipment.events', 60, 'days/yr', 'Éclairages, praticables et sonorisation prêtables entre deux tournages'),
    offer('material.textile.clothing', 2, 't/yr', 'Costumes et vêtements de tournage'),
  ]);
fictional('94037', 'Soleil Commun Bièvre', ESS, 'SCIC SAS', '35.11Z', '14 rue Benoît Malon', 4, [ALL, AUTHORITIES],
  'Coopérative citoyenne de production d\'énergie renouvelable.',
  "Nous installons des centrales photovoltaïques sur les toits publics et privés avec l'épargne des habitants.",
  [
    offer('energy.electricity', 900, 'MWh/yr', 'Électricité photovoltaïque locale en autoconsommation collective'),
    need('equipment.premises', 5000, 'm2', 'Toitures disponibles pour des centrales solaires'),
    offer('expertise.energy-audit', 15, 'days/yr', 'Études de potentiel solaire et de sobriété énergétique'),
  ]);
fictional('94037', 'La Fabrique Gentilléenne', ESS, 'SCOP SARL', '56.30Z', '5 rue du Val de Marne', 9, [ALL, FIRMS],
  'Café-coworking coopératif.',
  "Nous tenons un café de quartier avec un espace de travail partagé à l'étage.",
  [
    offer('material.biowaste.coffee-grounds', 3, 't/yr', 'Marc de café frais, collecte chaque semaine'),
    offer('equipment.premises.office', 200, 'm2', 'Postes de coworking et bureaux à la journée'),
    need('material.unsold-goods.food', 2, 't/yr', 'Invendus de boulangerie pour le brunch anti-gaspi'),
  ]);

// ─── Le Kremlin-Bicêtre ─────────────────────────────────────────────────────────────────────
fictional('94043', 'Électroménager du Fort', COMPANY, 'SARL', '47.54Z', '45 avenue de Fontainebleau', 9, [ALL],
  'Magasin d\'électroménager et service après-vente.',
  "Nous vendons, livrons et réparons l'électroménager des familles du quartier.",
  [
    offer('material.weee.household-appliances', 400, 'units/yr', 'Appareils repris lors des livraisons (un pour un), certains réparables'),
    need('service.waste-collection.cardboard', 15, 't/yr', 'Collecte des cartons avec les commerces de l\'avenue'),
    offer('material.plastic.expanded-polystyrene', 3, 't/yr', 'Calages en polystyrène'),
  ]);
fictional('94043', 'Le Wok du Kremlin', COMPANY, 'SARL', '56.10C', '12 avenue Eugène Thomas', 15, [ALL],
  'Restauration rapide asiatique, sur place et à emporter.',
  "Nous servons 400 repas par jour, beaucoup en livraison.",
  [
    offer('material.oils.cooking', 2, 't/yr', 'Huiles de friture usagées'),
    offer('material.biowaste.food', 15, 't/yr', 'Déchets de préparation'),
    need('service.waste-collection.cardboard', 10, 't/yr', 'Collecte des cartons mutualisée avec les commerces voisins'),
  ]);
fictional('94043', 'Centre de santé mutualiste du Fort', ESS, 'mutuelle (livre III)', '86.21Z', '8 rue Pierre Brossolette', 40, [ALL, PRECARITY],
  'Centre de santé mutualiste : médecine générale, dentaire, ophtalmologie.',
  "Nous soignons sans dépassement d'honoraires et développons la prévention.",
  [
    offer('material.weee.it-equipment', 40, 'units/yr', 'Postes informatiques réformés'),
    offer('material.paper-cardboard.paper', 3, 't/yr', 'Archives et papiers confidentiels à détruire'),
    need('service.laundry', 8, 't/yr', 'Entretien des blouses et du linge'),
  ]);
fictional('94043', 'La Jarre Vrac du Fort', COMPANY, 'SAS', '47.29Z', '19 rue Danton', 5, [ALL],
  'Épicerie de produits en vrac.',
  "Nous vendons produits secs, ménagers et cosmétiques en vrac et en bocaux consignés.",
  [
    need('material.glass', 2, 't/yr', 'Bocaux en verre propres pour la consigne'),
    offer('material.paper-cardboard.cardboard', 3, 't/yr', 'Cartons des fournisseurs'),
    need('logistics.cycle-logistics', 300, 'trips/yr', 'Livraisons à domicile à vélo'),
  ]);
fictional('94043', 'Culture & Quartiers Bicêtre', ESS, 'association loi 1901', '94.99Z', '3 rue Voltaire', 8, [YOUTH, ALL],
  'Association d\'éducation populaire et d\'événements culturels.',
  "Nous organisons des fêtes de quartier, des ateliers et un festival de rue.",
  [
    need('equipment.events', 20, 'days/yr', 'Barnums, tables et sonorisation pour le festival de juin', { months: [6] }),
    need('equipment.premises.workshop', 60, 'm2', 'Local pour stocker le matériel et construire les décors'),
    offer('expertise.skills-sharing', 60, 'h/yr', 'Organisation d\'événements participatifs'),
  ]);

// ─── Fresnes ────────────────────────────────────────────────────────────────────────────────
townHall('94034', "Services municipaux : écoles, sport, espaces verts, économie locale.", [
  need('material.construction.reusable-elements', 20, 't/yr', 'Réemploi de menuiseries et de sanitaires pour des locaux associatifs'),
  offer('material.biowaste.green', 100, 't/yr', 'Déchets verts municipaux', { months: GROWING }),
  need('material.biowaste.compost', 40, 't/yr', 'Compost pour les massifs', { months: [3, 4, 10] }),
]);
fictional('94034', 'Métallerie Fresnoise', COMPANY, 'SARL', '25.11Z', '17 rue Maurice Ténine', 20, [FIRMS, ALL],
  'Serrurerie-métallerie : escaliers, garde-corps, portails.',
  "Nous fabriquons et posons des ouvrages en acier et en aluminium.",
  [
    offer('material.metal.ferrous', 30, 't/yr', 'Chutes d\'acier et profilés courts'),
    offer('material.metal.aluminium', 4, 't/yr', 'Chutes de profilés aluminium'),
    need('expertise.training', 200, 'h/yr', 'Apprentis métalliers'),
  ]);
fictional('94034', 'Transports Routiers de la Cerisaie', COMPANY, 'SAS', '49.41A', '30 avenue de la Paix', 70, [FIRMS],
  'Transport routier de marchandises générales.',
  "Nous assurons des transports réguliers entre l'Île-de-France et le Centre-Val de Loire.",
  [
    offer('logistics.transport.shared-trips', 300, 'trips/yr', 'Retours à vide vers l\'Île-de-France depuis Orléans et Tours'),
    offer('equipment.vehicles.truck', 40, 'days/yr', 'Porteurs 19 t disponibles l\'été', { months: [7, 8] }),
    offer('material.tyres', 600, 'units/yr', 'Pneus poids lourds usagés, rechapables'),
  ]);
fictional('94034', 'Cartonnages de la Bièvre', COMPANY, 'SAS', '17.21A', '4 rue du Docteur Ténine', 55, [FIRMS],
  'Fabrication d\'emballages en carton ondulé sur mesure.',
  "Nous découpons et imprimons des caisses carton pour l'industrie et la logistique.",
  [
    offer('material.paper-cardboard.cardboard', 300, 't/yr', 'Chutes de découpe de carton ondulé, en balles', { c: 'MEMBERS' }),
    offer('material.wood.pallets', 2000, 'units/yr', 'Palettes de livraison des bobines'),
    need('logistics.packing', 3000, 'h/yr', 'Sous-traitance de pliage et de conditionnement en période de pointe', { months: [9, 10, 11] }),
  ]);
fictional('94034', 'Atelier Bois Solidaire', ESS, "association loi 1901 (atelier et chantier d'insertion)", '16.23Z', '11 rue Émile Zola', 18, [INSERTION, ALL],
  "Atelier et chantier d'insertion en menuiserie.",
  "Nous fabriquons du mobilier en bois de récupération et formons aux métiers du bois.",
  [
    need('material.wood.pallets', 3000, 'units/yr', 'Palettes en bon état pour la fabrication de mobilier'),
    need('material.wood.untreated', 30, 't/yr', 'Bois massif non traité de récupération'),
    offer('material.furniture', 200, 'units/yr', 'Mobilier de jardin et de bureau fabriqué en bois récupéré'),
    offer('equipment.machines.woodworking', 200, 'h/yr', 'Temps machine sur nos équipements à bois, avec encadrant'),
  ]);

// ─── L'Haÿ-les-Roses ────────────────────────────────────────────────────────────────────────
fictional('94038', 'Pépinières Roses du Val', COMPANY, 'SARL', '01.30Z', '25 rue de Chevilly', 18, [ALL, FIRMS],
  'Pépinière et production de rosiers sous serre.',
  "Nous produisons rosiers et plantes vivaces pour les jardineries et les collectivités.",
  [
    need('energy.heat.greenhouse', 900, 'MWh/yr', 'Chauffage hors gel et à 20-25 °C des serres en hiver', { t: 25, months: HEATING }),
    need('material.biowaste.compost', 80, 't/yr', 'Compost normé pour les substrats'),
    offer('material.biowaste.green', 50, 't/yr', 'Déchets de taille et plantes invendables'),
    need('water.rainwater', 3000, 'm3/yr', 'Eaux pluviales pour l\'arrosage', { months: SUMMER }),
  ]);
actor('94038', 'Centre de formation aux métiers du paysage (fictif)', SCHOOL, 'établissement public', '85.32Z', '6 allée des Tilleuls', 40, [YOUTH, INSERTION],
  "Centre de formation en aménagement paysager. Établissement fictif créé pour la démonstration.",
  "Nous formons jardiniers et paysagistes par l'apprentissage et la formation continue.",
  [
    offer('service.maintenance.green-spaces', 1500, 'h/yr', 'Chantiers-écoles d\'entretien d\'espaces verts'),
    need('equipment.machines', 200, 'days/yr', 'Prêt de broyeurs et de tondeuses pour les chantiers-écoles'),
    offer('expertise.training', 1500, 'h/yr', 'Apprentis jardiniers paysagistes'),
  ]);
fictional('94038', 'Logis Bièvre Habitat', COMPANY, "SA d'HLM", '68.20A', '50 rue Jean Jaurès', 90, [ALL, PRECARITY],
  'Bailleur social : 4 500 logements au sud du Val-de-Marne.',
  "Nous gérons des résidences et menons des rénovations énergétiques avec nos locataires.",
  [
    need('energy.heat.district-network', 3200, 'MWh/yr', 'Chaleur basse température pour raccorder deux résidences à une boucle d\'eau tiède', { t: 55, months: HEATING }),
    offer('equipment.premises', 150, 'm2', 'Locaux associatifs en rez-de-chaussée'),
    need('service.maintenance.green-spaces', 1500, 'h/yr', 'Entretien des espaces extérieurs par une structure d\'insertion'),
    need('service.waste-collection', 80, 't/yr', 'Enlèvement des encombrants avec orientation vers le réemploi'),
  ]);
fictional('94038', 'Trait d\'Union Seniors', ESS, 'association loi 1901', '88.99B', '12 rue des Tournelles', 6, [SENIORS],
  'Association de lutte contre l\'isolement des personnes âgées.',
  "Nous organisons visites à domicile, sorties et aide à l'équipement des seniors modestes.",
  [
    need('material.weee.household-appliances', 40, 'units/yr', 'Électroménager reconditionné pour des seniors aux petits revenus'),
    offer('expertise.skills-sharing', 500, 'h/yr', 'Bénévoles retraités (comptabilité, gestion, technique) pour des structures de l\'ESS'),
  ]);
fictional('94038', "Traiteur Les Jardins de l'Haÿ", COMPANY, 'SARL', '56.21Z', '3 avenue Flouquet', 22, [FIRMS, ALL],
  'Traiteur événementiel et plateaux-repas.',
  "Nous préparons cocktails, buffets et plateaux-repas pour les entreprises.",
  [
    offer('material.biowaste.food', 18, 't/yr', 'Biodéchets de préparation'),
    offer('material.oils.cooking', 1, 't/yr', 'Huiles usagées'),
    need('logistics.transport.refrigerated', 80, 'trips/yr', 'Livraisons frigorifiques partagées les jours de forte activité'),
  ]);

// ─── Villeneuve-Saint-Georges ───────────────────────────────────────────────────────────────
townHall('94078', "Services municipaux : écoles, sport, espaces verts, action sociale, rénovation urbaine.", [
  need('material.furniture', 150, 'units/yr', 'Mobilier de réemploi pour les écoles et un centre social'),
  offer('equipment.premises', 800, 'm2', 'Locaux communaux vacants pour des activités de l\'ESS (étude)'),
  offer('material.biowaste.green', 130, 't/yr', 'Déchets verts des parcs et des berges', { months: GROWING }),
]);
fictional('94078', 'Garage Solidaire Roue Libre', ESS, 'association loi 1901', '45.20A', '34 avenue de Choisy', 12, [PRECARITY, INSERTION],
  'Garage solidaire : entretien et réparation à prix réduit pour les personnes en difficulté.',
  "Nous réparons à prix solidaire les voitures des personnes en insertion pour qu'elles puissent se rendre au travail.",
  [
    need('expertise.skills-sharing', 100, 'h/yr', 'Partage de savoir-faire avec des concessionnaires : diagnostic électronique, véhicules récents'),
    need('material.tyres', 300, 'units/yr', 'Pneus d\'occasion en bon état'),
    need('equipment.vehicles', 6, 'units/yr', 'Dons de véhicules pour la location solidaire'),
    offer('service.maintenance.repair', 2500, 'h/yr', 'Réparation automobile à tarif solidaire'),
  ]);
fictional('94078', 'Ferro-Maintenance Triage', COMPANY, 'SAS', '33.17Z', '8 rue de la Gare de Triage', 95, [FIRMS],
  'Maintenance de wagons et d\'engins ferroviaires.',
  "Nous révisons et réparons wagons de fret et engins de travaux.",
  [
    offer('material.metal.ferrous', 200, 't/yr', 'Pièces d\'acier réformées et ferraille'),
    offer('material.oils.mineral', 10, 't/yr', 'Huiles hydrauliques et graisses usagées', { c: 'FACILITATORS' }),
    offer('material.wood.pallets', 1500, 'units/yr', 'Palettes des pièces détachées'),
    need('service.waste-collection.hazardous', 12, 'trips/yr', 'Collecte des déchets dangereux à mutualiser'),
  ]);
fictional('94078', 'Ressourcerie Les Trouvailles', ESS, 'association loi 1901', '47.79Z', '5 rue de Paris', 22, [ALL, INSERTION, PRECARITY],
  'Ressourcerie et boutique solidaire.',
  "Nous collectons, réparons et revendons objets, meubles et vêtements et sensibilisons au réemploi.",
  [
    need('material.furniture', 60, 't/yr', 'Meubles et objets en bon état'),
    need('material.weee.household-appliances', 200, 'units/yr', 'Électroménager à réparer'),
    offer('material.textile.clothing', 30, 't/yr', 'Vêtements invendus pour les filières de recyclage'),
    offer('expertise.training', 300, 'h/yr', 'Formation à la valorisation d\'objets'),
  ]);
fictional('94078', 'Entraide Alimentaire Villeneuvoise', ESS, 'association loi 1901', '88.99B', '18 rue Henri Janin', 5, [PRECARITY],
  'Association d\'aide alimentaire.',
  "Nous distribuons chaque semaine des colis alimentaires à 600 familles.",
  [
    need('material.unsold-goods.food', 150, 't/yr', 'Dons de denrées consommables : fruits, légumes, produits laitiers'),
    need('equipment.storage.cold-room', 30, 'm2', 'Chambre froide pour stocker les dons frais'),
    need('logistics.transport.refrigerated', 100, 'trips/yr', 'Ramasse frigorifique auprès des grossistes'),
  ]);
fictional('94078', 'Terrassements Val de Seine', COMPANY, 'SAS', '43.12A', '2 chemin des Marais', 45, [FIRMS],
  'Terrassement, voirie et réseaux.',
  "Nous réalisons terrassements et voiries pour les aménageurs et les collectivités.",
  [
    offer('material.construction.soil', 40000, 't/yr', 'Terres d\'excavation inertes, analyses disponibles', { c: 'MEMBERS' }),
    need('material.construction.rubble', 3000, 't/yr', 'Béton concassé pour couches de forme'),
    offer('water.dewatering', 20000, 'm3/yr', 'Eaux d\'exhaure de fouilles, débit variable', { c: 'FACILITATORS' }),
  ]);
fictional('94078', 'Collectif Vélo Villeneuve', CITIZENS, 'collectif informel', undefined, '1 place Pierre Sémard', 0, [ALL, YOUTH],
  'Collectif d\'usagers du vélo.',
  "Nous animons des ateliers d'autoréparation et défendons les aménagements cyclables.",
  [
    offer('service.maintenance.repair', 150, 'h/yr', 'Ateliers d\'autoréparation de vélos'),
    need('equipment.premises.workshop', 40, 'm2', 'Petit local pour les ateliers'),
  ]);

// ─── Valenton ───────────────────────────────────────────────────────────────────────────────
fictional('94074', 'Valenton Compost & Énergie', COMPANY, 'SAS', '38.21Z', '40 rue du Colonel Fabien', 18, [FIRMS, AUTHORITIES],
  'Plateforme de compostage et unité de méthanisation.',
  "Nous transformons déchets verts et biodéchets en compost normé et en biométhane injecté dans le réseau.",
  [
    need('material.biowaste.green', 8000, 't/yr', 'Déchets verts des collectivités et paysagistes'),
    need('material.biowaste.food', 6000, 't/yr', 'Biodéchets de restauration et de la grande distribution'),
    offer('material.biowaste.compost', 4000, 't/yr', 'Compost normé NF U 44-051 et digestat'),
    offer('energy.biogas', 4500, 'MWh/yr', 'Biométhane injecté, contrats d\'achat locaux possibles'),
    offer('service.waste-collection.biowaste', 3000, 't/yr', 'Collecte des biodéchets en bacs pour restaurants, cantines et commerces du sud du Val-de-Marne'),
  ]);
fictional('94074', 'Recyclage Inertes du Val', COMPANY, 'SAS', '38.32Z', '12 route de Limeil', 15, [FIRMS],
  'Plateforme de recyclage de déchets inertes du BTP.',
  "Nous concassons gravats et bétons pour produire des granulats recyclés.",
  [
    need('material.construction.rubble', 60000, 't/yr', 'Gravats et bétons propres des chantiers'),
    offer('material.construction.rubble', 50000, 't/yr', 'Granulats recyclés 0/31,5 et 0/80 pour travaux routiers'),
    need('water.rainwater', 2000, 'm3/yr', 'Eau non potable pour l\'arrosage anti-poussière', { months: SUMMER }),
  ]);
fictional('94074', 'Messagerie Express Valenton', COMPANY, 'SAS', '52.29A', '6 avenue du Val Pompadour', 85, [FIRMS],
  'Agence de messagerie et de fret express.',
  "Nous collectons et livrons colis et palettes pour les entreprises du sud-est francilien.",
  [
    offer('material.paper-cardboard.cardboard', 50, 't/yr', 'Cartons de colis endommagés'),
    offer('material.wood.pallets', 4000, 'units/yr', 'Palettes perdues'),
    offer('logistics.warehousing', 600, 'm2', 'Quais et surface de cross-dock disponibles le week-end'),
  ]);
fictional('94074', 'Les Jardins de Valenton', ESS, "association loi 1901 (atelier et chantier d'insertion)", '01.13Z', '3 chemin de la Ferme', 20, [INSERTION, ALL],
  "Chantier d'insertion en maraîchage biologique.",
  "Nous cultivons des légumes bio vendus en paniers et accompagnons 15 salariés en insertion.",
  [
    need('material.biowaste.compost', 150, 't/yr', 'Compost pour les planches de culture'),
    need('energy.heat.greenhouse', 300, 'MWh/yr', 'Chauffage des serres de semis à 20 °C', { t: 20, months: [1, 2, 3, 4] }),
    need('water.treated-wastewater', 5000, 'm3/yr', 'Eau recyclée pour l\'irrigation (étude réglementaire)', { months: SUMMER }),
    offer('expertise.training', 800, 'h/yr', 'Formation au maraîchage pour les personnes en insertion'),
  ]);
fictional('94074', "Métaux Récup' Valenton", COMPANY, 'SARL', '38.32Z', '22 rue Gustave Eiffel', 12, [FIRMS, ALL],
  'Récupération et négoce de métaux.',
  "Nous achetons, trions et revendons métaux ferreux et non ferreux aux affineries.",
  [
    need('material.metal.ferrous', 3000, 't/yr', 'Ferraille, acier et fonte'),
    need('material.metal.copper', 80, 't/yr', 'Cuivre, laiton et bronze'),
    need('material.metal.aluminium', 150, 't/yr', 'Aluminium trié'),
    offer('logistics.transport.shared-trips', 150, 'trips/yr', 'Tournées de collecte de métaux ouvertes aux PME voisines'),
  ]);

// ─── Villeneuve-le-Roi ──────────────────────────────────────────────────────────────────────
fictional('94077', 'Composites Aéro Villeneuve', COMPANY, 'SAS', '30.30Z', '14 avenue de la République', 75, [FIRMS],
  'Fabrication de pièces composites pour l\'aéronautique.',
  "Nous moulons des pièces en fibres de carbone et de verre pour les équipementiers.",
  [
    offer('material.plastic.production-scrap', 18, 't/yr', 'Chutes de préimprégnés et de matériaux composites', { c: 'PRIVATE' }),
    offer('material.solvents', 5, 't/yr', 'Acétone et solvants de nettoyage', { c: 'FACILITATORS' }),
    offer('energy.waste-heat.high-temperature', 600, 'MWh/yr', 'Chaleur des autoclaves de cuisson à 160 °C', { t: 160 }),
    offer('material.packaging.big-bags', 300, 'units/yr', 'Big bags de matières premières vidés'),
  ]);
fictional('94077', 'Maçonnerie du Bord de Seine', COMPANY, 'SARL', '43.99C', '7 rue du Général de Gaulle', 25, [ALL, FIRMS],
  'Maçonnerie générale et rénovation.',
  "Nous construisons maisons, extensions et rénovons des immeubles.",
  [
    offer('material.construction.rubble', 1500, 't/yr', 'Gravats de démolition triés'),
    need('material.construction.reusable-elements', 15, 't/yr', 'Briques, pavés et tuiles de réemploi'),
    offer('equipment.machines.handling', 30, 'days/yr', 'Mini-pelle et monte-matériaux disponibles entre deux chantiers'),
  ]);
fictional('94077', 'Chantier Naval des Îles', COMPANY, 'SARL', '33.15Z', '2 quai de la Seine', 6, [ALL, FIRMS],
  'Réparation et entretien de bateaux de plaisance et fluviaux.',
  "Nous réparons coques, moteurs et aménagements intérieurs de bateaux.",
  [
    offer('material.metal.aluminium', 2, 't/yr', 'Chutes de tôles d\'aluminium marine'),
    offer('material.oils.mineral', 2, 't/yr', 'Huiles moteur usagées'),
    need('material.wood.untreated', 3, 't/yr', 'Bois massif (chêne, teck de réemploi) pour les aménagements'),
  ]);
fictional('94077', 'Sciences en Herbe Villeneuve', ESS, 'association loi 1901', '94.99Z', '9 rue Paul Bert', 5, [YOUTH],
  'Association de culture scientifique pour les enfants et les adolescents.',
  "Nous animons des ateliers scientifiques et techniques dans les écoles et les quartiers.",
  [
    need('material.weee.it-equipment', 25, 'units/yr', 'Ordinateurs et composants pour les ateliers de démontage'),
    need('equipment.machines.digital-fabrication', 60, 'h/yr', 'Accès à un fablab pour des projets d\'élèves'),
    offer('expertise.training', 400, 'h/yr', 'Ateliers scientifiques pour les centres de loisirs'),
  ]);
fictional('94077', 'Hôtel Aérogare Sud', COMPANY, 'SAS', '55.10Z', '1 rue des Voyageurs', 35, [ALL],
  'Hôtel économique de 120 chambres.',
  "Nous accueillons voyageurs et personnels navigants à proximité de l'aéroport.",
  [
    offer('material.textile', 2, 't/yr', 'Linge hôtelier réformé'),
    offer('material.biowaste.coffee-grounds', 2, 't/yr', 'Marc de café'),
    need('service.laundry', 70, 't/yr', 'Blanchisserie du linge plat'),
  ]);

// ─── Ablon-sur-Seine ────────────────────────────────────────────────────────────────────────
fictional('94001', 'Ébénisterie des Bords de Seine', COMPANY, 'EURL', '31.09B', '6 rue Maurice Berteaux', 4, [ALL],
  'Ébénisterie et restauration de meubles.',
  "Nous fabriquons des meubles sur mesure et restaurons des meubles anciens.",
  [
    offer('material.wood.untreated', 6, 't/yr', 'Sciure et chutes de bois massif'),
    need('material.wood', 2, 't/yr', 'Bois de réemploi (parquets anciens, poutres)'),
    offer('equipment.machines.woodworking', 100, 'h/yr', 'Temps machine sur scie à format et dégauchisseuse'),
  ]);
fictional('94001', 'Les Amis de la Seine à Ablon', CITIZENS, 'association loi 1901', '94.99Z', '2 quai Léon Blum', 0, [ALL],
  'Association de riverains pour la protection des berges.',
  "Nous organisons des nettoyages de berges et des sorties nature.",
  [
    offer('expertise.skills-sharing', 40, 'h/yr', 'Bénévoles pour des journées de nettoyage et de sensibilisation'),
    need('equipment.events', 6, 'days/yr', 'Barnums et tables pour la fête des berges', { months: [6, 9] }),
  ]);
fictional('94001', "Saveurs d'Ablon", COMPANY, 'SARL', '56.21Z', '14 avenue Auguste Duru', 6, [ALL, FIRMS],
  'Traiteur de quartier.',
  "Nous préparons repas de fête et buffets d'entreprise.",
  [
    offer('material.biowaste.food', 5, 't/yr', 'Épluchures et restes de préparation'),
    offer('material.oils.cooking', 0.5, 't/yr', 'Huile de friture usagée'),
    need('equipment.kitchen', 200, 'h/yr', 'Cuisine professionnelle en location pour les grosses commandes'),
  ]);

// ─── Athis-Mons ─────────────────────────────────────────────────────────────────────────────
townHall('91027', "Services municipaux : écoles, sport, espaces verts, développement économique.", [
  need('energy.heat.space-heating', 500, 'MWh/yr', 'Étude : chauffage d\'un gymnase par récupération de chaleur', { t: 45, months: HEATING }),
  offer('equipment.premises.meeting-room', 40, 'days/yr', 'Salles municipales pour les réunions d\'entreprises'),
  offer('material.biowaste.green', 110, 't/yr', 'Déchets verts des parcs', { months: GROWING }),
]);
fictional('91027', 'Athis Aéro Services', COMPANY, 'SAS', '33.16Z', '20 avenue Jean-Pierre Bénard', 200, [FIRMS],
  'Maintenance de moteurs et d\'équipements aéronautiques.',
  "Nous révisons moteurs, hélices et équipements pour les compagnies régionales.",
  [
    offer('material.metal.aluminium', 25, 't/yr', 'Chutes et pièces réformées en aluminium'),
    offer('material.solvents', 8, 't/yr', 'Solvants de dégraissage', { c: 'FACILITATORS' }),
    offer('material.oils.mineral', 12, 't/yr', 'Huiles moteur et hydrauliques usagées', { c: 'PRIVATE' }),
    need('service.waste-collection.hazardous', 24, 'trips/yr', 'Collecte des déchets dangereux mutualisée avec la zone aéroportuaire'),
    offer('expertise.training', 600, 'h/yr', 'Accueil d\'apprentis et formation en maintenance aéronautique'),
  ]);
fictional('91027', "La Seconde Main d'Athis", ESS, 'association loi 1901', '47.79Z', '8 rue Édouard Vaillant', 16, [ALL, INSERTION, PRECARITY],
  'Recyclerie et boutique solidaire.',
  "Nous collectons et revendons objets, meubles et électroménager réparés.",
  [
    need('material.furniture', 50, 't/yr', 'Meubles en bon état'),
    need('material.weee.household-appliances', 150, 'units/yr', 'Électroménager à réparer'),
    offer('material.textile.clothing', 15, 't/yr', 'Vêtements non vendus'),
    need('logistics.warehousing', 150, 'm2', 'Stockage des dons en attente de tri'),
  ]);
fictional('91027', 'Logistique Aéroportuaire Athis', COMPANY, 'SAS', '52.10B', '5 rue Henri Pescarolo', 130, [FIRMS],
  'Entrepôt logistique pour le fret aérien et le e-commerce.',
  "Nous stockons, préparons et expédions les marchandises de nos clients importateurs.",
  [
    offer('material.wood.pallets', 10000, 'units/yr', 'Palettes perdues et palettes cassées'),
    offer('material.plastic.film', 30, 't/yr', 'Film étirable en balles'),
    offer('material.packaging.big-bags', 400, 'units/yr', 'Big bags vides réutilisables'),
    need('expertise.staff-sharing', 300, 'days/yr', 'Renfort de manutentionnaires en période de pointe via un groupement d\'employeurs', { months: [10, 11, 12] }),
  ]);
fictional('91027', "Les Délices d'Athis", COMPANY, 'SAS', '10.71A', '18 rue de la Tuilerie', 85, [FIRMS],
  'Pâtisserie industrielle : tartes et entremets surgelés.',
  "Nous fabriquons pâtisseries et entremets pour la restauration et la grande distribution.",
  [
    offer('energy.waste-heat.medium-temperature', 1500, 'MWh/yr', 'Chaleur des fours de cuisson récupérable à 90 °C', { t: 90, c: 'MEMBERS' }),
    offer('material.biowaste.agrifood', 40, 't/yr', 'Rebuts de fabrication : pâtes et crèmes non conformes'),
    offer('material.unsold-goods.food', 20, 't/yr', 'Pâtisseries surgelées déclassées (aspect), consommables'),
    offer('material.packaging.ibc', 200, 'units/yr', 'Cuves IBC alimentaires (chocolat, sirop) vidées'),
  ]);
fictional('91027', 'Les Réparateurs du Coteau', CITIZENS, 'collectif informel', undefined, '2 place du Général de Gaulle', 0, [ALL],
  'Repair café tenu par des bénévoles.',
  "Nous réparons ensemble les objets du quotidien pour éviter qu'ils finissent à la benne.",
  [
    offer('service.maintenance.repair', 200, 'h/yr', 'Réparation d\'électroménager et d\'informatique avec les habitants'),
    need('equipment.premises.meeting-room', 12, 'days/yr', 'Une salle un samedi par mois'),
  ]);
fictional('91027', 'Club Entreprises Aéroport Sud', CLUB, 'association loi 1901', '94.11Z', '1 avenue de l\'Aéropostale', 2, [FIRMS],
  "Club d'entreprises de la zone aéroportuaire sud.",
  "Nous rassemblons les entreprises de la zone autour de l'emploi, de la mobilité et de l'environnement.",
  [
    offer('expertise.staff-sharing', 500, 'days/yr', 'Groupement d\'employeurs pour des emplois partagés entre PME'),
    offer('service.joint-purchasing', 20, 'units/yr', 'Achats groupés (collecte des déchets, fournitures)'),
    need('expertise.carbon-accounting', 15, 'days/yr', 'Accompagnement collectif au bilan carbone des PME adhérentes'),
  ]);

// ─── Juvisy-sur-Orge ────────────────────────────────────────────────────────────────────────
fictional('91326', 'Agence Orge & Seine', COMPANY, 'SARL', '73.11Z', '12 Grande Rue', 15, [FIRMS, AUTHORITIES],
  'Agence de communication.',
  "Nous concevons campagnes, sites et identités visuelles pour PME et collectivités.",
  [
    offer('material.furniture', 40, 'units/yr', 'Bureaux et chaises lors de notre déménagement'),
    offer('material.weee.it-equipment', 25, 'units/yr', 'Ordinateurs et écrans de graphistes de 5 ans'),
    offer('expertise.skills-sharing', 100, 'h/yr', 'Mécénat de compétences en communication pour des associations'),
  ]);
fictional('91326', 'Boulangerie des Gares', COMPANY, 'SARL', '10.71C', '5 avenue de la Cour de France', 11, [ALL],
  'Boulangerie-pâtisserie et café.',
  "Nous préparons pains, viennoiseries et cafés pour les voyageurs de la gare.",
  [
    offer('energy.waste-heat.medium-temperature', 100, 'MWh/yr', 'Chaleur des fours récupérable à 70 °C', { t: 70 }),
    offer('material.unsold-goods.food', 3, 't/yr', 'Invendus de pain et viennoiseries'),
    offer('material.biowaste.coffee-grounds', 2, 't/yr', 'Marc de café du comptoir'),
  ]);
fictional('91326', 'Le Quai des Possibles', ESS, 'association loi 1901', '56.30Z', '3 rue Hoche', 4, [ALL, YOUTH],
  'Café associatif et tiers-lieu.',
  "Nous tenons un café associatif avec ateliers, concerts et permanences d'associations.",
  [
    need('material.unsold-goods.food', 2, 't/yr', 'Invendus alimentaires pour la cuisine du café'),
    offer('equipment.premises.meeting-room', 100, 'days/yr', 'Salle du tiers-lieu prêtée aux associations'),
    offer('material.biowaste.coffee-grounds', 1.5, 't/yr', 'Marc de café'),
  ]);
actor('91326', 'Compétences Essonne Nord', LAB, 'SAS', '85.59A', '20 rue Wurtz', 20, [FIRMS, INSERTION],
  "Organisme de formation professionnelle continue (organisation fictive).",
  "Nous formons salariés et demandeurs d'emploi à la logistique, à la sécurité et à la conduite d'engins.",
  [
    offer('expertise.training', 4000, 'h/yr', 'Formations CACES, sécurité et logistique en inter-entreprises'),
    need('equipment.machines.handling', 40, 'days/yr', 'Chariots élévateurs prêtés pour des sessions de formation'),
    offer('equipment.premises.meeting-room', 60, 'days/yr', 'Salles de formation équipées louables'),
  ]);
fictional('91326', 'Laboratoire Biologie des Gares', COMPANY, 'SELAS', '86.90B', '8 rue Camille Desmoulins', 30, [ALL],
  'Laboratoire de biologie médicale.',
  "Nous réalisons les analyses des patients et des cabinets médicaux du nord de l'Essonne.",
  [
    offer('material.plastic.expanded-polystyrene', 3, 't/yr', 'Caisses isothermes en polystyrène'),
    need('logistics.cycle-logistics', 2500, 'trips/yr', 'Transport d\'échantillons à vélo entre sites'),
    need('service.waste-collection.hazardous', 52, 'trips/yr', 'Collecte des déchets à risque, mutualisable'),
  ]);

// ─── Morangis ───────────────────────────────────────────────────────────────────────────────
fictional('91432', 'Imprimerie Offset Morangis', COMPANY, 'SAS', '18.12Z', '10 rue Lavoisier', 48, [FIRMS],
  'Imprimerie offset de magazines et catalogues.',
  "Nous imprimons magazines, catalogues et brochures pour les éditeurs et les annonceurs.",
  [
    offer('material.paper-cardboard.paper', 180, 't/yr', 'Gâche papier et rognures, en balles', { c: 'MEMBERS' }),
    offer('material.solvents', 3, 't/yr', 'Solvants usagés de nettoyage', { c: 'FACILITATORS' }),
    offer('energy.waste-heat.medium-temperature', 400, 'MWh/yr', 'Chaleur des compresseurs et des sécheurs à 65 °C', { t: 65 }),
    need('logistics.packing', 5000, 'h/yr', 'Mise sous pli et conditionnement de catalogues'),
  ]);
fictional('91432', 'Traiteur Asie Morangis', COMPANY, 'SAS', '10.85Z', '4 rue Ampère', 60, [FIRMS],
  'Fabrication de plats cuisinés asiatiques pour la distribution.',
  "Nous produisons nems, raviolis et plats cuisinés frais et surgelés.",
  [
    offer('material.biowaste.food', 45, 't/yr', 'Biodéchets de fabrication', { c: 'MEMBERS' }),
    offer('material.oils.cooking', 8, 't/yr', 'Huiles de friture usagées'),
    need('equipment.storage.cold-room', 80, 'm2', 'Chambre froide négative d\'appoint'),
  ]);
fictional('91432', 'Transports Morangissois', COMPANY, 'SARL', '49.41B', '15 rue Denis Papin', 40, [FIRMS],
  'Transport routier de proximité et location de véhicules avec chauffeur.',
  "Nous livrons palettes et colis en Île-de-France pour les industriels du sud.",
  [
    offer('logistics.transport.shared-trips', 250, 'trips/yr', 'Mutualisation de tournées avec les entreprises de la zone'),
    offer('equipment.vehicles.truck', 30, 'days/yr', 'Porteurs disponibles ponctuellement'),
    offer('material.tyres', 400, 'units/yr', 'Pneus usagés'),
  ]);
fictional('91432', 'Plasturgie Morangis Injection', COMPANY, 'SAS', '22.29A', '7 rue Gutenberg', 35, [FIRMS],
  'Injection de pièces plastiques techniques.',
  "Nous injectons des pièces en PP, ABS et PA pour l'automobile et l'électroménager.",
  [
    offer('material.plastic.production-scrap', 40, 't/yr', 'Carottes d\'injection et rebuts triés par matière'),
    need('material.plastic.production-scrap', 20, 't/yr', 'Broyé plastique PP recyclé de qualité injection'),
    offer('energy.waste-heat.low-temperature', 350, 'MWh/yr', 'Chaleur du circuit de refroidissement des presses à 40 °C', { t: 40 }),
    offer('material.packaging.big-bags', 600, 'units/yr', 'Big bags de granulés vides'),
  ]);
fictional('91432', 'Morangis Services Adaptés', ESS, 'SAS (entreprise adaptée)', '82.92Z', '12 rue Édouard Branly', 55, [DISABLED, FIRMS],
  'Entreprise adaptée : conditionnement, logistique, nettoyage.',
  "Nous employons 45 travailleurs en situation de handicap sur des prestations de sous-traitance.",
  [
    offer('logistics.packing', 20000, 'h/yr', 'Conditionnement, mise sous pli, préparation de commandes'),
    offer('service.maintenance.cleaning', 5000, 'h/yr', 'Nettoyage de locaux professionnels'),
    need('equipment.premises.workshop', 500, 'm2', 'Atelier supplémentaire pour une nouvelle ligne de conditionnement'),
  ]);

// ─── Paray-Vieille-Poste ────────────────────────────────────────────────────────────────────
fictional('91479', 'Cargo Handling Paray', COMPANY, 'SAS', '52.24B', '3 rue des Frères Wright', 180, [FIRMS],
  'Assistance en escale et manutention de fret aérien.',
  "Nous chargeons, déchargeons et préparons le fret des compagnies aériennes.",
  [
    offer('material.wood.pallets', 15000, 'units/yr', 'Palettes et caisses de fret aérien'),
    offer('material.plastic.film', 40, 't/yr', 'Films plastiques de palettes aériennes'),
    offer('material.wood', 60, 't/yr', 'Caisses et calages en bois'),
    offer('equipment.machines.handling', 50, 'days/yr', 'Chariots élévateurs disponibles en heures creuses'),
  ]);
fictional('91479', 'Hôtel Les Hauts de Paray', COMPANY, 'SARL', '55.10Z', '22 avenue du Général de Gaulle', 28, [ALL, FIRMS],
  'Hôtel de 90 chambres.',
  "Nous accueillons voyageurs d'affaires et équipages.",
  [
    offer('material.textile', 1.5, 't/yr', 'Linge de lit et serviettes réformés'),
    offer('material.furniture', 90, 'units/yr', 'Mobilier de chambres rénovées'),
    need('service.laundry', 45, 't/yr', 'Blanchisserie du linge plat'),
  ]);
fictional('91479', 'Aéro-Jeunes Paray', ESS, 'association loi 1901', '94.99Z', '5 rue Jean Mermoz', 3, [YOUTH],
  'Association d\'initiation à l\'aéronautique pour les jeunes.',
  "Nous faisons découvrir les métiers de l'aérien par des ateliers de construction de maquettes et de drones.",
  [
    need('material.metal.aluminium', 0.5, 't/yr', 'Chutes d\'aluminium pour les ateliers de construction'),
    need('material.weee.it-equipment', 15, 'units/yr', 'Ordinateurs pour la simulation de vol'),
    offer('expertise.training', 300, 'h/yr', 'Ateliers de découverte des métiers de l\'aéronautique'),
  ]);
fictional('91479', 'Tableaux Électriques Paray', COMPANY, 'SAS', '27.12Z', '9 rue Latécoère', 40, [FIRMS],
  'Fabrication d\'armoires et de tableaux électriques.',
  "Nous câblons des armoires électriques pour les bâtiments tertiaires et industriels.",
  [
    offer('material.metal.copper', 8, 't/yr', 'Chutes de barres et de câbles cuivre'),
    offer('material.paper-cardboard.cardboard', 20, 't/yr', 'Cartons de composants'),
    need('expertise.training', 250, 'h/yr', 'Apprentis câbleurs'),
  ]);

// ─── Savigny-sur-Orge ───────────────────────────────────────────────────────────────────────
fictional('91589', 'Garage du Plateau Savinien', COMPANY, 'SARL', '45.20A', '40 avenue Charles de Gaulle', 10, [ALL],
  'Garage de mécanique générale.',
  "Nous entretenons et réparons les véhicules du quartier.",
  [
    offer('material.tyres', 900, 'units/yr', 'Pneus usagés'),
    offer('material.oils.mineral', 2, 't/yr', 'Huiles de vidange', { c: 'MEMBERS' }),
    need('service.waste-collection.hazardous', 4, 'trips/yr', 'Collecte groupée des déchets dangereux des garages'),
  ]);
fictional('91589', "ESAT Les Jardins de l'Orge", ESS, 'association loi 1901', '88.10C', '7 rue des Rossays', 60, [DISABLED, FIRMS, AUTHORITIES],
  'ESAT : espaces verts, blanchisserie, conditionnement.',
  "Nous proposons aux entreprises et aux collectivités des prestations réalisées par 80 travailleurs handicapés.",
  [
    offer('service.maintenance.green-spaces', 5000, 'h/yr', 'Entretien d\'espaces verts'),
    offer('service.laundry', 40, 't/yr', 'Blanchisserie pour petits établissements (hôtels, cabinets)'),
    need('material.biowaste.compost', 20, 't/yr', 'Compost pour nos chantiers de plantation'),
    need('equipment.vehicles.utility-van', 30, 'days/yr', 'Utilitaire supplémentaire au printemps', { months: [4, 5, 6] }),
  ]);
actor('91589', "Lycée polyvalent de l'Orge (fictif)", SCHOOL, "établissement public local d'enseignement", '85.31Z', '2 avenue de Fromont', 140, [YOUTH],
  "Lycée général et technologique. Établissement fictif créé pour la démonstration.",
  "Nous accueillons 1 400 élèves et menons un projet d'établissement éco-responsable.",
  [
    offer('material.biowaste.food', 30, 't/yr', 'Biodéchets de la restauration scolaire'),
    need('material.weee.it-equipment', 100, 'units/yr', 'Ordinateurs reconditionnés pour les salles informatiques'),
    need('expertise.skills-sharing', 60, 'h/yr', 'Intervenants d\'entreprises pour les projets de développement durable'),
  ]);
fictional('91589', 'Rénovation Énergétique Savinienne', COMPANY, 'SARL', '43.29A', '18 rue Vigier', 18, [ALL, FIRMS],
  'Isolation et rénovation énergétique de l\'habitat.',
  "Nous isolons et rénovons maisons et petits collectifs et accompagnons les aides à la rénovation.",
  [
    offer('material.construction.plasterboard', 20, 't/yr', 'Chutes de plaques de plâtre propres'),
    offer('material.construction.reusable-elements', 100, 'units/yr', 'Radiateurs et fenêtres déposés en bon état'),
    offer('expertise.energy-audit', 30, 'days/yr', 'Audits énergétiques de petits bâtiments tertiaires'),
  ]);
fictional('91589', 'Collectif Compost Savinien', CITIZENS, 'collectif informel', undefined, '1 place Davout', 0, [ALL],
  'Collectif d\'habitants autour du compostage partagé.',
  "Nous gérons six composteurs de quartier et formons les habitants.",
  [
    need('material.biowaste.green', 5, 't/yr', 'Broyat de branches pour les composteurs'),
    offer('material.biowaste.compost', 3, 't/yr', 'Compost mûr distribué aux habitants'),
    offer('expertise.skills-sharing', 50, 'h/yr', 'Formation au compostage pour écoles et entreprises'),
  ]);

// ─── Viry-Châtillon ─────────────────────────────────────────────────────────────────────────
townHall('91687', "Services municipaux : écoles, sport et loisirs nautiques, espaces verts, culture.", [
  need('energy.heat.pool', 2500, 'MWh/yr', "Étude : chauffage des bassins d'un centre aquatique par récupération de chaleur", { t: 30 }),
  offer('material.biowaste.green', 130, 't/yr', 'Déchets verts des berges et des parcs', { months: GROWING }),
  offer('equipment.premises.meeting-room', 30, 'days/yr', 'Salles municipales pour les associations'),
]);
fictional('91687', 'Orge Data Services', COMPANY, 'SAS', '63.11Z', '25 avenue du Président Kennedy', 30, [FIRMS],
  'Centre de données régional : hébergement et sauvegarde.',
  "Nous hébergeons et sauvegardons les données des PME et des collectivités du sud francilien.",
  [
    offer('energy.waste-heat.low-temperature', 3500, 'MWh/yr', 'Chaleur fatale des serveurs à 38 °C, disponible toute l\'année', { t: 38, c: 'MEMBERS' }),
    offer('material.weee.it-equipment', 250, 'units/yr', 'Serveurs et disques réformés, effacement certifié'),
    offer('material.paper-cardboard.cardboard', 5, 't/yr', 'Cartons d\'emballage des équipements'),
  ]);
fictional('91687', "Les Rames de l'Orge", ESS, 'association loi 1901', '93.12Z', '4 chemin du Lac', 3, [YOUTH, ALL],
  'Club d\'aviron et d\'activités nautiques.',
  "Nous proposons aviron, canoë et stages nautiques aux jeunes et aux entreprises.",
  [
    need('equipment.events', 8, 'days/yr', 'Barnums et tables pour les régates', { months: [5, 6, 9] }),
    offer('equipment.premises.meeting-room', 40, 'days/yr', 'Club-house disponible pour des séminaires'),
  ]);
fictional('91687', "Blanchisserie Solidaire de l'Orge", ESS, "SAS agréée ESUS (entreprise d'insertion)", '96.01A', '10 rue Octave Longuet', 30, [INSERTION, FIRMS],
  "Entreprise d'insertion de blanchisserie.",
  "Nous lavons le linge des hôtels, EHPAD et restaurants en formant des salariés en insertion.",
  [
    offer('service.laundry', 400, 't/yr', 'Blanchisserie du linge plat et des tenues pour hôtels et EHPAD'),
    offer('energy.waste-heat.low-temperature', 500, 'MWh/yr', 'Chaleur des eaux de lavage à 40 °C', { t: 40 }),
    need('water.rainwater', 6000, 'm3/yr', 'Eaux pluviales pour le prélavage'),
  ]);
fictional('91687', "Charpentes & Ossatures de l'Orge", COMPANY, 'SAS', '16.23Z', '33 rue Victor Basch', 22, [FIRMS, ALL],
  'Charpente et construction en ossature bois.',
  "Nous fabriquons charpentes et murs à ossature bois dans notre atelier.",
  [
    offer('material.wood.untreated', 60, 't/yr', 'Chutes de bois massif et sciure non traités'),
    offer('energy.wood-fuel', 50, 't/yr', 'Plaquettes de bois non traité pour chaufferie'),
    need('expertise.training', 300, 'h/yr', 'Apprentis charpentiers'),
  ]);

// ─── Output ─────────────────────────────────────────────────────────────────────────────────

const METRES_PER_DEGREE_LAT = 111_320;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Spreads the actors of one commune on a sunflower (Vogel) spiral around its centre: evenly
 * spaced, reproducible, and never farther than the commune's radius. The town hall sits at the
 * centre. A per-commune rotation keeps neighbouring communes from looking stamped out.
 */
function positions(communeCode: string, count: number): { lat: number; lon: number }[] {
  const commune = COMMUNES[communeCode];
  const rotation = (Number(communeCode) % 360) * (Math.PI / 180);
  const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((commune.lat * Math.PI) / 180);
  return Array.from({ length: count }, (_, k) => {
    const r = commune.radiusM * Math.sqrt((k + 0.5) / count);
    const angle = rotation + k * GOLDEN_ANGLE;
    return {
      lat: round5(commune.lat + (r * Math.sin(angle)) / METRES_PER_DEGREE_LAT),
      lon: round5(commune.lon + (r * Math.cos(angle)) / metresPerDegreeLon),
    };
  });
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/**
 * Relations already known between demo actors (fictional, like the actors): the
 * complementarity engine does not suggest again what they cover, and shows the rest as leads
 * to strengthen them. By the actors' external ids.
 */
const RELATIONS = [
  { from: 'demo-gosb-027', to: 'demo-gosb-119', type: 'SUPPLIES', since: '2023-04-01', description: 'Le garage cède des pièces détachées et des véhicules de reprise au garage solidaire.' },
  { from: 'demo-gosb-127', to: 'demo-gosb-004', type: 'CLIENT_OF', since: '2022-09-01', description: 'La messagerie confie à la coopérative ses livraisons du dernier kilomètre dans Paris.' },
  { from: 'demo-gosb-034', to: 'demo-gosb-085', type: 'COOPERATES_WITH', since: '2024-01-15', description: 'Diagnostic des flux de chantier et recherche de débouchés pour les déblais.' },
  { from: 'demo-gosb-019', to: 'demo-gosb-007', type: 'SUPPLIES', since: '2023-06-01', description: 'Matériaux issus de la dépose sélective avant démolition.' },
  { from: 'demo-gosb-156', to: 'demo-gosb-167', type: 'BOARD_MEMBER_OF', since: '2021-11-20', description: "La directrice de l'hôtel siège au conseil d'administration de la blanchisserie solidaire." },
];

function build(): unknown {
  const spread = new Map<string, { lat: number; lon: number }[]>();
  for (const code of Object.keys(COMMUNES)) {
    const count = actors.filter((a) => a.communeCode === code && a.kind !== 'LOCAL_AUTHORITY').length;
    spread.set(code, positions(code, count));
  }
  const out = actors.map((spec, i) => {
    const commune = COMMUNES[spec.communeCode];
    if (!commune) throw new Error(`${spec.name}: commune ${spec.communeCode} is not in the EPT list`);
    const location = spec.kind === 'LOCAL_AUTHORITY'
      ? { lat: commune.lat, lon: commune.lon }
      : spread.get(spec.communeCode)!.shift()!;
    const externalId = `demo-gosb-${String(i + 1).padStart(3, '0')}`;
    return {
      externalId,
      name: spec.name,
      kind: spec.kind,
      economy: spec.economy,
      legalForm: spec.legalForm,
      ...(spec.nafCode ? { nafCode: spec.nafCode } : {}),
      communeCode: spec.communeCode,
      location,
      address: `${spec.street}, ${commune.postcode} ${commune.name}`,
      description: spec.description,
      ...(spec.employees !== undefined ? { employees: spec.employees } : {}),
      activities: spec.activities,
      publics: spec.publics,
      flows: spec.flows.map(({ direction, description, categoryCode, quantity, unit, ...rest }, j) => ({
        externalId: `${externalId}-f${j + 1}`, direction, description, categoryCode, quantity, unit, ...rest,
      })),
    };
  });
  return {
    territory: {
      code: '200058014',
      name: 'Grand-Orly Seine Bièvre',
      level: 'EPT',
      departements: ['94', '91'],
      communes: Object.keys(COMMUNES).sort(),
      description: "Territoire de démonstration autour de l'EPT Grand-Orly Seine Bièvre (Val-de-Marne et nord de l'Essonne), "
        + "dans l'esprit des speed meetings ecoCIRC entre entreprises innovantes et collectivités. "
        + 'Organisations fictives : les entreprises, associations et collectifs sont inventés, leurs noms ne désignent aucune marque réelle. '
        + 'Les mairies sont des collectivités réelles, mais leurs besoins et offres sont des exemples fictifs et neutres. '
        + 'Positions approximatives, réparties autour du centre de chaque commune.',
    },
    actors: out,
    relations: RELATIONS,
  };
}

// Arrays of numbers or strings fit on one line: the file stays reviewable.
const json = JSON.stringify(build(), null, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`);
// Resolved from the working directory, not __dirname: the compiled script runs from a temporary folder.
const target = path.resolve('seeds/demo/grand-orly-seine-bievre.json');
if (!fs.existsSync(path.dirname(target))) throw new Error('Run this script from the repository root (seeds/demo/ not found).');
fs.writeFileSync(target, `${json}\n`);
console.log(`wrote ${actors.length} actors and ${actors.reduce((n, a) => n + a.flows.length, 0)} flows to ${target}`);
