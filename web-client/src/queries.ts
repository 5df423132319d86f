/** The GraphQL operations of the client (plain strings: the tests run them against the schema). */
const ACTOR_REF = 'id name kind economy location { lat lon }';
const FLOW = 'id direction description quantity unit category { code name family }';
const MAP_ACTOR = `id name kind economy location { lat lon } flows { ${FLOW} }`;
const SYNERGY = `score distanceKm reasons
  offer { id description category { name family } actor { ${ACTOR_REF} } }
  need { id description category { name family } actor { ${ACTOR_REF} } }`;

export const NEARBY_QUERY = `query Nearby($near: GeoPointInput!, $radiusKm: Float!, $first: Int) {
  nearbyActors(near: $near, radiusKm: $radiusKm, first: $first) { distanceKm actor { ${MAP_ACTOR} } }
}`;
export const TERRITORY_ACTORS_QUERY = `query TerritoryActors($code: String!, $first: Int) {
  actors(filter: { territoryCode: $code }, first: $first) { nodes { ${MAP_ACTOR} } }
  territory(code: $code) { code name level geometry }
}`;
export const SYNERGIES_QUERY = `query Synergies($filter: SynergyFilter!, $first: Int) {
  synergies(filter: $filter, first: $first) { ${SYNERGY} }
}`;
export const EXPLORER_QUERY = `query Explorer($s: SynergyFilter!, $m: MutualisationFilter!, $c: ComplementarityFilter!) {
  synergies(filter: $s, first: 50) { ${SYNERGY} }
  mutualisations(filter: $m, first: 30) { kind direction score spanKm reasons category { name family } members { actor { ${ACTOR_REF} } flows { id } } }
  complementarities(filter: $c, first: 50) { kind score distanceKm competition reasons a { ${ACTOR_REF} } b { ${ACTOR_REF} } }
}`;
export const ACTOR_CARD_QUERY = `query ActorCard($id: ID!) {
  actor(id: $id) { ${MAP_ACTOR} description activities address legalForm employees }
  synergies(filter: { actorId: $id }, first: 20) { ${SYNERGY} }
  complementarities(filter: { actorId: $id }, first: 20) { kind score distanceKm competition reasons a { ${ACTOR_REF} } b { ${ACTOR_REF} } }
}`;
export const LOGIN_MUTATION = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

export const CATEGORIZE_QUERY = `query Categorize($text: String!) {
  categorize(text: $text) { confidence category { code name family units } }
}`;
export const ACTOR_SEARCH_QUERY = `query ActorSearch($text: String!) {
  actors(filter: { text: $text }, first: 10) { nodes { id name kind economy location { lat lon } } }
}`;
export const ADD_FLOW_MUTATION = `mutation AddFlow($input: AddFlowInput!) {
  addFlow(input: $input) { id direction description categoryCode category { name family } actor { id name } }
}`;
