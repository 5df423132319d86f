import { useEffect, useState } from 'preact/hooks';
import { ACTOR_SEARCH_QUERY, ActorRef, ADD_FLOW_MUTATION, CATEGORIZE_QUERY, Family, gql, session, SYNERGIES_QUERY, SynergyRow } from '../api';
import { FAMILY_LABELS, km, score } from '../format';
import { href } from '../router';

interface Suggestion { confidence: number; category: { code: string; name: string; family: Family; units: string[] } }
interface Posted { id: string; description: string; category: { name: string; family: Family } | null; actor: { id: string; name: string } }

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const UNIT_LABELS: Record<string, string> = { 't/yr': 't/an', 'MWh/yr': 'MWh/an', 'm3/yr': 'm³/an', kW: 'kW', 'units/yr': 'unités/an', 'h/yr': 'heures/an', 'km/yr': 'km/an', 'm2': 'm²' };
const DEFAULT_UNITS = ['t/yr', 'MWh/yr', 'm3/yr', 'kW', 'units/yr', 'h/yr'];

/** "Déposer un flux": an offer or a need in plain words; the category is suggested live. */
export function PostFlow() {
  const signedIn = !!session.token();
  const [actorQuery, setActorQuery] = useState('');
  const [actors, setActors] = useState<ActorRef[]>([]);
  const [actorId, setActorId] = useState('');
  const [direction, setDirection] = useState<'OFFER' | 'NEED'>('OFFER');
  const [description, setDescription] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [categoryCode, setCategoryCode] = useState('');
  const [picked, setPicked] = useState(false);
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('');
  const [months, setMonths] = useState<number[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<{ flow: Posted; synergies: SynergyRow[] } | null>(null);

  // Live suggestions, 300 ms after the last keystroke.
  useEffect(() => {
    const text = description.trim();
    if (text.length < 3) { setSuggestions([]); return; }
    let live = true;
    const t = setTimeout(() => {
      gql<{ categorize: Suggestion[] }>(CATEGORIZE_QUERY, { text }).then((d) => {
        if (!live) return;
        const top = d.categorize.slice(0, 5);
        setSuggestions(top);
        if (!picked) setCategoryCode(top[0]?.category.code ?? '');
      }, () => live && setSuggestions([]));
    }, 300);
    return () => { live = false; clearTimeout(t); };
  }, [description]);

  useEffect(() => {
    const text = actorQuery.trim();
    if (text.length < 2) { setActors([]); return; }
    let live = true;
    const t = setTimeout(() => {
      gql<{ actors: { nodes: ActorRef[] } }>(ACTOR_SEARCH_QUERY, { text }).then((d) => {
        if (!live) return;
        setActors(d.actors.nodes);
        if (d.actors.nodes.length && !d.actors.nodes.some((a) => a.id === actorId)) { setActorId(d.actors.nodes[0].id); fix('actor'); }
      }, () => live && setActors([]));
    }, 250);
    return () => { live = false; clearTimeout(t); };
  }, [actorQuery]);

  // A message next to a field goes as soon as the field is edited.
  const fix = (k: string) => { if (errors[k]) { const rest = { ...errors }; delete rest[k]; setErrors(rest); } };
  const chosen = suggestions.find((s) => s.category.code === categoryCode);
  const units = chosen?.category.units.length ? chosen.category.units : DEFAULT_UNITS;

  async function submit(e: Event) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!actorId) errs.actor = 'Choisissez la structure qui dépose le flux.';
    if (description.trim().length < 3) errs.description = 'Décrivez la ressource en quelques mots.';
    const q = quantity.trim() === '' ? null : Number(quantity.replace(',', '.'));
    if (q !== null && (!Number.isFinite(q) || q < 0)) errs.quantity = 'La quantité doit être un nombre positif.';
    if (q !== null && !unit) errs.unit = 'Indiquez l’unité de la quantité.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const input = {
        actorId, direction, description: description.trim(), categoryCode: categoryCode || undefined,
        quantity: q ?? undefined, unit: q !== null ? unit : undefined, availableMonths: months.length ? [...months].sort((a, b) => a - b) : undefined,
      };
      const { addFlow } = await gql<{ addFlow: Posted }>(ADD_FLOW_MUTATION, { input });
      const { synergies } = await gql<{ synergies: SynergyRow[] }>(SYNERGIES_QUERY, { filter: { actorId }, first: 50 });
      setPosted({ flow: addFlow, synergies: synergies.filter((s) => s.offer.id === addFlow.id || s.need.id === addFlow.id) });
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!signedIn) {
    return (
      <div class="narrow">
        <h1>Déposer un flux</h1>
        <p>Pour déposer une offre ou un besoin au nom d’une structure, <a href="#/connexion">connectez-vous</a> d’abord.</p>
      </div>
    );
  }

  if (posted) {
    return (
      <div class="narrow">
        <h1>Déposer un flux</h1>
        <p role="status" class="success-box">Flux enregistré pour {posted.flow.actor.name} : « {posted.flow.description} »{posted.flow.category ? ` (${posted.flow.category.name})` : ''}.</p>
        <h2>Synergies qu’il ouvre ({posted.synergies.length})</h2>
        {posted.synergies.length === 0 ? <p class="empty">Aucune synergie pour l’instant : elles apparaîtront quand un acteur proche déposera le flux complémentaire.</p> : (
          <ol class="ranked" data-testid="posted-synergies">
            {posted.synergies.map((s) => {
              const other = s.offer.id === posted.flow.id ? s.need : s.offer;
              return (
                <li key={`${s.offer.id}-${s.need.id}`} class="result-card">
                  <h3>{other.actor.name} <span class="score">score {score(s.score)}, {km(s.distanceKm)}</span></h3>
                  <p>« {other.description} »</p>
                  <ul class="reasons">{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                </li>
              );
            })}
          </ol>
        )}
        <p><a href={href('carte', { a: posted.flow.actor.id })}>Voir sur la carte</a> · <button type="button" class="link" onClick={() => { setPosted(null); setDescription(''); setPicked(false); setQuantity(''); }}>Déposer un autre flux</button></p>
      </div>
    );
  }

  const invalid = (k: string) => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `flow-${k}-error` } : {});
  const errorText = (k: string) => errors[k] && <span id={`flow-${k}-error`} class="field-error">{errors[k]}</span>;

  return (
    <div class="narrow">
      <h1>Déposer un flux</h1>
      <p class="hint">Un surplus, un déchet, de la chaleur, un équipement ou un savoir-faire à partager — ou ce dont vous avez besoin. Écrivez-le avec vos mots : la catégorie est proposée pendant la saisie.</p>
      <form onSubmit={submit} noValidate class="flow-form">
        <div class="field">
          <label for="flow-actor-search">Votre structure (recherche par nom)</label>
          <input id="flow-actor-search" type="text" value={actorQuery} onInput={(e) => setActorQuery(e.currentTarget.value)} autocomplete="off" />
        </div>
        <div class="field">
          <label for="flow-actor">Structure</label>
          <select id="flow-actor" value={actorId} onChange={(e) => { setActorId(e.currentTarget.value); fix('actor'); }} {...invalid('actor')}>
            <option value="">{actors.length ? '— choisir —' : 'Tapez un nom ci-dessus'}</option>
            {actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
          {errorText('actor')}
        </div>
        <fieldset>
          <legend>Vous déposez</legend>
          <div class="radio-row">
            <label><input type="radio" name="direction" checked={direction === 'OFFER'} onChange={() => setDirection('OFFER')} /> une offre (surplus, ressource disponible)</label>
            <label><input type="radio" name="direction" checked={direction === 'NEED'} onChange={() => setDirection('NEED')} /> un besoin</label>
          </div>
        </fieldset>
        <div class="field">
          <label for="flow-description">Description</label>
          <textarea id="flow-description" rows={3} value={description} onInput={(e) => { setDescription(e.currentTarget.value); fix('description'); }} placeholder="ex. : palettes en bois cassées, environ 2 tonnes par mois" {...invalid('description')} />
          {errorText('description')}
        </div>
        <fieldset aria-live="polite">
          <legend>Catégorie proposée</legend>
          {suggestions.length === 0 ? <p class="hint">Les propositions apparaissent pendant la saisie de la description.</p> : (
            <div class="suggestions" data-testid="category-suggestions">
              {suggestions.map((s) => (
                <label key={s.category.code}><input type="radio" name="category" checked={categoryCode === s.category.code}
                  onChange={() => { setCategoryCode(s.category.code); setPicked(true); }} /> {s.category.name} <small>({FAMILY_LABELS[s.category.family]}, {Math.round(s.confidence * 100)} %)</small></label>
              ))}
              <label><input type="radio" name="category" checked={categoryCode === ''} onChange={() => { setCategoryCode(''); setPicked(true); }} /> Aucune ne convient : laisser Maillage déduire</label>
            </div>
          )}
        </fieldset>
        <div class="field-row">
          <div class="field">
            <label for="flow-quantity">Quantité (facultatif)</label>
            <input id="flow-quantity" type="text" inputMode="decimal" value={quantity} onInput={(e) => { setQuantity(e.currentTarget.value); fix('quantity'); }} {...invalid('quantity')} />
            {errorText('quantity')}
          </div>
          <div class="field">
            <label for="flow-unit">Unité</label>
            <select id="flow-unit" value={unit} onChange={(e) => { setUnit(e.currentTarget.value); fix('unit'); }} {...invalid('unit')}>
              <option value="">—</option>
              {units.map((u) => <option key={u} value={u}>{UNIT_LABELS[u] ?? u}</option>)}
            </select>
            {errorText('unit')}
          </div>
        </div>
        <fieldset>
          <legend>Mois de disponibilité (aucun coché : toute l’année)</legend>
          <div class="chips">
            {MONTHS.map((m, i) => (
              <label key={m} class="chip"><input type="checkbox" checked={months.includes(i + 1)}
                onChange={() => setMonths(months.includes(i + 1) ? months.filter((x) => x !== i + 1) : [...months, i + 1])} /> {m}</label>
            ))}
          </div>
        </fieldset>
        {failure && <p role="alert" class="error-box">{failure}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Enregistrement…' : 'Déposer'}</button>
      </form>
    </div>
  );
}
