/**
 * Turns French and English resource descriptions into comparable words, and reads the hints a
 * description carries besides its words (EWC codes, units, temperatures). Used by `categorize`
 * on both sides, the description and the taxonomy's names and synonyms: the rules only need to
 * be consistent, not linguistically perfect, because both sides go through the same pipeline.
 *
 * Pipeline of `tokenize`: fold case and accents → split into words → drop function words →
 * strip plurals → map trade words and English words to one canonical French word or phrase
 * (the lexicon) → strip common derivational suffixes (the light stemmer).
 *
 * Pure TypeScript, no I/O.
 */
import { foldText } from '../text/fold';

// Function words, and units that say nothing about which resource it is (units are read
// separately as hints, see `readUnitDimensions`). Compared with the word as written (folded),
// before stemming, so that a stem that happens to equal a function word is kept.
const STOPWORDS = new Set([
  // French
  'le', 'la', 'les', 'de', 'du', 'des', 'un', 'une', 'et', 'ou', 'en', 'au', 'aux', 'pour', 'par', 'sur',
  'dans', 'avec', 'sans', 'nos', 'notre', 'nous', 'vos', 'votre', 'leur', 'leurs', 'ce', 'ces', 'cet',
  'cette', 'son', 'sa', 'ses', 'se', 'qui', 'que', 'qu', 'est', 'sont', 'il', 'elle', 'on', 'tout', 'tous',
  'toute', 'toutes', 'tres', 'plus', 'moins', 'environ', 'chaque', 'an', 'annee', 'mois', 'jour', 'jours',
  'semaine', 'tonne', 'tonnes', 'litre', 'litres', 'kg', 'kwh', 'mwh', 'gwh', 'kw', 'mw', 'kwc', 'm2', 'm3',
  'ha', 'env', 'ca', 'via', 'chez', 'entre', 'apres', 'avant', 'lors', 'afin', 'peu', 'pas', 'ne', 'ni',
  'ainsi', 'aussi', 'deux', 'trois', 'mais', 'donc', 'dont', 'etre', 'avoir', 'fait', 'faire', 'peut',
  'pourrait', 'dispo', 'actuellement', 'partir', 'issu', 'issus', 'issue', 'issues', 'provenant', 'possible',
  'souhaite', 'propose', 'proposons', 'donner', 'ceder',
  // English
  'the', 'of', 'and', 'or', 'for', 'from', 'with', 'our', 'we', 'to', 'in', 'on', 'at', 'by', 'per',
  'is', 'are', 'this', 'that', 'its', 'their', 'it', 'be', 'us', 'your', 'year', 'yr', 'yrs', 'an', 'as',
  'about', 'approx', 'around', 'some', 'any', 'can', 'could', 'would', 'will', 'into', 'which', 'was',
  'were', 'has', 'have', 'been', 'other', 'than', 'then', 'also', 'each', 'every', 'week', 'month', 'day',
  'days', 'hour', 'hours', 'ton', 'tons', 'tonne', 'tonnes', 'available', 'offer', 'offered', 'currently',
  'approximately', 'up', 'after', 'over',
]);

// Prefixes written with or without a hyphen ("co-produits", "coproduits"; "bio-déchets"):
// joined, so both spellings give one word.
const JOINED_PREFIXES = /\b(co|bio|eco|re|pre|e|d3|micro|mini|semi|post|multi|non)-(?=[a-z])/g;
// Compounds whose first word is a function word, joined with a space or a hyphen, so that
// dropping the function word does not leave a word that means something else ("day care" is not
// "care", "by-product" is not "product").
const JOINED_COMPOUNDS = /\b(day|by|pick)[ -](care|products?|up)\b/g;

// Words the stemmer must leave alone, because stripping them would merge two resources that the
// taxonomy keeps apart: "laitier" (slag) would meet "lait" (milk); "locaux" (premises) would meet
// the English adjective "local"; "stockage" (storage) would meet "stocks" (unsold goods);
// "recyclerie", "ressourcerie" (reuse shops) would meet "recyclage" and "ressources", and
// "brasserie" (brewery) would meet "brassage".
const PROTECTED = new Set(['laitier', 'locaux', 'stockage', 'recyclerie', 'ressourcerie', 'brasserie']);

// Derivational suffixes, longest first; the first one that leaves a stem of at least MIN_STEM
// letters is removed (only one). They merge a noun, its verb and its participle ("recyclage",
// "recycler", "recyclé", "recycling", "recycled" → "recycl"), and some French and English pairs
// ("électrique"/"electric", "électricité"/"electricity", "dangereux"/"dangerous").
const SUFFIXES: readonly (readonly [suffix: string, replacement: string])[] = [
  ['ement', ''], ['ation', ''], ['ateur', ''], ['atrice', ''], ['ical', 'ic'], ['ique', 'ic'],
  ['erie', ''], ['iere', ''], ['euse', ''], ['aire', ''], ['able', ''], ['ible', ''], ['ante', ''],
  ['ment', ''], ['eux', ''], ['eur', ''], ['ous', ''], ['ion', ''], ['ite', ''], ['ity', ''], ['ier', ''],
  ['ant', ''], ['ing', ''], ['age', ''], ['ee', ''], ['ed', ''], ['er', ''], ['e', ''],
];
// Five letters: four-letter stems merged unrelated words ("élévateur" and "élevage" both gave
// "elev", "partagé" and "part" both "part").
const MIN_STEM = 5;

/**
 * Strips French and English plurals: "-ies" → "-y", "-es" after a sibilant, "-aux"/"-au" → "-al"
 * (so "métaux", "matériaux" meet "métal", "material"), then a final "-s" or "-x".
 * Words of three letters or fewer ("gaz", "bus", "eau") are left alone.
 */
export function singular(word: string): string {
  if (word.length <= 3 || PROTECTED.has(word)) return word;
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(sh|ch|x|ss|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('aux')) return `${word.slice(0, -3)}al`;
  if (word.length > 4 && word.endsWith('au')) return `${word.slice(0, -2)}al`;
  if (word.endsWith('eux')) return word; // "dangereux": the stemmer's "-eux" handles it
  if (word.endsWith('ous')) return word; // "hazardous", "dangerous": an adjective, not a plural
  if (/[^s]s$/.test(word) || word.endsWith('x')) return word.slice(0, -1);
  return word;
}

/**
 * Light stemmer for French and English (after `singular`): removes one common derivational
 * suffix when a stem of at least five letters remains. Deliberately conservative: a missed merge
 * costs a little recall; a wrong merge files a resource under another one.
 *
 * @example stem('recyclage') // 'recycl'
 * @example stem('electricite') // 'electric'
 */
export function stem(word: string): string {
  if (word.length <= MIN_STEM || PROTECTED.has(word) || /\d/.test(word)) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
      return word.slice(0, -suffix.length) + replacement;
    }
  }
  return word;
}

/** The canonical word of every way of saying "we need", see `statesNeed`. */
const NEED_WORD = 'besoin';

/**
 * Whether a text states a need ("besoin de", "we need", "looking for") rather than an offer.
 *
 * @example statesNeed('Besoin de chaleur à 85 °C') // true
 */
export function statesNeed(text: string): boolean {
  return tokenize(text).includes(stem(NEED_WORD));
}

/**
 * Words and phrases that mean the same resource, first entry canonical. English words map to
 * their French equivalent and trade words to the plain word, so that a description in either
 * language meets the names and synonyms of the taxonomy in both. Written from general
 * vocabulary of waste, energy and industrial-symbiosis practice (ADEME, ORÉE, NISP wording), not
 * from any test set. Entries are compared after folding and plural stripping: write them
 * singular, without accents.
 */
const LEXICON: readonly (readonly string[])[] = [
  // What a need says: the taxonomy keeps heat needs (`energy.heat`) apart from heat offers.
  [NEED_WORD, 'need', 'needed', 'require', 'required', 'requirement', 'demand', 'wanted', 'looking for', 'seeking',
    'cherche', 'cherchons', 'recherchons', 'souhaitons'],
  // Heat, cold, energy
  ['chaleur fatale', 'waste heat', 'excess heat', 'surplus heat', 'residual heat', 'chaleur perdue', 'chaleur residuelle',
    'surplus chaleur', 'excedent chaleur', 'chaleur excedentaire', 'recovered heat', 'recoverable heat', 'chaleur recuperable',
    'lost heat', 'reject heat', 'rejected heat', 'surplus thermique', 'heat surplus'],
  ['chaleur', 'heat', 'calorie', 'thermal', 'thermique'],
  ['chauffage', 'heating'],
  ['vapeur', 'steam'],
  ['condensat', 'condensate'],
  ['froid', 'cold'],
  ['frigorie', 'frigorie'],
  ['groupe froid', 'chiller', 'refrigeration unit', 'groupe frigorifique', 'refrigeration plant', 'installation frigorifique',
    'unite frigorifique', 'centrale frigorifique', 'refrigeration system'],
  ['condenseur', 'condenser'],
  ['refroidissement', 'cooling'],
  ['climatisation', 'air conditioning'],
  ['electricite', 'electricity', 'electrique', 'electric', 'electrical'],
  ['photovoltaique', 'photovoltaic', 'pv'],
  ['solaire', 'solar'],
  ['chaudiere', 'boiler'],
  ['four', 'oven', 'kiln', 'furnace'],
  ['fumee', 'flue gas', 'fume', 'smoke', 'exhaust gas', 'exhaust', 'flue', 'gaz echappement'],
  ['sechoir', 'dryer', 'drier', 'drying', 'sechage'],
  ['compresseur', 'compressor'],
  ['air comprime', 'compressed air'],
  ['biogaz', 'biogas'],
  ['biomethane', 'renewable natural gas', 'rng'],
  ['methanisation', 'anaerobic digestion', 'digestion anaerobie', 'biogas plant', 'unite methanisation'],
  ['methaniseur', 'digester', 'digesteur', 'biodigester', 'anaerobic digester'],
  ['cogeneration', 'chp', 'combined heat and power', 'cogen', 'trigeneration'],
  ['hydrogene', 'hydrogen', 'h2'],
  ['biocarburant', 'biofuel'],
  ['combustible', 'fuel'],
  ['bois chauffage', 'firewood', 'bois buche', 'buche', 'log wood'],
  ['plaquette forestiere', 'forest chip', 'wood chip', 'woodchip', 'plaquette bois'],
  ['granule', 'pellet'],
  ['piscine', 'swimming pool', 'centre aquatique', 'aquatic centre', 'leisure centre', 'lido'],
  ['serre', 'greenhouse', 'glasshouse'],
  ['reseau chaleur', 'district heating', 'heat network', 'chauffage urbain', 'district heating network', 'reseau chauffage',
    'heating network'],
  ['eau chaude sanitaire', 'domestic hot water', 'dhw', 'ecs', 'sanitary hot water'],
  ['eau chaude', 'hot water'],
  ['tiede', 'warm', 'lukewarm', 'tepid'],
  ['basse temperature', 'low temperature', 'low grade', 'low-grade'],
  ['haute temperature', 'high temperature', 'high grade', 'high-grade'],
  ['pompe chaleur', 'heat pump'],
  ['echangeur', 'heat exchanger', 'exchanger'],
  ['energie', 'energy', 'energetique', 'energetic'],
  ['efficacite', 'efficiency'],
  // Water
  ['eau', 'water'],
  ['eau usee', 'wastewater', 'waste water', 'sewage', 'effluent domestique'],
  ['station epuration', 'wastewater treatment plant', 'sewage treatment plant', 'sewage work', 'treatment work', 'wwtp',
    'step', 'station depuration'],
  ['traite', 'treated', 'traitee', 'purified', 'epure'],
  ['eau pluie', 'rainwater', 'rain water', 'eau pluviale', 'stormwater', 'storm water', 'runoff', 'run off'],
  ['pluie', 'rain'],
  ['nappe', 'groundwater', 'ground water', 'aquifer', 'water table', 'nappe phreatique'],
  ['exhaure', 'dewatering', 'mine water'],
  ['osmose', 'osmosis'],
  ['demineralisee', 'demineralised', 'demineralized', 'deionised', 'deionized', 'demin'],
  ['arrosage', 'watering', 'sprinkling'],
  ['rincage', 'rinsing', 'rinse'],
  ['lavage', 'washing', 'wash'],
  ['tour aerorefrigerante', 'cooling tower', 'tour refroidissement'],
  ['eau brute', 'raw water', 'untreated water'],
  ['potable', 'drinking', 'drinkable'],
  // Materials in general
  ['dechet', 'waste', 'residu', 'residue', 'refuse', 'detritus'],
  ['sousproduit', 'sous produit', 'byproduct'], // one concept, one word; "by-product": see JOINED_COMPOUNDS
  ['coproduit', 'co product', 'coproduct'],
  ['rebut', 'reject', 'scrap', 'non conforme', 'off spec', 'offspec'],
  ['chute', 'offcut', 'off cut', 'retaille'],
  ['copeau', 'shaving', 'swarf', 'turning', 'tournure'],
  ['concasse', 'crushed', 'broye', 'shredded'],
  ['usage', 'usagee', 'used', 'spent', 'worn', 'obsolete', 'reforme', 'reformee', 'hors usage', 'end life', 'fin vie',
    'out use', 'vieux', 'vieille', 'old'],
  ['reemploi', 'reuse', 're use', 'reutilisation', 'reusable', 'reutilisable', 'reemployable', 'seconde main',
    'second hand', 'occasion', 'reclaimed', 'salvaged'],
  ['reconditionne', 'refurbished', 'reconditioned', 'remanufactured', 'refurbishment', 'reconditionnement'],
  ['invendu', 'unsold', 'overstock'],
  ['surplus', 'excess', 'excedent', 'excedentaire', 'leftover'],
  ['vide', 'empty'],
  ['partage', 'shared', 'sharing', 'partagee', 'partager', 'mutualise', 'mutualisee', 'mutualiser', 'mutualisation',
    'pooled', 'pooling', 'mise commun'],
  ['casse', 'broken', 'damaged', 'endommage', 'abime', 'cassee'],
  ['melange', 'mixed', 'mixture'],
  ['propre', 'clean'],
  ['emballage', 'packaging', 'package', 'wrapping'],
  ['conteneur', 'container'],
  // Wood, paper, glass, plastics
  ['palette', 'pallet', 'europalette', 'euro pallet', 'eur pallet', 'epal'],
  ['bois', 'wood', 'timber', 'wooden'],
  ['sciure', 'sawdust', 'saw dust', 'wood dust'],
  ['menuiserie', 'joinery', 'carpentry'],
  ['scierie', 'sawmill', 'saw mill'],
  ['ecorce', 'bark'],
  ['panneau', 'panel'],
  ['agglomere', 'particleboard', 'particle board', 'chipboard', 'panneau particule', 'osb'],
  ['contreplaque', 'plywood'],
  ['papier', 'paper'],
  ['carton', 'cardboard', 'corrugated', 'carton ondule', 'corrugated board'],
  ['journal', 'newspaper'],
  ['verre', 'glass'],
  ['bouteille', 'bottle'],
  ['bocal', 'jar'],
  ['vitrage', 'glazing', 'vitre', 'window glass', 'pane'],
  ['pare brise', 'windscreen', 'windshield'],
  ['calcin', 'cullet'],
  ['plastique', 'plastic'],
  ['polystyrene', 'styrofoam', 'eps', 'pse', 'polystyrene expanse', 'expanded polystyrene'],
  ['film etirable', 'stretch film', 'shrink film', 'film retractable', 'shrink wrap'],
  ['pehd', 'hdpe', 'polyethylene haute densite', 'high density polyethylene'],
  ['pebd', 'ldpe', 'polyethylene basse densite', 'low density polyethylene'],
  ['pp', 'polypropylene'],
  ['pe', 'polyethylene'],
  // Metals
  ['ferraille', 'scrap metal', 'metal scrap'],
  ['metal', 'metallic', 'metallique'],
  ['acier', 'steel', 'inox', 'stainless steel', 'stainless'],
  ['fer', 'iron'],
  ['fonte', 'cast iron'],
  ['ferreux', 'ferrous'],
  ['non ferreux', 'non ferrous', 'nonferrou'],
  ['aluminium', 'aluminum', 'alu'],
  ['cuivre', 'copper'],
  ['laiton', 'brass'],
  ['tole', 'sheet metal', 'metal sheet'],
  ['cable', 'wire'],
  ['canette', 'cannette'],
  // Textiles
  ['tissu', 'fabric', 'etoffe', 'cloth'],
  ['vetement', 'clothing', 'clothe', 'garment', 'apparel'],
  ['chaussure', 'shoe', 'footwear'],
  ['chiffon', 'rag', 'wiper'],
  ['moquette', 'carpet'],
  ['linge', 'linen'],
  ['uniforme', 'uniform', 'workwear'],
  ['rembourrage', 'stuffing', 'padding'],
  // Electrical and electronic equipment
  ['deee', 'weee', 'd3e', 'ewaste'],
  ['electronique', 'electronic'],
  ['ordinateur', 'computer', 'pc', 'desktop'],
  ['portable', 'laptop', 'notebook'],
  ['ecran', 'screen', 'monitor', 'display'],
  ['telephone', 'phone', 'smartphone', 'mobile phone', 'cell phone', 'telephone portable'],
  ['tablette', 'tablet'],
  ['imprimante', 'printer'],
  ['serveur', 'server'],
  ['materiel informatique', 'computer equipment', 'computer hardware'],
  ['electromenager', 'household appliance', 'appliance', 'white good'],
  ['refrigerateur', 'fridge', 'frigo', 'refrigerator', 'freezer', 'congelateur'],
  ['lave linge', 'washing machine'],
  ['cartouche', 'cartridge'],
  ['composant', 'component'],
  ['carte electronique', 'circuit board', 'pcb', 'printed circuit board'],
  // Packaging
  ['fut', 'drum', 'barrel', 'tonneau'],
  ['bidon', 'jerrycan', 'canister'],
  ['caisse', 'crate'],
  ['bac', 'tote', 'bin'],
  // Tyres, oils, chemicals
  ['pneu', 'pneumatique', 'tyre', 'tire'],
  ['caoutchouc', 'rubber'],
  ['huile', 'oil'],
  ['graisse', 'grease', 'fat'],
  ['friture', 'frying', 'fryer', 'deep fat'],
  ['huile alimentaire', 'cooking oil', 'edible oil', 'huile cuisson'],
  ['lubrifiant', 'lubricant'],
  ['solvant', 'solvent'],
  ['diluant', 'thinner'],
  ['peinture', 'paint'],
  ['chimique', 'chemical'],
  ['dangereux', 'hazardous', 'dangerous'],
  // Mineral residues
  ['boue', 'sludge', 'mud'],
  ['cendre', 'ash', 'cinder'],
  ['machefer', 'bottom ash'],
  ['laitier', 'slag', 'scorie'],
  ['fonderie', 'foundry'],
  ['sable', 'sand'],
  ['moule', 'mould', 'mold', 'moulage'],
  ['ciment', 'cement'],
  ['cimenterie', 'cement plant', 'cement work', 'cement kiln', 'cimentier', 'cement maker', 'cement producer'],
  ['gypse', 'gypsum'],
  ['platre', 'plaster'],
  ['placo', 'plasterboard', 'drywall', 'gypsum board', 'plaque platre', 'ba13', 'placoplatre', 'gyproc', 'wallboard'],
  ['desulfuration', 'desulphurisation', 'desulfurization', 'desulphurization', 'desulfurisation', 'fgd',
    'flue gas desulphurisation', 'flue gas desulfurization'],
  // Construction
  ['beton', 'concrete'],
  ['brique', 'brick'],
  ['tuile', 'tile', 'roof tile'],
  ['terre', 'soil', 'earth'],
  ['deblai', 'spoil', 'excavated material', 'excavation'],
  ['remblai', 'backfill'],
  ['terrassement', 'earthwork'],
  ['gravat', 'rubble', 'debris'],
  ['inerte', 'inert'],
  ['chantier', 'construction site', 'building site', 'worksite', 'job site'],
  ['granulat', 'aggregate'],
  ['gravier', 'gravel'],
  ['enrobe', 'asphalt', 'tarmac', 'bitumen', 'bitume', 'blacktop'],
  ['fraisat', 'planing'],
  ['isolant', 'insulation', 'insulant', 'isolation'],
  ['laine verre', 'glass wool', 'glasswool'],
  ['laine roche', 'rock wool', 'rockwool', 'stone wool', 'stonewool'],
  ['laine', 'wool'],
  ['porte', 'door'],
  ['fenetre', 'window'],
  ['cloison', 'partition wall'],
  ['faux plafond', 'suspended ceiling', 'false ceiling', 'ceiling tile', 'dropped ceiling'],
  ['radiateur', 'radiator'],
  ['dalle', 'slab'],
  // Biowaste and food
  ['biodechet', 'biowaste', 'bio waste', 'putrescible'],
  ['alimentaire', 'food'],
  ['alimentation animale', 'animal feed', 'livestock feed', 'feedstuff', 'fodder', 'pet food', 'feed ingredient'],
  ['cuisine', 'kitchen'],
  ['cantine', 'canteen', 'refectoire', 'cafeteria', 'dining hall'],
  ['repas', 'meal'],
  ['reste', 'plate waste'],
  ['epluchure', 'peeling', 'peel', 'pelure'],
  ['restauration', 'catering'],
  ['traiteur', 'caterer'],
  ['pain', 'bread'],
  ['boulangerie', 'bakery', 'baker', 'boulanger'],
  ['patisserie', 'pastry'],
  ['brasserie', 'brewery', 'brewer', 'brasseur', 'microbrasserie', 'microbrewery'],
  ['biere', 'beer'],
  ['levure', 'yeast'],
  ['dreche', 'spent grain', 'brewer grain', 'draff'],
  ['cafe', 'coffee'],
  ['lait', 'milk'],
  ['laiterie', 'dairy', 'creamery'],
  ['fromage', 'cheese'],
  ['fromagerie', 'cheesemaker', 'cheese maker', 'fromager', 'cheese factory'],
  ['yaourt', 'yoghurt', 'yogurt'],
  ['viande', 'meat'],
  ['boucherie', 'butcher', 'butchery'],
  ['abattoir', 'slaughterhouse'],
  ['poisson', 'fish'],
  ['poissonnerie', 'fishmonger'],
  ['os', 'bone'],
  ['carcasse', 'carcass'],
  ['legume', 'vegetable'],
  ['pomme terre', 'potato'],
  ['pomme', 'apple'],
  ['marche', 'market'],
  ['vert', 'green'],
  ['tonte', 'grass clipping', 'grass cutting', 'lawn clipping', 'mowing', 'tonte pelouse'],
  ['branchage', 'branch'],
  ['feuille', 'leaf', 'leave'],
  ['elagage', 'pruning', 'tree surgery', 'lopping'],
  ['paillage', 'mulch', 'mulching', 'paillis'],
  ['fumier', 'manure', 'dung', 'muck'],
  ['lisier', 'slurry', 'liquid manure'],
  ['litiere', 'litter', 'bedding'],
  ['elevage', 'livestock farming', 'livestock'],
  ['agriculteur', 'farmer', 'exploitant agricole'],
  ['champignon', 'mushroom'],
  ['champignonniere', 'mushroom farm', 'mushroom grower'],
  ['agroalimentaire', 'food industry', 'food processing', 'agri food', 'agrifood', 'food manufacturer',
    'food factory', 'iaa', 'industrie agroalimentaire', 'food processor'],
  ['pulpe', 'pulp'],
  ['engrais', 'fertiliser', 'fertilizer'],
  ['amendement', 'soil improver', 'soil conditioner', 'amendment'],
  // Premises and equipment
  ['locaux', 'premise'],
  ['bureau', 'office'],
  ['atelier', 'workshop', 'workroom'],
  ['hangar', 'shed'],
  ['entrepot', 'warehouse', 'storehouse'],
  ['entreposage', 'warehousing'],
  ['stockage', 'storage'],
  ['salle', 'room', 'hall'],
  ['reunion', 'meeting'],
  ['terrain', 'land', 'plot'],
  ['friche', 'brownfield', 'wasteland', 'derelict site', 'vacant lot'],
  ['parking', 'car park', 'parking lot'],
  ['toit', 'roof', 'toiture', 'rooftop'],
  ['chambre froide', 'cold room', 'walk in cooler', 'chambre frigorifique', 'entrepot frigorifique', 'walk in freezer'],
  ['etagere', 'shelf', 'shelving', 'shelve'],
  ['rayonnage', 'racking', 'rack'],
  ['outil', 'tool'],
  ['outillage', 'tooling'],
  ['machine outil', 'machine tool'],
  ['chariot elevateur', 'forklift', 'fork lift', 'forklift truck', 'lift truck', 'fork truck'],
  ['transpalette', 'pallet truck', 'pallet jack', 'hand pallet truck'],
  ['nacelle', 'cherry picker', 'aerial platform', 'boom lift', 'nacelle elevatrice', 'plateforme elevatrice', 'scissor lift'],
  ['presse balle', 'baler', 'baling press', 'presse carton'],
  ['compacteur', 'compactor'],
  ['broyeur', 'shredder', 'grinder', 'crusher', 'chipper'],
  ['pelleteuse', 'excavator', 'digger', 'pelle mecanique', 'mini pelle', 'mini excavator', 'minipelle'],
  ['chargeuse', 'loader', 'wheel loader'],
  ['grue', 'crane'],
  ['poste souder', 'welding station', 'welding machine', 'welding set', 'soudure', 'welding'],
  ['plieuse', 'press brake', 'bending machine'],
  ['scie', 'saw'],
  ['raboteuse', 'planer', 'thicknesser'],
  ['machine coudre', 'sewing machine'],
  ['couture', 'sewing'],
  ['laboratoire', 'laboratory', 'lab', 'labo'],
  ['vehicule', 'vehicle'],
  ['camion', 'truck', 'lorry', 'poids lourd', 'hgv', 'heavy goods vehicle'],
  ['camionnette', 'van', 'fourgon', 'fourgonnette', 'light commercial vehicle', 'lcv'],
  ['velo cargo', 'cargo bike', 'cargo bicycle', 'cargobike', 'cargo cycle'],
  ['velo', 'bike', 'bicycle'],
  ['autopartage', 'car sharing', 'carsharing', 'car club'],
  ['covoiturage', 'carpooling', 'car pooling', 'ride sharing', 'lift sharing', 'rideshare'],
  ['navette', 'shuttle'],
  ['borne recharge', 'charging point', 'charging station', 'charge point', 'ev charger', 'wallbox', 'charging bay'],
  ['barnum', 'marquee', 'gazebo', 'chapiteau', 'tent', 'tente'],
  ['sonorisation', 'sono', 'sound system', 'pa system'],
  // Services
  ['collecte', 'collection', 'pickup', 'ramassage', 'enlevement'],
  ['benne', 'skip', 'dumpster'],
  ['decheterie', 'dechetterie', 'recycling centre', 'civic amenity site', 'household waste recycling centre'],
  ['tri', 'sorting', 'sort'],
  ['demantelement', 'dismantling', 'dismantle', 'disassembly', 'demontage'],
  ['achat groupe', 'joint purchasing', 'group purchasing', 'group buying', 'bulk buying', 'purchasing group',
    'groupement achat', 'centrale achat', 'buying group', 'joint procurement', 'pooled purchasing'],
  ['achat', 'purchase', 'purchasing', 'buying', 'procurement'],
  ['maintenance', 'entretien', 'upkeep', 'servicing'],
  ['reparation', 'repair', 'fixing', 'reparer'],
  ['espace vert', 'green space', 'greenspace', 'grounds maintenance'],
  ['nettoyage', 'cleaning', 'menage', 'proprete'],
  ['restaurant inter entreprise', 'rie', 'staff restaurant', 'company restaurant', 'works canteen'],
  ['blanchisserie', 'laundry', 'laverie', 'launderette'],
  ['curage', 'soft strip', 'strip out', 'stripout'],
  ['location', 'rental', 'hire', 'renting', 'leasing', 'lease'],
  ['inclusion numerique', 'digital inclusion', 'mediation numerique', 'digital literacy', 'inclusion'],
  ['numerique', 'digital'],
  ['gardiennage', 'guarding', 'security guard', 'gardien', 'vigile', 'watchman'],
  ['securite', 'security', 'safety'],
  ['creche', 'nursery', 'daycare', 'childcare', 'garde enfant'],
  ['salarie', 'employee', 'staff', 'worker', 'personnel', 'employe', 'collaborateur'],
  ['main oeuvre', 'labour', 'labor', 'workforce', 'manpower'],
  ['temps partage', 'part time', 'time sharing', 'timeshare'],
  // Expertise
  ['formation', 'training', 'course', 'cours', 'upskilling'],
  ['apprenti', 'apprentice'],
  ['apprentissage', 'apprenticeship'],
  ['alternance', 'work study', 'sandwich course', 'dual training'],
  ['stagiaire', 'intern', 'trainee'],
  ['competence', 'skill'],
  ['savoir faire', 'know how'],
  ['mecenat competence', 'skill based volunteering', 'pro bono', 'probono'],
  ['benevole', 'volunteer', 'volunteering', 'benevolat'],
  ['mentorat', 'mentoring', 'mentor', 'coaching', 'tutorat', 'tutoring'],
  ['conseil', 'advice', 'consulting', 'consultancy', 'consultant', 'advisor', 'adviser'],
  ['audit', 'diagnostic', 'assessment'],
  ['ecoconception', 'eco design', 'ecodesign', 'eco conception', 'design for environment'],
  ['acv', 'lca', 'life cycle assessment', 'analyse cycle vie', 'life cycle analysis', 'lifecycle assessment'],
  ['bilan carbone', 'carbon footprint', 'carbon accounting', 'ghg inventory', 'greenhouse gas inventory', 'bilan ges',
    'empreinte carbone', 'carbon audit'],
  ['rse', 'csr', 'corporate social responsibility', 'responsabilite societale'],
  ['developpement', 'development'],
  ['essai', 'test', 'testing', 'trial'],
  ['technicien', 'technician'],
  ['electricien', 'electrician'],
  ['recrutement', 'recruitment', 'recruiting', 'hiring', 'recruit', 'embauche'],
  ['emploi', 'employment', 'job'],
  ['reglementation', 'regulation', 'regulatory', 'reglementaire', 'compliance'],
  ['autorisation', 'permit', 'authorisation', 'authorization'],
  ['comptabilite', 'accounting', 'bookkeeping', 'comptable', 'accountant'],
  ['paie', 'payroll', 'paye'],
  ['ressource humaine', 'human resource', 'hr', 'rh'],
  ['juridique', 'legal'],
  ['financement', 'funding', 'subvention', 'grant', 'subsidy', 'financing'],
  ['appel projet', 'call for projects', 'call for proposals'],
  ['economie eau', 'water saving'],
  ['hse', 'ehs', 'qhse', 'qse', 'hygiene securite environnement', 'health safety environment'],
  ['prevention risque', 'risk prevention', 'risk assessment', 'evaluation risque'],
  // Logistics
  ['transport', 'haulage', 'shipping', 'carriage'],
  ['fret', 'freight'],
  ['livraison', 'delivery'],
  ['tournee', 'delivery round', 'milk round'],
  ['retour vide', 'empty running', 'empty mile', 'backhaul', 'back haul'],
  ['peniche', 'barge', 'river boat'],
  ['fluvial', 'river', 'waterway', 'inland waterway', 'inland shipping'],
  ['ferroviaire', 'rail', 'railway', 'train'],
  ['embranchement ferre', 'rail siding', 'siding', 'private siding'],
  ['frigorifique', 'refrigerated', 'chilled'],
  ['vrac', 'bulk', 'loose'],
  ['semi remorque', 'semi trailer', 'articulated lorry'],
  ['dernier kilometre', 'last mile'],
  ['coursier', 'courier'],
  ['plateforme logistique', 'logistics platform', 'distribution centre', 'distribution center', 'logistics hub',
    'hub logistique'],
  ['logistique inverse', 'reverse logistics', 'logistique retour', 'take back', 'return logistics'],
  ['consigne', 'deposit return', 'deposit'],
  ['conditionnement', 'packing', 'co packing', 'copacking'],
  ['preparation commande', 'order picking', 'order preparation', 'picking', 'pick and pack', 'fulfilment', 'fulfillment'],
  ['etiquetage', 'labelling', 'labeling'],
];

/** Splits a text into folded, plural-stripped words, without function words or bare numbers. */
function surfaceWords(text: string): string[] {
  return foldText(text)
    .replace(/([a-z])&([a-z])/g, '$1$2') // "R&D" stays one word
    .replace(JOINED_PREFIXES, '$1')
    .replace(JOINED_COMPOUNDS, '$1$2')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !/^\d+$/.test(word) && !STOPWORDS.has(word))
    .map(singular);
}

interface Lexicon {
  /** Variant (words joined by spaces) → canonical words. */
  byVariant: Map<string, string[]>;
  /** Longest variant, in words. */
  longest: number;
}

let lexicon: Lexicon | null = null;

function lexiconIndex(): Lexicon {
  if (lexicon) return lexicon;
  const byVariant = new Map<string, string[]>();
  let longest = 1;
  for (const [canonical, ...variants] of LEXICON) {
    const target = surfaceWords(canonical);
    for (const variant of [canonical, ...variants]) {
      const words = surfaceWords(variant);
      if (words.length === 0) continue;
      const key = words.join(' ');
      // The first group that claims a variant keeps it: groups are ordered phrase before word.
      if (!byVariant.has(key)) byVariant.set(key, target);
      longest = Math.max(longest, words.length);
    }
  }
  lexicon = { byVariant, longest };
  return lexicon;
}

/** Replaces each known variant by its canonical words, longest phrase first. */
function canonicalize(words: readonly string[]): string[] {
  const { byVariant, longest } = lexiconIndex();
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let matched = false;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const target = byVariant.get(words.slice(i, i + n).join(' '));
      if (target) {
        out.push(...target);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(words[i++]);
  }
  return out;
}

/**
 * Splits a text into comparable words: folded, plural-stripped, canonical (lexicon), stemmed,
 * without function words or numbers.
 *
 * @example tokenize('Palettes bois cassées') // ['palett', 'boi', 'casse']
 * @example tokenize('Broken wooden pallets') // ['casse', 'boi', 'palett']
 */
export function tokenize(text: string): string[] {
  return canonicalize(surfaceWords(text)).map(stem);
}

// Words that say in what state a resource is, not what it is: "surplus", "used", "broken",
// "empty", "mixed", "clean", "old". Compared after tokenizing, so their English forms count too.
const QUALIFIERS = ['surplus', 'usagé', 'cassé', 'vide', 'mélange', 'propre', 'disponible'];
let qualifierWords: Set<string> | null = null;

/**
 * Whether a word (as `tokenize` gives it) only qualifies the state of a resource ("surplus",
 * "used", "broken"): it says less about which resource it is than a noun does.
 */
export function isQualifier(word: string): boolean {
  qualifierWords ??= new Set(QUALIFIERS.flatMap(tokenize));
  return qualifierWords.has(word);
}

/**
 * The European List of Waste codes written in a text, as six digits without spaces: "10 01 05",
 * "100105", "10.01.05", "20 01 08*" (the asterisk, hazardous, is dropped; the taxonomy carries
 * it). A longer run of digits (a phone number, "120 000") is not a code.
 *
 * @example readEwcCodes('Gypse 10 01 05, boues 190805') // ['100105', '190805']
 */
export function readEwcCodes(text: string): string[] {
  const codes: string[] = [];
  const pattern = /(?<![\d.,])(?<!\d[ .\-])(\d{2})[ .\-]?(\d{2})[ .\-]?(\d{2})(?![ .\-,]?\d)/g;
  for (const match of text.matchAll(pattern)) codes.push(`${match[1]}${match[2]}${match[3]}`);
  return codes;
}

/** A kind of quantity; the taxonomy's typical units map to the same kinds (`unitDimension`). */
export type UnitDimension = 'energy' | 'power' | 'temperature' | 'mass' | 'volume' | 'area' | 'time' | 'count' | 'trips';

// Units as companies write them after a number, by kind. Read on the folded text.
const UNIT_PATTERNS: readonly (readonly [UnitDimension, RegExp])[] = [
  ['energy', /\b(?:[kmgt]wh|thermies?|tep)\b/],
  ['power', /\d\s*(?:[kmg]w(?:c|th|e|p)?)\b/],
  ['temperature', /\d\s*(?:°|º|degres?\b|degrees?\b)/],
  ['mass', /\d\s*(?:t|tonnes?|tons?|kg|kilos?)\b(?!\s*\/\s*h\b)|\bt\s*\/\s*(?:an|yr|year|mois|month|semaine|week|jour|day|j)\b/],
  ['volume', /\bm3\b|m³|\d\s*(?:l|litres?|liters?|hl)\b/],
  ['area', /\bm2\b|m²|\d\s*(?:ha|hectares?)\b/],
  ['time', /\d\s*(?:h|heures?|hours?|jours?|days?|j|demi-journees?)\s*(?:\/|par|per|a l'|a|an)\s*(?:an|yr|year|mois|month|semaine|week)\b|\d\s*(?:jours?|days?|heures?|hours?)\b/],
  ['count', /\d\s*(?:unites?|units?|pieces?|pcs|exemplaires?)\b/],
  ['trips', /\d\s*(?:trajets?|trips?|rotations?|voyages?|tournees?)\b/],
];

/**
 * The kinds of quantity a text states ("300 MWh/an" → energy, "20 m3/h" → volume, "3 jours par
 * an" → time). A hint about the family of the resource, never evidence on its own.
 */
export function readUnitDimensions(text: string): Set<UnitDimension> {
  const folded = foldText(text);
  return new Set(UNIT_PATTERNS.filter(([, pattern]) => pattern.test(folded)).map(([dimension]) => dimension));
}

/**
 * The kind of quantity of one of the taxonomy's typical units ("MWh/yr" → energy), or null.
 */
export function unitDimension(unit: string): UnitDimension | null {
  const u = unit.toLowerCase();
  if (/wh/.test(u)) return 'energy';
  if (/^[kmg]w/.test(u)) return 'power';
  if (/^t\//.test(u)) return 'mass';
  if (/^m3/.test(u)) return 'volume';
  if (/^m2/.test(u)) return 'area';
  if (/^(h|days)\//.test(u)) return 'time';
  if (/^units/.test(u)) return 'count';
  if (/^trips/.test(u)) return 'trips';
  return null;
}

/**
 * The temperature a text states, in °C: "45°C", "45 °C", "80 degrés", "approx 70 C"; the middle
 * of a range ("35-40 °C" → 37.5). Null when none is written.
 */
export function readTemperature(text: string): number | null {
  const match = /(-?\d+(?:[.,]\d+)?)(?:\s*(?:-|–|a|to)\s*(-?\d+(?:[.,]\d+)?))?\s*(?:°|º|degres?\b|deg\b|degrees?\b|c\b)/.exec(foldText(text));
  if (!match) return null;
  const low = Number(match[1].replace(',', '.'));
  const high = match[2] === undefined ? low : Number(match[2].replace(',', '.'));
  return (low + high) / 2;
}
