import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import L from '../leaflet-setup';
import 'leaflet.markercluster';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { areaFilter, ClientConfig, gql, MapActor, NEARBY_QUERY, SYNERGIES_QUERY, SynergyRow, TERRITORY_ACTORS_QUERY } from '../api';
import { FilterForm, Filters, filtersFromParams, filtersToParams } from '../filters';
import { ECONOMY_LABELS, FAMILY_LABELS, KIND_LABELS, KIND_LETTERS, km, score } from '../format';
import { navigate, Route } from '../router';
import { ActorCard } from './ActorCard';

interface Loaded { actors: MapActor[]; synergies: SynergyRow[]; boundary: GeoJSON.GeoJsonObject | null; territoryName: string | null }

type ActorSort = 'name' | 'distance' | 'kind';
type SynergySort = 'score' | 'distance';

export function MapScreen({ route, config }: { route: Route; config: ClientConfig }) {
  const filters = useMemo(() => filtersFromParams(route.params), [route.params.toString()]);
  const selected = route.params.get('a');
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actorSort, setActorSort] = useState<ActorSort>('distance');
  const [synergySort, setSynergySort] = useState<SynergySort>('score');
  const mapEl = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<{ boundary: L.LayerGroup; clusters: L.MarkerClusterGroup; lines: L.LayerGroup } | null>(null);

  const go = (f: Filters, actor?: string | null) => navigate('carte', { ...filtersToParams(f), a: actor ?? undefined });

  // Load the area's actors and synergies.
  useEffect(() => {
    let live = true;
    setError(null);
    const area = filters.area;
    const synergyFilter = { ...areaFilter(area), families: filters.families.length ? filters.families : undefined, minScore: filters.minScore || undefined };
    const actorsP = 'territoryCode' in area
      ? gql<{ actors: { nodes: MapActor[] }; territory: { name: string; geometry: GeoJSON.GeoJsonObject | null } | null }>(TERRITORY_ACTORS_QUERY, { code: area.territoryCode, first: 500 })
        .then((d) => ({ actors: d.actors.nodes, boundary: d.territory?.geometry ?? null, territoryName: d.territory?.name ?? null }))
      : gql<{ nearbyActors: { distanceKm: number; actor: MapActor }[] }>(NEARBY_QUERY, { near: area.near, radiusKm: area.radiusKm, first: 500 })
        .then((d) => ({ actors: d.nearbyActors.map((n) => ({ ...n.actor, distanceKm: n.distanceKm })), boundary: null, territoryName: null }));
    Promise.all([actorsP, gql<{ synergies: SynergyRow[] }>(SYNERGIES_QUERY, { filter: synergyFilter, first: 200 })])
      .then(([a, s]) => live && setData({ ...a, synergies: s.synergies }), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [filters]);

  // Actors and synergies after the filters the API does not take.
  const shown = useMemo(() => {
    if (!data) return null;
    const kindOk = (k: MapActor['kind']) => filters.kinds.length === 0 || filters.kinds.includes(k);
    const actors = data.actors.filter((a) => kindOk(a.kind)
      && (filters.families.length === 0 || a.flows.some((f) => f.category && filters.families.includes(f.category.family))));
    const familyOk = (s: SynergyRow) => filters.families.length === 0 || (s.offer.category != null && filters.families.includes(s.offer.category.family));
    const synergies = data.synergies.filter((s) => familyOk(s) && (kindOk(s.offer.actor.kind) || kindOk(s.need.actor.kind)));
    return { actors, synergies };
  }, [data, filters]);

  // The Leaflet map, once.
  useEffect(() => {
    if (!mapEl.current) return;
    const m = L.map(mapEl.current, { maxZoom: 18, minZoom: 3, zoomControl: true, attributionControl: true, preferCanvas: false });
    m.attributionControl.setPrefix(false);
    if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 19 }).addTo(m);
    const boundary = L.layerGroup().addTo(m);
    const lines = L.layerGroup().addTo(m);
    const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 }).addTo(m);
    layers.current = { boundary, clusters, lines };
    m.setView([46.6, 2.5], 6);
    map.current = m;
    return () => { m.remove(); map.current = null; };
  }, []);

  // Clicking the map moves the search circle there.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const onClick = (e: L.LeafletMouseEvent) => {
      const radiusKm = 'radiusKm' in filters.area ? filters.area.radiusKm : 3;
      go({ ...filters, area: { near: { lat: e.latlng.lat, lon: e.latlng.lng }, radiusKm } });
    };
    m.on('click', onClick);
    return () => { m.off('click', onClick); };
  }, [filters]);

  // Draw.
  useEffect(() => {
    const m = map.current;
    const l = layers.current;
    if (!m || !l || !data || !shown) return;
    l.boundary.clearLayers();
    l.lines.clearLayers();
    l.clusters.clearLayers();
    let bounds: L.LatLngBounds | null = null;
    if (data.boundary) {
      const g = L.geoJSON(data.boundary as GeoJSON.GeoJsonObject, { style: { color: '#1d4e89', weight: 2, fill: true, fillOpacity: 0.05 }, interactive: false }).addTo(l.boundary);
      bounds = g.getBounds();
    } else if ('near' in filters.area) {
      const c = L.circle([filters.area.near.lat, filters.area.near.lon], { radius: filters.area.radiusKm * 1000, color: '#1d4e89', weight: 1.5, dashArray: '6 4', fillOpacity: 0.03, interactive: false }).addTo(l.boundary);
      bounds = c.getBounds();
    }
    for (const s of shown.synergies) {
      const a = s.offer.actor.location;
      const b = s.need.actor.location;
      L.polyline([[a.lat, a.lon], [b.lat, b.lon]], { color: '#b3541e', weight: 1 + s.score * 7, opacity: 0.35 + s.score * 0.5, className: 'synergy-line' })
        .bindTooltip(`${s.offer.category?.name ?? s.offer.description} : ${s.offer.actor.name} → ${s.need.actor.name} (score ${score(s.score)})`)
        .addTo(l.lines);
    }
    const markers = shown.actors.map((a) => {
      const icon = L.divIcon({
        className: `actor-marker eco-${a.economy} kind-${a.kind}`,
        html: `<span aria-hidden="true">${KIND_LETTERS[a.kind]}</span>`,
        iconSize: [26, 26],
      });
      const mk = L.marker([a.location.lat, a.location.lon], { icon, title: `${a.name} (${KIND_LABELS[a.kind]}, ${ECONOMY_LABELS[a.economy]})`, alt: a.name, keyboard: true });
      mk.on('click', () => go(filters, a.id));
      // keyboard: true makes the marker focusable (tabindex 0, role button); Enter or Space opens its card.
      mk.on('add', () => mk.getElement()?.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(filters, a.id); }
      }));
      return mk;
    });
    l.clusters.addLayers(markers);
    if (!bounds && markers.length) bounds = L.latLngBounds(markers.map((mk) => mk.getLatLng()));
    if (bounds && bounds.isValid()) m.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
  }, [data, shown]);

  const sortedActors = useMemo(() => {
    const list = [...(shown?.actors ?? [])];
    if (actorSort === 'name') list.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    else if (actorSort === 'kind') list.sort((a, b) => KIND_LABELS[a.kind].localeCompare(KIND_LABELS[b.kind], 'fr') || a.name.localeCompare(b.name, 'fr'));
    else list.sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.name.localeCompare(b.name, 'fr'));
    return list;
  }, [shown, actorSort]);
  const sortedSynergies = useMemo(() => {
    const list = [...(shown?.synergies ?? [])];
    if (synergySort === 'distance') list.sort((a, b) => a.distanceKm - b.distanceKm);
    else list.sort((a, b) => b.score - a.score);
    return list;
  }, [shown, synergySort]);

  const sortButton = <T extends string>(current: T, value: T, set: (v: T) => void, label: string) => (
    <th scope="col" aria-sort={current === value ? (value === 'score' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => set(value)}>{label}{current === value ? ' ▾' : ''}</button>
    </th>
  );

  return (
    <div class="map-screen">
      <h1>Carte du territoire</h1>
      <div class="map-layout">
        <details class="filters-box" open={window.innerWidth > 1100}>
          <summary>Filtres</summary>
          <FilterForm value={filters} onChange={(f) => go(f)} idPrefix="map" />
          <p class="hint">Astuce : cliquez sur la carte pour chercher autour de ce point.</p>
          <Legend />
        </details>
        <div class="map-wrap">
          <div ref={mapEl} class="map" role="region" aria-label="Carte des acteurs et des synergies" data-testid="map" />
          {!config.tileUrl && <p class="hint">Fond de carte hors ligne : seuls nos contours de territoire, acteurs et synergies sont dessinés.</p>}
        </div>
        <aside class="side-panel" aria-label="Résultats">
          {selected && <ActorCard id={selected} onClose={() => go(filters, null)} onSelect={(id) => go(filters, id)} />}
          <p role="status" class="summary">
            {error ? '' : !data ? 'Chargement…' : `${shown!.actors.length} acteur(s), ${shown!.synergies.length} synergie(s)${data.territoryName ? ` — ${data.territoryName}` : ''}`}
          </p>
          {error && <p role="alert" class="error-box">{error}</p>}
          {shown && (
            <>
              <h2>Acteurs</h2>
              {sortedActors.length === 0 ? <p class="empty">Aucun acteur dans cette zone avec ces filtres.</p> : (
                <table class="results" data-testid="actor-table">
                  <caption class="sr-only">Acteurs, triables</caption>
                  <thead><tr>{sortButton(actorSort, 'name', setActorSort, 'Nom')}{sortButton(actorSort, 'kind', setActorSort, 'Type')}{'near' in filters.area && sortButton(actorSort, 'distance', setActorSort, 'Distance')}</tr></thead>
                  <tbody>
                    {sortedActors.map((a) => (
                      <tr key={a.id}>
                        <td><button type="button" class="link" onClick={() => go(filters, a.id)}>{a.name}</button></td>
                        <td><span class={`dot eco-${a.economy}`} aria-hidden="true" /> {KIND_LABELS[a.kind]} · {ECONOMY_LABELS[a.economy]}</td>
                        {'near' in filters.area && <td>{a.distanceKm != null ? km(a.distanceKm) : ''}</td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <h2>Synergies</h2>
              {sortedSynergies.length === 0 ? <p class="empty">Aucune synergie avec ces filtres.</p> : (
                <table class="results" data-testid="synergy-table">
                  <caption class="sr-only">Synergies, triables</caption>
                  <thead><tr><th scope="col">Ressource</th>{sortButton(synergySort, 'score', setSynergySort, 'Score')}{sortButton(synergySort, 'distance', setSynergySort, 'Distance')}</tr></thead>
                  <tbody>
                    {sortedSynergies.map((s) => (
                      <tr key={`${s.offer.id}-${s.need.id}`}>
                        <td>{s.offer.category?.name ?? s.offer.description}<br /><small>
                          <button type="button" class="link" onClick={() => go(filters, s.offer.actor.id)}>{s.offer.actor.name}</button> →{' '}
                          <button type="button" class="link" onClick={() => go(filters, s.need.actor.id)}>{s.need.actor.name}</button></small></td>
                        <td>{score(s.score)}</td>
                        <td>{km(s.distanceKm)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

function Legend() {
  return (
    <div class="legend">
      <h2 class="legend-title">Légende</h2>
      <ul>
        <li><span class="dot eco-ESS" aria-hidden="true" /> ESS</li>
        <li><span class="dot eco-CLASSIC" aria-hidden="true" /> Économie classique</li>
        <li><span class="dot eco-PUBLIC" aria-hidden="true" /> Public</li>
        <li>Lettre : E entreprise, S structure ESS, C collectivité, R recherche/formation, A accompagnement, G collectif citoyen</li>
        <li><span class="line-sample" aria-hidden="true" /> Synergie (trait plus épais = meilleur score)</li>
        <li>Familles : {Object.values(FAMILY_LABELS).join(', ')}</li>
      </ul>
    </div>
  );
}
