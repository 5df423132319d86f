import { useEffect, useMemo, useState } from 'preact/hooks';
import { SignInRequired, useAccount } from '../auth';
import { areaFilter, ComplementarityRow, EXPLORER_QUERY, gql, MutualisationRow, SynergyRow } from '../api';
import { FilterForm, filtersFromParams, filtersToParams } from '../filters';
import { COMPLEMENTARITY_LABELS, FAMILY_LABELS, km, score } from '../format';
import { href, navigate, Route } from '../router';
import { TrackButton } from './pipeline/TrackButton';

interface Data { synergies: SynergyRow[]; mutualisations: MutualisationRow[]; complementarities: ComplementarityRow[] }

/** Every flow of a mutualisation group: tracking it pools them all. */
const groupFlows = (m: MutualisationRow): string[] => m.members.flatMap((x) => x.flows.map((f) => f.id));

export function Explorer({ route }: { route: Route }) {
  const account = useAccount();
  const filters = useMemo(() => filtersFromParams(route.params), [route.params.toString()]);
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    const area = areaFilter(filters.area);
    const families = filters.families.length ? filters.families : undefined;
    const minScore = filters.minScore || undefined;
    gql<Data>(EXPLORER_QUERY, { s: { ...area, families, minScore }, m: { ...area, families, minScore }, c: { ...area, minScore } })
      .then((d) => live && setData(d), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [filters]);
  const params = filtersToParams(filters);
  const actorLink = (id: string, name: string) => <a href={href('carte', { ...params, a: id })}>{name}</a>;

  return (
    <div class="explorer">
      <h1>Explorateur de synergies</h1>
      <div class="explorer-layout">
        <details class="filters-box" open={window.innerWidth > 1100}>
          <summary>Filtres</summary>
          <FilterForm value={filters} onChange={(f) => navigate('explorer', filtersToParams(f))} idPrefix="exp" />
        </details>
        <div>
          {error && <p role="alert" class="error-box">{error}</p>}
          {!data && !error && <p role="status">Recherche des synergies…</p>}
          {data && (
            <>
              {!account && (data.synergies.length > 0 || data.mutualisations.length > 0) && (
                <SignInRequired what="Pour suivre une synergie de la détection à sa mise en œuvre, connectez-vous." />
              )}
              <section aria-labelledby="exp-syn">
                <h2 id="exp-syn">Synergies de substitution ({data.synergies.length})</h2>
                <p class="hint">L’offre d’un acteur (surplus, déchet, chaleur fatale…) peut répondre au besoin d’un autre.</p>
                {data.synergies.length === 0 ? <p class="empty">Aucune synergie dans cette zone.</p> : (
                  <ol class="ranked" data-testid="synergy-list">
                    {data.synergies.map((s, i) => (
                      <li key={`${s.offer.id}-${s.need.id}`} class="result-card">
                        <h3 id={`syn-${i}`}>{s.offer.category?.name ?? s.offer.description} <span class="score">score {score(s.score)}</span></h3>
                        <p>{actorLink(s.offer.actor.id, s.offer.actor.name)} offre « {s.offer.description} » → {actorLink(s.need.actor.id, s.need.actor.name)} a besoin de « {s.need.description} » ({km(s.distanceKm)})</p>
                        <ul class="reasons">{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                        {account && <TrackButton kind="SUBSTITUTION" flowIds={[s.offer.id, s.need.id]} describedBy={`syn-${i}`} />}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <section aria-labelledby="exp-mut">
                <h2 id="exp-mut">Mutualisations ({data.mutualisations.length})</h2>
                <p class="hint">Au moins trois acteurs proches qui partagent un même besoin ou une même offre : collecte commune, achats groupés…</p>
                {data.mutualisations.length === 0 ? <p class="empty">Aucun groupe de mutualisation dans cette zone.</p> : (
                  <ol class="ranked">
                    {data.mutualisations.map((m, i) => (
                      <li key={groupFlows(m).join()} class="result-card">
                        <h3 id={`mut-${i}`}>{m.category.name} — {m.direction === 'NEED' ? 'besoin' : 'offre'} partagé(e) par {m.members.length} acteurs <span class="score">score {score(m.score)}</span></h3>
                        <p>{FAMILY_LABELS[m.category.family]}, sur {km(m.spanKm)} : {m.members.map((x, j) => <span key={x.actor.id}>{j ? ', ' : ''}{actorLink(x.actor.id, x.actor.name)}</span>)}</p>
                        <ul class="reasons">{m.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                        {account && <TrackButton kind="MUTUALISATION" flowIds={groupFlows(m)} describedBy={`mut-${i}`} />}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <section aria-labelledby="exp-comp">
                <h2 id="exp-comp">Complémentarités ESS – économie classique ({data.complementarities.length})</h2>
                {data.complementarities.length === 0 ? <p class="empty">Aucune complémentarité dans cette zone.</p> : (
                  <ol class="ranked">
                    {data.complementarities.map((c) => (
                      <li key={`${c.kind}-${c.a.id}-${c.b.id}`} class="result-card">
                        <h3>{COMPLEMENTARITY_LABELS[c.kind] ?? c.kind} <span class="score">score {score(c.score)}</span></h3>
                        <p>{actorLink(c.a.id, c.a.name)} et {actorLink(c.b.id, c.b.name)} ({km(c.distanceKm)}){c.competition ? ' — aussi concurrents : coopération à accompagner' : ''}</p>
                        <ul class="reasons">{c.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
