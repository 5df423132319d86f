// Pure helpers of the Maillage web page: French labels, number formatting and the
// flat projection used by the schematic map. No DOM access here, so that every
// function can be unit-tested under Node without a browser.

/** French labels of the GraphQL enum `ActorKind`. */
export const ACTOR_KIND_LABELS = Object.freeze({
  COMPANY: 'Entreprise',
  ESS_STRUCTURE: "Structure de l'ESS",
  LOCAL_AUTHORITY: 'Collectivité',
  RESEARCH_EDUCATION: 'Recherche / enseignement',
  SUPPORT_NETWORK: "Réseau d'accompagnement",
  CITIZEN_GROUP: 'Collectif citoyen',
});

/** French labels of the GraphQL enum `Economy`. */
export const ECONOMY_LABELS = Object.freeze({
  CLASSIC: 'Économie classique',
  ESS: 'ESS',
  PUBLIC: 'Public',
});

/** French labels of the GraphQL enum `FlowDirection` ("gisement" = offer, "besoin" = need). */
export const FLOW_DIRECTION_LABELS = Object.freeze({
  OFFER: 'Offre',
  NEED: 'Besoin',
});

/** French labels of the GraphQL enum `ResourceFamily`. */
export const RESOURCE_FAMILY_LABELS = Object.freeze({
  ENERGY: 'Énergie',
  WATER: 'Eau',
  MATERIAL: 'Matières',
  EQUIPMENT: 'Équipements',
  SERVICE: 'Services',
  EXPERTISE: 'Expertise',
  LOGISTICS: 'Logistique',
});

/**
 * Label of an enum value, or the raw value when the map does not know it.
 * The schema may grow new enum values before the page learns them; showing the
 * code is better than showing nothing.
 * @param {Readonly<Record<string, string>>} labels one of the label maps above
 * @param {string | null | undefined} code enum value sent by the API
 * @returns {string} the French label, the code itself, or '' for a missing code
 * @example labelFor(ECONOMY_LABELS, 'ESS') // 'ESS'
 */
export function labelFor(labels, code) {
  if (code == null) return '';
  // hasOwn rather than `labels[code]`, so that "constructor" and friends are not labels.
  return Object.hasOwn(labels, code) ? labels[code] : String(code);
}

const KM_FORMAT = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/**
 * Distance in French style, one decimal (100 m is the precision a facilitator needs).
 * @param {number} km distance in kilometres
 * @returns {string} e.g. "1,2 km"; "—" when the value is not a finite number
 * @example formatKm(1.234) // '1,2 km'
 */
export function formatKm(km) {
  if (typeof km !== 'number' || !Number.isFinite(km)) return '—';
  return `${KM_FORMAT.format(km)} km`;
}

/** Mean Earth radius (IUGG, km), the sphere the API contract allows for distances. */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

/**
 * Equirectangular projection of a point around a centre, in kilometres east and
 * north of the centre. Accurate to well under 1 % over the few tens of km the map
 * shows, which is all a schematic map needs (no tiles, no projection library).
 * @param {{lat: number, lon: number}} point WGS-84 decimal degrees
 * @param {{lat: number, lon: number}} centre WGS-84 decimal degrees
 * @returns {{xKm: number, yKm: number}} xKm positive to the east, yKm positive to the north
 * @example project({ lat: 48.7962, lon: 2.3925 }, { lat: 48.7872, lon: 2.3925 }) // { xKm: 0, yKm: ~1.0 }
 */
export function project(point, centre) {
  for (const [name, p] of [['point', point], ['centre', centre]]) {
    if (!p || !Number.isFinite(p.lat) || !Number.isFinite(p.lon)) {
      throw new TypeError(`${name} must be { lat, lon } with finite numbers`);
    }
  }
  // Wrap the longitude difference into [-180, 180) so points across the antimeridian stay close.
  const dLon = ((((point.lon - centre.lon) % 360) + 540) % 360) - 180;
  const dLat = point.lat - centre.lat;
  const cosLat = Math.cos((centre.lat * Math.PI) / 180);
  return { xKm: dLon * cosLat * KM_PER_DEGREE, yKm: dLat * KM_PER_DEGREE };
}

/**
 * Place projected kilometres into a square SVG viewBox whose centre is the search
 * centre and whose inner circle (size/2 - padding) is the search radius.
 * @param {{xKm: number, yKm: number}} offset output of `project`
 * @param {number} radiusKm search radius, > 0
 * @param {number} size side of the square viewBox
 * @param {number} padding room kept between the radius circle and the edge
 * @returns {{x: number, y: number}} SVG coordinates (y grows downwards)
 * @example toViewBox({ xKm: 1, yKm: 0 }, 2, 300, 20) // { x: 215, y: 150 }
 */
export function toViewBox(offset, radiusKm, size, padding) {
  if (!(radiusKm > 0)) throw new RangeError('radiusKm must be > 0');
  const half = size / 2;
  const scale = (half - padding) / radiusKm;
  return { x: half + offset.xKm * scale, y: half - offset.yKm * scale };
}

/**
 * What a user can do about a GraphQL error, by `extensions.code` (API contract:
 * BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, plus Apollo's own codes).
 */
export const ERROR_CODE_HINTS = Object.freeze({
  BAD_USER_INPUT: 'Vérifiez les valeurs saisies.',
  UNAUTHENTICATED: 'Connectez-vous pour accéder à ces données.',
  FORBIDDEN: "Votre compte n'a pas les droits nécessaires pour ces données.",
  NOT_FOUND: "L'élément demandé n'existe pas ou plus.",
  GRAPHQL_VALIDATION_FAILED:
    'La requête de la page ne correspond pas au schéma du serveur : mettez à jour la page ou le serveur.',
  INTERNAL_SERVER_ERROR:
    "Erreur interne du serveur : réessayez plus tard ou prévenez l'administrateur de l'instance.",
});

/** Bounds of the "Acteurs à proximité" form, shared by the HTML attributes and the check below. */
export const SEARCH_LIMITS = Object.freeze({
  radiusKm: { min: 0.1, max: 200 },
  first: { min: 1, max: 200 },
});

/**
 * Check the search form values and say in French what to correct.
 * @param {{lat: number, lon: number, radiusKm: number, first: number}} values numbers read
 *   from the form (NaN when a field is empty or not a number)
 * @returns {string[]} French messages, empty when the values are usable
 * @example validateSearch({ lat: 48.7872, lon: 2.3925, radiusKm: 2, first: 20 }) // []
 */
export function validateSearch({ lat, lon, radiusKm, first }) {
  const errors = [];
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    errors.push('La latitude doit être un nombre entre -90 et 90 (ex. 48,7872).');
  }
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    errors.push('La longitude doit être un nombre entre -180 et 180 (ex. 2,3925).');
  }
  const r = SEARCH_LIMITS.radiusKm;
  if (!Number.isFinite(radiusKm) || radiusKm < r.min || radiusKm > r.max) {
    errors.push(`Le rayon doit être compris entre ${String(r.min).replace('.', ',')} et ${r.max} km.`);
  }
  const f = SEARCH_LIMITS.first;
  if (!Number.isInteger(first) || first < f.min || first > f.max) {
    errors.push(`Le nombre maximal d'acteurs doit être un entier entre ${f.min} et ${f.max}.`);
  }
  return errors;
}
