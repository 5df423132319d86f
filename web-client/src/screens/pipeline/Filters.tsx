import { useState } from 'preact/hooks';
import { SynergyKind } from '../../queries-pipeline';
import { href } from '../../router';
import { SYNERGY_KIND_LABELS } from './labels';

/** The board's filters, kept in the address ("#/suivi?kind=…&t=…") so a view can be shared. */
export interface Filters { kind: SynergyKind | null; territory: string | null }

export function filtersFrom(params: URLSearchParams): Filters {
  const kind = params.get('kind');
  return {
    kind: kind && kind in SYNERGY_KIND_LABELS ? (kind as SynergyKind) : null,
    territory: params.get('t')?.trim() || null,
  };
}

export const filterParams = (f: Filters): Record<string, string | null> => ({ kind: f.kind, t: f.territory });

/** The fields follow the address (back button included); what is typed waits for « Filtrer ». */
export function BoardFilters({ value, territoryError, onChange }: { value: Filters; territoryError: string | null; onChange: (f: Filters) => void }) {
  const [kind, setKind] = useState(value.kind ?? '');
  const [territory, setTerritory] = useState(value.territory ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) { setShown(value); setKind(value.kind ?? ''); setTerritory(value.territory ?? ''); }
  function submit(e: Event) {
    e.preventDefault();
    onChange({ kind: kind ? (kind as SynergyKind) : null, territory: territory.trim() || null });
  }
  return (
    <form class="pipeline-filters" onSubmit={submit} aria-label="Filtrer les synergies suivies">
      <div class="field">
        <label for="suivi-kind">Type de synergie</label>
        <select id="suivi-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          <option value="">Tous les types</option>
          {(Object.keys(SYNERGY_KIND_LABELS) as SynergyKind[]).map((k) => <option key={k} value={k}>{SYNERGY_KIND_LABELS[k]}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="suivi-territory">Code du territoire</label>
        <input id="suivi-territory" type="text" value={territory} onInput={(e) => setTerritory(e.currentTarget.value)} placeholder="94081, 200054781, REGION:76…"
          aria-describedby={territoryError ? 'suivi-territory-error suivi-territory-hint' : 'suivi-territory-hint'} aria-invalid={territoryError ? true : undefined} />
        <small id="suivi-territory-hint">Synergies dont au moins un acteur est dans ce territoire (code INSEE, « REGION:76 »…).</small>
        {territoryError && <span id="suivi-territory-error" class="field-error">{territoryError}</span>}
      </div>
      <div class="filter-actions">
        <button type="submit">Filtrer</button>
        {(value.kind || value.territory) && <a href={href('suivi')}>Effacer les filtres</a>}
      </div>
    </form>
  );
}
