// Maillage web page: API status line and the "Acteurs à proximité" search.
// Plain ES module, no framework, no build step, no network access but the page's own
// origin (the page must work offline, on a facilitator's laptop in a workshop).
// Every piece of data goes into the DOM through textContent / attributes, never innerHTML.

import {
  ACTOR_KIND_LABELS,
  ECONOMY_LABELS,
  ERROR_CODE_HINTS,
  FLOW_DIRECTION_LABELS,
  RESOURCE_FAMILY_LABELS,
  SEARCH_LIMITS,
  formatKm,
  labelFor,
  project,
  toViewBox,
  validateSearch,
} from './format.js';

const ENDPOINT = '/graphql';
const SVG_NS = 'http://www.w3.org/2000/svg';

const STATUS_QUERY = '{ resourceCategories { code } }';

/** The nearbyActors query; `name` of a category is its French name. */
const NEARBY_QUERY = `query($near: GeoPointInput!, $radiusKm: Float!, $first: Int) {
  nearbyActors(near: $near, radiusKm: $radiusKm, first: $first) {
    distanceKm
    actor {
      id name kind economy location { lat lon } address
      flows { direction description category { code name family } }
    }
  }
}`;

// ---------------------------------------------------------------------------
// GraphQL transport

/** Error to show to the user: one message per line (ours in French, the server's as sent) plus the GraphQL error codes. */
class ApiError extends Error {
  /**
   * @param {string[]} messages one line each, shown as a list
   * @param {{codes?: string[], cause?: unknown}} [options]
   */
  constructor(messages, { codes = [], cause } = {}) {
    super(messages.join('\n'), { cause });
    this.name = 'ApiError';
    this.messages = messages;
    this.codes = codes;
  }
}

/**
 * POST a GraphQL operation to the same-origin endpoint.
 * @param {string} query GraphQL document
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<any>} the `data` of the response
 * @throws {ApiError} on network failure, non-GraphQL response or GraphQL errors
 */
async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (cause) {
    throw new ApiError(
      ['Impossible de joindre le serveur Maillage : vérifiez que le serveur est démarré et votre connexion réseau.'],
      { cause },
    );
  }

  let body;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ApiError(
      [`Réponse inattendue du serveur (HTTP ${response.status}) : ce n'est pas une réponse GraphQL. L'API est-elle bien servie sur ${ENDPOINT} ?`],
      { cause },
    );
  }

  // GraphQL errors may come with HTTP 200 or 4xx: the body is what counts.
  if (Array.isArray(body?.errors) && body.errors.length > 0) {
    throw new ApiError(
      body.errors.map((e) => String(e?.message ?? 'Erreur sans message.')),
      { codes: body.errors.map((e) => e?.extensions?.code).filter(Boolean) },
    );
  }
  if (!response.ok || body?.data == null) {
    throw new ApiError([`Le serveur a répondu HTTP ${response.status} sans données.`]);
  }
  return body.data;
}

async function fetchNearby(variables) {
  return (await graphql(NEARBY_QUERY, variables)).nearbyActors;
}

// ---------------------------------------------------------------------------
// DOM helpers (text only: no HTML parsing of data anywhere)

/**
 * Create an HTML element.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs] set with setAttribute; false/null skipped
 * @param {...(Node | string | number | null | undefined)} children strings become text nodes
 */
function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** Create an SVG element; same contract as `h`. */
function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(node, attrs, children) {
  setAttributes(node, attrs);
  for (const child of children) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Show a titled list of messages in an error box (role="alert" in the HTML). */
function showError(box, title, messages, codes = []) {
  const hints = [...new Set(codes)].map((c) => ERROR_CODE_HINTS[c]).filter(Boolean);
  box.replaceChildren(
    h('p', { class: 'error-title' }, title),
    h('ul', {}, ...messages.map((m) => h('li', {}, m))),
    ...hints.map((hint) => h('p', { class: 'error-hint' }, hint)),
  );
  box.hidden = false;
}

function clearError(box) {
  box.hidden = true;
  box.replaceChildren();
}

/** Messages of any thrown value, so that a bug in the page also ends up in the error box. */
function describeError(error) {
  if (error instanceof ApiError) return { messages: error.messages, codes: error.codes };
  console.error(error);
  return { messages: [`Erreur inattendue dans la page : ${error?.message ?? error}`], codes: [] };
}

// ---------------------------------------------------------------------------
// API status line

async function checkApi(statusLine) {
  try {
    const data = await graphql(STATUS_QUERY);
    const n = Array.isArray(data.resourceCategories) ? data.resourceCategories.length : 0;
    statusLine.textContent = `API connectée — ${n} ${n > 1 ? 'catégories' : 'catégorie'} de ressources`;
    statusLine.dataset.state = 'ok';
  } catch (error) {
    const { messages } = describeError(error);
    statusLine.textContent = `API indisponible — ${messages.join(' ')}`;
    statusLine.dataset.state = 'error';
  }
}

// ---------------------------------------------------------------------------
// Actor list

/** One badge per flow: "Offre : …" / "Besoin : …", category in the tooltip. */
function renderFlows(flows) {
  if (!Array.isArray(flows) || flows.length === 0) {
    return h('span', { class: 'muted' }, 'Aucun flux déclaré');
  }
  return h('ul', { class: 'badges' }, ...flows.map((flow) => {
    const direction = labelFor(FLOW_DIRECTION_LABELS, flow.direction);
    const category = flow.category;
    const categoryName = category ? (category.name ?? category.code) : null;
    const family = category ? labelFor(RESOURCE_FAMILY_LABELS, category.family) : '';
    const tooltip = categoryName ? `${categoryName}${family ? ` (${family})` : ''}` : null;
    return h('li', {
      class: `badge badge--${flow.direction === 'OFFER' ? 'offer' : 'need'}`,
      title: tooltip,
    }, `${direction} : ${flow.description ?? ''}`);
  }));
}

/**
 * Table of the nearby actors (stacked as cards on narrow screens by style.css).
 * @param {Array<{distanceKm: number, actor: object}>} list nearbyActors result, nearest first
 */
function renderActors(list) {
  const container = document.getElementById('nearby-list');
  if (list.length === 0) {
    container.replaceChildren(h('p', { class: 'empty' },
      'Aucun acteur trouvé dans ce rayon. Élargissez le rayon ou déplacez le point de recherche.'));
    return;
  }
  const columns = ['Acteur', 'Type', 'Économie', 'Distance', 'Flux'];
  const rows = list.map(({ distanceKm, actor }) => h('tr', {},
    // One wrapper per cell, so that the stacked layout of style.css sees a single grid item.
    h('td', { 'data-label': columns[0] }, h('div', {},
      h('strong', {}, actor.name),
      actor.address ? h('span', { class: 'address' }, actor.address) : null)),
    h('td', { 'data-label': columns[1] }, labelFor(ACTOR_KIND_LABELS, actor.kind)),
    h('td', { 'data-label': columns[2] }, labelFor(ECONOMY_LABELS, actor.economy)),
    h('td', { 'data-label': columns[3], class: 'num' }, formatKm(distanceKm)),
    h('td', { 'data-label': columns[4] }, renderFlows(actor.flows)),
  ));
  container.replaceChildren(h('table', { class: 'actors' },
    h('caption', { class: 'visually-hidden' }, 'Acteurs trouvés, du plus proche au plus éloigné'),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows),
  ));
}

// ---------------------------------------------------------------------------
// Schematic map

const MAP_SIZE = 300;
const MAP_PADDING = 18;

/**
 * Scatter of the actors around the search centre, with the search circle.
 * Equirectangular projection, north up; no tiles (the page works offline).
 * @param {Array<{distanceKm: number, actor: object}>} list nearbyActors result
 * @param {{lat: number, lon: number}} centre
 * @param {number} radiusKm
 */
function renderMap(list, centre, radiusKm) {
  const container = document.getElementById('nearby-map');
  const c = MAP_SIZE / 2;
  const ringRadius = c - MAP_PADDING;
  const placed = list.filter(({ actor }) => actor?.location
    && Number.isFinite(actor.location.lat) && Number.isFinite(actor.location.lon));

  // Farthest first, so that the nearest actors are drawn on top.
  const points = placed.slice().reverse().map(({ actor, distanceKm }) => {
    const { x, y } = toViewBox(project(actor.location, centre), radiusKm, MAP_SIZE, MAP_PADDING);
    const economy = Object.hasOwn(ECONOMY_LABELS, actor.economy ?? '') ? actor.economy.toLowerCase() : 'other';
    return s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 5, class: `point point--${economy}` },
      s('title', {}, `${actor.name} — ${labelFor(ACTOR_KIND_LABELS, actor.kind)}, ${formatKm(distanceKm)}`));
  });

  const svg = s('svg', {
    viewBox: `0 0 ${MAP_SIZE} ${MAP_SIZE}`, role: 'img', 'aria-labelledby': 'map-title map-desc',
  },
  s('title', { id: 'map-title' }, 'Carte schématique des acteurs trouvés'),
  s('desc', { id: 'map-desc' },
    `${placed.length} acteur(s) autour du point recherché ; le cercle marque le rayon de ${formatKm(radiusKm)}. Nord en haut.`),
  s('rect', { x: 0, y: 0, width: MAP_SIZE, height: MAP_SIZE, class: 'map-bg' }),
  s('line', { x1: c, y1: MAP_PADDING / 2, x2: c, y2: MAP_SIZE - MAP_PADDING / 2, class: 'map-axis' }),
  s('line', { x1: MAP_PADDING / 2, y1: c, x2: MAP_SIZE - MAP_PADDING / 2, y2: c, class: 'map-axis' }),
  s('circle', { cx: c, cy: c, r: ringRadius, class: 'map-ring' }),
  s('text', { x: c + 4, y: 13, class: 'map-label' }, 'N'),
  s('text', { x: 6, y: MAP_SIZE - 6, class: 'map-label' }, `rayon ${formatKm(radiusKm)}`),
  s('path', { d: `M${c - 6} ${c}h12M${c} ${c - 6}v12`, class: 'map-centre' },
    s('title', {}, 'Point de recherche')),
  ...points);

  const legend = h('ul', { class: 'map-legend', 'aria-label': 'Légende' },
    ...Object.entries(ECONOMY_LABELS).map(([code, label]) => h('li', {},
      h('span', { class: `swatch point--${code.toLowerCase()}`, 'aria-hidden': 'true' }), label)));

  container.replaceChildren(svg, legend);
}

// ---------------------------------------------------------------------------
// Search form

const FIELDS = ['lat', 'lon', 'radiusKm', 'first'];

/** Numbers of the form (NaN for an empty or invalid field). */
function readForm(form) {
  return Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].valueAsNumber]));
}

/** Copy SEARCH_LIMITS into the inputs, so the HTML and the check in format.js never disagree. */
function applyLimits(form) {
  for (const [name, { min, max }] of Object.entries(SEARCH_LIMITS)) {
    form.elements[name].min = String(min);
    form.elements[name].max = String(max);
  }
}

/** Prefill from `?lat=&lon=&radiusKm=&first=`; returns true when the URL asks for a search. */
function prefillFromUrl(form) {
  const params = new URLSearchParams(window.location.search);
  for (const name of FIELDS) {
    const value = params.get(name);
    if (value !== null) form.elements[name].value = value.replace(',', '.');
  }
  return params.has('lat') && params.has('lon');
}

/** Keep the current search in the address bar, so a facilitator can share the link. */
function rememberInUrl(values) {
  const params = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]));
  window.history.replaceState(null, '', `?${params}`);
}

async function onSearch(form) {
  const errorBox = document.getElementById('nearby-error');
  const summary = document.getElementById('nearby-summary');
  const button = document.getElementById('nearby-submit');
  const values = readForm(form);

  const problems = validateSearch(values);
  if (problems.length > 0) {
    showError(errorBox, 'Le formulaire est à corriger :', problems);
    return;
  }

  clearError(errorBox);
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  summary.textContent = 'Recherche en cours…';
  const centre = { lat: values.lat, lon: values.lon };
  try {
    const list = await fetchNearby({ near: centre, radiusKm: values.radiusKm, first: values.first });
    renderActors(list);
    renderMap(list, centre, values.radiusKm);
    summary.textContent = `${list.length} ${list.length > 1 ? 'acteurs trouvés' : 'acteur trouvé'} dans un rayon de ${formatKm(values.radiusKm)}.`;
    rememberInUrl(values);
  } catch (error) {
    document.getElementById('nearby-list').replaceChildren();
    document.getElementById('nearby-map').replaceChildren();
    summary.textContent = '';
    const { messages, codes } = describeError(error);
    showError(errorBox, 'La recherche a échoué :', messages, codes);
  } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

function init() {
  const form = document.getElementById('nearby-form');
  applyLimits(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSearch(form);
  });
  checkApi(document.getElementById('api-status'));
  if (prefillFromUrl(form)) onSearch(form);
}

init();
