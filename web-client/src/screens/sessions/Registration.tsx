import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { REGISTER_PARTICIPANT_MUTATION, SESSION_PARTICIPANTS_QUERY } from '../../queries-sessions';
import { href, navigate } from '../../router';
import { ActorSearch, Pickable } from './ActorSearch';
import { Errors, FieldError, focusFirstInvalid, invalidProps } from './form-errors';
import { frenchError, problemsOf } from './session-errors';
import { frDate, frTime, SIDE_LABELS } from './session-format';
import { sayOnSessionPage } from './SessionPage';
import type { Named, Participant, SessionDetail, Side } from './session-types';

type RegSession = Pick<SessionDetail, 'id' | 'title' | 'mode' | 'rounds' | 'timeZone' | 'startsAt' | 'registrationDeadline' | 'roundWindows' | 'participants'>;
interface Wish { actor: Named; priority: number }

const PRIORITIES: [number, string][] = [[1, '1 · souhaitable'], [2, '2 · important'], [3, '3 · indispensable']];
const SIDE_CHOICES: [Side, string, string][] = [
  ['HOST', 'Accueille à une table', 'par exemple une collectivité qui présente son projet'],
  ['PITCHER', 'Présente, en passant de table en table', 'par exemple une entreprise innovante du territoire'],
];
const FORM = 'reg';

/**
 * Registers a structure for a session, or changes its registration (actorId given): side, the
 * person who comes, their rounds, whom they wish to meet and whom they must not meet. The API
 * checks every rule at once; each of its messages is shown next to its field.
 */
export function Registration({ id, actorId }: { id: string; actorId: string | null }) {
  const [s, setS] = useState<RegSession | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [actor, setActor] = useState<Pickable | null>(null);
  const [side, setSide] = useState<Side | ''>('');
  const [sideChosen, setSideChosen] = useState(false);
  const [personName, setPersonName] = useState('');
  const [personRole, setPersonRole] = useState('');
  const [rounds, setRounds] = useState<number[]>([]);
  const [wishes, setWishes] = useState<Wish[]>([]);
  const [avoid, setAvoid] = useState<Named[]>([]);
  const [avoidPick, setAvoidPick] = useState<Pickable | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const load = () =>
    gql<{ matchmakingSession: RegSession | null }>(SESSION_PARTICIPANTS_QUERY, { id }).then((d) => {
      if (!d.matchmakingSession) setLoadError('Session introuvable : elle a peut-être été supprimée.');
      setS(d.matchmakingSession);
      return d.matchmakingSession;
    });
  useEffect(() => {
    load().then((session) => {
      if (!session) return;
      setRounds(Array.from({ length: session.rounds }, (_, i) => i + 1));
      if (!actorId) return;
      const p = session.participants.find((x) => x.actor.id === actorId);
      if (p) fill(p);
      else setLoadError('Cette structure n’est pas (ou plus) inscrite à la session.');
    }).catch((e) => setLoadError(frenchError(e)));
  }, [id, actorId]);

  const fill = (p: Participant) => {
    setActor(p.actor);
    setSide(p.side ?? '');
    setSideChosen(true);
    setPersonName(p.personName ?? '');
    setPersonRole(p.personRole ?? '');
    setRounds(p.availableRounds);
    setWishes(p.wishes.map((w) => ({ actor: w.actor, priority: w.priority })));
    setAvoid(p.avoid);
  };
  const fix = (...keys: string[]) => {
    if (!keys.some((k) => errors[k])) return;
    const rest = { ...errors };
    for (const k of keys) delete rest[k];
    setErrors(rest);
  };

  const heading = actorId ? `Modifier l’inscription${actor ? ` de ${actor.name}` : ''}` : 'Inscrire un participant';
  if (!s || loadError) {
    return (
      <section class="page sessions narrow">
        <p><a href={href('sessions', { id })}>← Retour à la session</a></p>
        <h1>{heading}</h1>
        {loadError ? <p role="alert" class="error-box">{loadError}</p> : <p role="status">Chargement…</p>}
      </section>
    );
  }

  const bipartite = s.mode === 'BIPARTITE';
  const pickActor = (a: Pickable | null) => {
    setActor(a);
    fix('actor');
    // Collectivités usually receive and companies pitch (ecoCIRC): a first guess the user sees and can change.
    if (bipartite && !sideChosen && a?.kind) setSide(a.kind === 'LOCAL_AUTHORITY' ? 'HOST' : 'PITCHER');
  };
  const registered = (actorIdToFind: string) => s.participants.find((p) => p.actor.id === actorIdToFind);
  const existing = !actorId && actor ? registered(actor.id) : undefined;
  const others = s.participants.filter((p) => p.actor.id !== actor?.id);
  const candidates = !bipartite ? others : side ? others.filter((p) => p.side && p.side !== side) : [];
  // A wish for someone no longer offered (the side changed) stays in view: nothing disappears silently; the API says what is wrong with it.
  const kept = wishes.filter((w) => !candidates.some((c) => c.actor.id === w.actor.id)).map((w) => registered(w.actor.id) ?? { actor: w.actor, side: null, personName: null });
  const wishRows = [...candidates, ...kept];
  const priorityOf = (aid: string) => wishes.find((w) => w.actor.id === aid)?.priority ?? 0;
  const setWish = (who: Named, priority: number) => {
    fix(`wish:${who.id}`, 'wishes');
    setWishes(priority === 0 ? wishes.filter((w) => w.actor.id !== who.id)
      : wishes.some((w) => w.actor.id === who.id) ? wishes.map((w) => (w.actor.id === who.id ? { ...w, priority } : w)) : [...wishes, { actor: who, priority }]);
  };
  const addAvoid = () => {
    if (!avoidPick || avoid.some((a) => a.id === avoidPick.id)) return;
    setAvoid([...avoid, { id: avoidPick.id, name: avoidPick.name }]);
    fix('avoid', `wish:${avoidPick.id}`);
  };
  const closesAt = s.registrationDeadline ?? s.startsAt;
  const closed = Date.parse(closesAt) < Date.now();
  const hosts = s.participants.filter((p) => p.side === 'HOST').length;

  const reset = () => {
    setActor(null); setSide(''); setSideChosen(false); setPersonName(''); setPersonRole('');
    setRounds(Array.from({ length: s.rounds }, (_, i) => i + 1)); setWishes([]); setAvoid([]); setAvoidPick(null);
    setFormKey(formKey + 1);
  };

  async function submit(e: Event) {
    e.preventDefault();
    const errs: Errors = {};
    if (!actor) errs.actor = 'Choisissez la structure à inscrire.';
    if (bipartite && !side) errs.side = 'Indiquez si la structure accueille ou présente.';
    if (!rounds.length) errs.rounds = 'Cochez au moins un tour.';
    setErrors(errs);
    setFailure(null);
    setDone('');
    if (Object.keys(errs).length || !actor) { focusFirstInvalid(); return; }
    const sent = wishes.map((w) => w.actor.id);
    const input = {
      sessionId: id, actorId: actor.id, side: bipartite ? side : null,
      personName: personName.trim() || null, personRole: personRole.trim() || null,
      availableRounds: rounds.length === s!.rounds ? null : [...rounds].sort((a, b) => a - b),
      wishes: wishes.map((w) => ({ actorId: w.actor.id, priority: w.priority })),
      avoid: avoid.map((a) => a.id),
    };
    setBusy(true);
    try {
      await gql(REGISTER_PARTICIPANT_MUTATION, { input });
      const what = `${actor.name} : inscription enregistrée${side && bipartite ? ` (${side === 'HOST' ? 'accueille' : 'présente'})` : ''}.`;
      if (actorId) {
        sayOnSessionPage(what);
        navigate('sessions', { id });
        return;
      }
      reset();
      await load();
      setDone(`${what} Inscrivez la structure suivante, ou revenez à la session.`);
      document.getElementById('reg-actor-search')?.focus();
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) { setFailure(frenchError(err)); return; }
      const byField: Errors = {};
      const general: string[] = [];
      for (const p of problems) {
        const wish = /^wishes\[(\d+)\]/.exec(p.field);
        const key = wish ? `wish:${sent[Number(wish[1])]}`
          : ({ side: 'side', availableRounds: 'rounds', personName: 'personName', personRole: 'personRole', actorId: 'actor', wishes: 'wishes', avoid: 'avoid' } as Record<string, string>)[p.field];
        if (key) byField[key] = byField[key] ? `${byField[key]} ${p.text}` : p.text;
        else general.push(p.text);
      }
      setErrors(byField);
      if (general.length) setFailure(general.join(' '));
      focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  }

  const err = (key: string) => <FieldError errors={errors} form={FORM} name={key} />;
  const attrs = (key: string) => invalidProps(errors, FORM, key);
  const errorCount = Object.keys(errors).length;

  return (
    <section class="page sessions narrow">
      <p><a href={href('sessions', { id })}>← Retour à la session</a></p>
      <h1>{heading}</h1>
      <p class="hint">{s.title} — {frDate(s.startsAt, s.timeZone)}. {bipartite
        ? `Déjà inscrites : ${hosts} qui accueille${hosts > 1 ? 'nt' : ''}, ${s.participants.length - hosts} qui présente${s.participants.length - hosts > 1 ? 'nt' : ''}.`
        : `${s.participants.length} participant${s.participants.length > 1 ? 's' : ''} inscrit${s.participants.length > 1 ? 's' : ''}.`}</p>
      {closed && (
        <p class="warning">Les inscriptions sont closes depuis le {frDate(closesAt, s.timeZone)}. <a href={href('sessions', { id, vue: 'modifier' })}>Repousser la clôture</a></p>
      )}
      <p role="status" class="success-line">{done}</p>
      <form class="registration-form" onSubmit={submit} noValidate key={formKey}>
        <fieldset>
          <legend>Structure</legend>
          {actorId ? <p><strong>{actor?.name}</strong></p> : (
            <ActorSearch id="reg-actor" label="Structure à inscrire" value={actor} onChange={pickActor} invalid={attrs('actor')} />
          )}
          {err('actor')}
          {existing && <p class="hint">Déjà inscrite : enregistrer remplacera son inscription. <a href={href('sessions', { id, vue: 'inscription', acteur: existing.actor.id })}>Reprendre son inscription actuelle</a></p>}
          {bipartite && (
            <fieldset class="inner" {...(errors.side ? { 'aria-describedby': `${FORM}-side-error` } : {})}>
              <legend>Rôle dans la session</legend>
              {SIDE_CHOICES.map(([value, label, example]) => (
                <label key={value} class="choice">
                  <input type="radio" name="side" checked={side === value} {...(errors.side ? { 'aria-invalid': true } : {})}
                    onChange={() => { setSide(value); setSideChosen(true); fix('side'); }} /> {label} <small>— {example}</small>
                </label>
              ))}
              {err('side')}
            </fieldset>
          )}
        </fieldset>

        <fieldset>
          <legend>Personne présente</legend>
          <div class="field-row two">
            <div class="field">
              <label for="reg-personName">Nom</label>
              <input id="reg-personName" type="text" value={personName} onInput={(e) => { setPersonName(e.currentTarget.value); fix('personName'); }} {...attrs('personName')} />
              {err('personName')}
            </div>
            <div class="field">
              <label for="reg-personRole">Fonction</label>
              <input id="reg-personRole" type="text" value={personRole} placeholder="chargée de mission économie circulaire" onInput={(e) => { setPersonRole(e.currentTarget.value); fix('personRole'); }} {...attrs('personRole')} />
              {err('personRole')}
            </div>
          </div>
        </fieldset>

        <fieldset {...(errors.rounds ? { 'aria-describedby': `${FORM}-rounds-error` } : {})}>
          <legend>Présente aux tours</legend>
          <p class="hint">Décochez les tours manqués (arrivée tardive, départ anticipé).</p>
          <div class="chips">
            {s.roundWindows.map((w) => (
              <label key={w.round} class="chip">
                <input type="checkbox" checked={rounds.includes(w.round)} {...(errors.rounds ? { 'aria-invalid': true } : {})}
                  onChange={() => { setRounds(rounds.includes(w.round) ? rounds.filter((r) => r !== w.round) : [...rounds, w.round]); fix('rounds'); }} />
                {' '}Tour {w.round} <small>({frTime(w.startsAt, s.timeZone)})</small>
              </label>
            ))}
          </div>
          {err('rounds')}
        </fieldset>

        <fieldset class="wishes" data-testid="wishes" {...(errors.wishes ? { 'aria-describedby': `${FORM}-wishes-error` } : {})}>
          <legend>Souhaits de rencontre</legend>
          <p class="hint">{bipartite ? 'Parmi les structures déjà inscrites de l’autre côté.' : 'Parmi les structures déjà inscrites.'} Le planning sert d’abord les souhaits « indispensables », surtout quand ils sont réciproques.</p>
          {bipartite && !side && <p class="empty">Choisissez d’abord le rôle : les souhaits portent sur l’autre côté.</p>}
          {(!bipartite || side) && wishRows.length === 0 && <p class="empty">Personne n’est encore inscrit de l’autre côté : les souhaits pourront être ajoutés plus tard en modifiant l’inscription.</p>}
          {wishRows.length > 0 && (
            <ul class="wish-list">
              {wishRows.map((p) => (
                <li key={p.actor.id}>
                  <label for={`wish-${p.actor.id}`}>{p.actor.name}{' '}
                    <small>{[p.side ? SIDE_LABELS[p.side].toLowerCase() : null, p.personName].filter(Boolean).join(', ')}</small>
                  </label>
                  <select id={`wish-${p.actor.id}`} value={priorityOf(p.actor.id)} onChange={(e) => setWish(p.actor, Number(e.currentTarget.value))} {...attrs(`wish:${p.actor.id}`)}>
                    <option value={0}>pas de souhait</option>
                    {PRIORITIES.map(([n, label]) => <option key={n} value={n}>{label}</option>)}
                  </select>
                  {err(`wish:${p.actor.id}`)}
                </li>
              ))}
            </ul>
          )}
          {err('wishes')}
        </fieldset>

        <fieldset class="avoid" {...(errors.avoid ? { 'aria-describedby': `${FORM}-avoid-error` } : {})}>
          <legend>Structures à ne jamais placer ensemble (facultatif)</legend>
          <p class="hint">Un concurrent direct, un litige en cours : le planning ne les fera jamais se rencontrer.</p>
          {avoid.length > 0 && (
            <ul class="avoid-list">
              {avoid.map((a) => (
                <li key={a.id}>{a.name}{' '}
                  <button type="button" class="link" aria-label={`Retirer ${a.name} des structures à éviter`} onClick={() => { setAvoid(avoid.filter((x) => x.id !== a.id)); fix('avoid'); }}>Retirer</button>
                </li>
              ))}
            </ul>
          )}
          <ActorSearch id="reg-avoid" label="Structure à éviter" value={avoidPick} onChange={setAvoidPick} />
          <button type="button" class="secondary" disabled={!avoidPick} onClick={addAvoid}>Ajouter aux structures à éviter</button>
          {err('avoid')}
        </fieldset>

        <div role="alert">
          {errorCount > 0 && <p class="error-box">{errorCount > 1 ? `${errorCount} points sont à corriger` : 'Un point est à corriger'} : voyez les messages en rouge.</p>}
          {failure && <p class="error-box">{failure}</p>}
        </div>
        <button type="submit" disabled={busy}>{busy ? 'Enregistrement…' : actorId ? 'Enregistrer l’inscription' : 'Inscrire'}</button>
      </form>
    </section>
  );
}
