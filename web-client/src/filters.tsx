import type { Area, Family, ActorKind } from './api';
import { FAMILY_LABELS, KIND_LABELS } from './format';

/** The filters shared by the map and the explorer, kept in the address so a view can be shared. */
export interface Filters {
  area: Area;
  families: Family[];
  kinds: ActorKind[];
  minScore: number;
}

export const DEFAULT_POINT = { lat: 48.7872, lon: 2.3925 }; // Vitry-sur-Seine

export function filtersFromParams(p: URLSearchParams): Filters {
  const t = p.get('t');
  const lat = Number(p.get('lat') ?? DEFAULT_POINT.lat);
  const lon = Number(p.get('lon') ?? DEFAULT_POINT.lon);
  const r = Number(p.get('r') ?? 3);
  const list = <T extends string>(key: string, allowed: Record<T, string>): T[] =>
    (p.get(key) ?? '').split(',').filter((x): x is T => x in allowed);
  return {
    area: t ? { territoryCode: t } : { near: { lat, lon }, radiusKm: r > 0 ? Math.min(r, 100) : 3 },
    families: list('f', FAMILY_LABELS),
    kinds: list('k', KIND_LABELS),
    minScore: Math.max(0, Math.min(1, Number(p.get('min') ?? 0) || 0)),
  };
}

export function filtersToParams(f: Filters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if ('territoryCode' in f.area) out.t = f.area.territoryCode;
  else Object.assign(out, { lat: +f.area.near.lat.toFixed(5), lon: +f.area.near.lon.toFixed(5), r: f.area.radiusKm });
  if (f.families.length) out.f = f.families.join(',');
  if (f.kinds.length) out.k = f.kinds.join(',');
  if (f.minScore > 0) out.min = f.minScore;
  return out;
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function FilterForm({ value, onChange, idPrefix }: { value: Filters; onChange: (f: Filters) => void; idPrefix: string }) {
  const circle = !('territoryCode' in value.area);
  const near = 'near' in value.area ? value.area.near : DEFAULT_POINT;
  const radius = 'radiusKm' in value.area ? value.area.radiusKm : 3;
  const code = 'territoryCode' in value.area ? value.area.territoryCode : '';
  const id = (s: string) => `${idPrefix}-${s}`;

  function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const mode = form.get('mode');
    const area: Area = mode === 'territory'
      ? { territoryCode: String(form.get('territory') ?? '').trim() || '94081' }
      : { near: { lat: Number(form.get('lat')), lon: Number(form.get('lon')) }, radiusKm: Number(form.get('radius')) || 3 };
    onChange({ ...value, area, minScore: Number(form.get('minScore')) || 0 });
  }

  return (
    <form class="filters" onSubmit={submit} aria-label="Filtres">
      <fieldset>
        <legend>Zone</legend>
        <div class="radio-row">
          <label><input type="radio" name="mode" value="circle" checked={circle} /> Autour d’un point</label>
          <label><input type="radio" name="mode" value="territory" checked={!circle} /> Un territoire</label>
        </div>
        <div class="field-row">
          <div class="field"><label for={id('lat')}>Latitude</label><input id={id('lat')} name="lat" type="number" step="any" min="-90" max="90" value={near.lat} /></div>
          <div class="field"><label for={id('lon')}>Longitude</label><input id={id('lon')} name="lon" type="number" step="any" min="-180" max="180" value={near.lon} /></div>
          <div class="field"><label for={id('radius')}>Rayon (km)</label><input id={id('radius')} name="radius" type="number" step="any" min="0.1" max="100" value={radius} /></div>
        </div>
        <div class="field"><label for={id('territory')}>Code du territoire</label>
          <input id={id('territory')} name="territory" type="text" value={code} placeholder="94081, 200054781, REGION:76…" aria-describedby={id('territory-hint')} />
          <small id={id('territory-hint')}>Code INSEE (commune, EPCI, département), « REGION:76 » ou un territoire personnalisé.</small>
        </div>
      </fieldset>
      <fieldset>
        <legend>Familles de ressources</legend>
        <div class="chips">
          {(Object.keys(FAMILY_LABELS) as Family[]).map((f) => (
            <label key={f} class="chip"><input type="checkbox" name="family" value={f} checked={value.families.includes(f)}
              onChange={() => onChange({ ...value, families: toggle(value.families, f) })} /> {FAMILY_LABELS[f]}</label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Types d’acteurs</legend>
        <div class="chips">
          {(Object.keys(KIND_LABELS) as ActorKind[]).map((k) => (
            <label key={k} class="chip"><input type="checkbox" name="kind" value={k} checked={value.kinds.includes(k)}
              onChange={() => onChange({ ...value, kinds: toggle(value.kinds, k) })} /> {KIND_LABELS[k]}</label>
          ))}
        </div>
      </fieldset>
      <div class="field"><label for={id('min')}>Score minimal (0 à 1)</label>
        <input id={id('min')} name="minScore" type="number" min="0" max="1" step="0.05" value={value.minScore} /></div>
      <button type="submit">Appliquer</button>
    </form>
  );
}
