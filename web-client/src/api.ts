/**
 * A tiny typed GraphQL client: one POST to /graphql with the token of the session, if any.
 * The API is ours and small; a GraphQL client library (urql, Apollo) would add a cache and
 * some 10–40 KB gzipped we do not need.
 */
const TOKEN_KEY = 'maillage.token';
const EMAIL_KEY = 'maillage.email';

export class ApiError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  email: (): string | null => sessionStorage.getItem(EMAIL_KEY),
  set(token: string, email: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(EMAIL_KEY, email);
    window.dispatchEvent(new Event('maillage:session'));
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(EMAIL_KEY);
    window.dispatchEvent(new Event('maillage:session'));
  },
};

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError("L'API ne répond pas : vérifiez votre connexion ou que le serveur est démarré.");
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`Réponse inattendue de l'API (HTTP ${response.status}).`);
  }
  if (body.errors?.length) {
    const code = body.errors[0].extensions?.code;
    if (code === 'UNAUTHENTICATED') session.clear();
    throw new ApiError(body.errors.map((e) => e.message).join(' ; '), code);
  }
  if (!body.data) throw new ApiError(`Réponse vide de l'API (HTTP ${response.status}).`);
  return body.data;
}

// ---- Types of the answers we ask for (a subset of schema.graphql) ----

export type ActorKind = 'CITIZEN_GROUP' | 'COMPANY' | 'ESS_STRUCTURE' | 'LOCAL_AUTHORITY' | 'RESEARCH_EDUCATION' | 'SUPPORT_NETWORK';
export type Economy = 'CLASSIC' | 'ESS' | 'PUBLIC';
export type Family = 'ENERGY' | 'EQUIPMENT' | 'EXPERTISE' | 'LOGISTICS' | 'MATERIAL' | 'SERVICE' | 'WATER';
export interface GeoPoint { lat: number; lon: number }
export interface FlowSummary {
  id: string;
  direction: 'OFFER' | 'NEED';
  description: string;
  quantity: number | null;
  unit: string | null;
  category: { code: string; name: string; family: Family } | null;
}
export interface MapActor {
  id: string;
  name: string;
  kind: ActorKind;
  economy: Economy;
  location: GeoPoint;
  flows: FlowSummary[];
  distanceKm?: number;
}
export interface ActorRef { id: string; name: string; kind: ActorKind; economy: Economy; location: GeoPoint }
export interface SynergyRow {
  score: number;
  distanceKm: number;
  reasons: string[];
  offer: { id: string; description: string; category: { name: string; family: Family } | null; actor: ActorRef };
  need: { id: string; description: string; category: { name: string; family: Family } | null; actor: ActorRef };
}
export interface ComplementarityRow {
  kind: string;
  score: number;
  distanceKm: number;
  competition: boolean;
  reasons: string[];
  a: ActorRef;
  b: ActorRef;
}
export interface MutualisationRow {
  kind: string;
  direction: 'OFFER' | 'NEED';
  score: number;
  spanKm: number;
  reasons: string[];
  category: { name: string; family: Family };
  members: { actor: ActorRef; flows: { id: string }[] }[];
}
export interface ActorCard extends MapActor {
  description: string | null;
  activities: string | null;
  address: string | null;
  legalForm: string | null;
  employees: number | null;
}

/** Where to look: a territory, or a circle around a point. */
export type Area = { territoryCode: string } | { near: GeoPoint; radiusKm: number };

export * from './queries';

export function areaFilter(area: Area): Record<string, unknown> {
  return 'territoryCode' in area ? { territoryCode: area.territoryCode } : { near: area.near, radiusKm: area.radiusKm };
}

export interface ClientConfig { tileUrl: string | null; tileAttribution: string | null }
export async function loadConfig(): Promise<ClientConfig> {
  try {
    const r = await fetch('/config.json');
    if (r.ok) return (await r.json()) as ClientConfig;
  } catch {
    /* offline or older server: no tiles */
  }
  return { tileUrl: null, tileAttribution: null };
}
