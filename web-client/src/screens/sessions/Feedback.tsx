import { useState } from 'preact/hooks';
import { gql } from '../../api';
import { RECORD_FEEDBACK_MUTATION } from '../../queries-follow-up';
import { href } from '../../router';
import {
  blamedFields, Cooperation, errorFr, Feedback, frTime, INTEREST_LABELS, invalid, MAX_NOTE, Meeting, Named, OnSaved, SessionData,
} from './follow-up-model';

type MeetingState = { kind: 'held' } | { kind: 'upcoming' } | { kind: 'cancelled'; who: string; fromRound: number };

/** Whether a planned meeting took place: the server refuses feedback on one that did not, or not yet. */
function meetingState(s: SessionData, m: Meeting, now: number): MeetingState {
  const absentFrom = new Map(s.participants.map((p) => [p.actor.id, p.absentFromRound]));
  for (const side of [m.a, m.b]) {
    const from = absentFrom.get(side.id);
    if (from != null && from <= m.round) return { kind: 'cancelled', who: side.name, fromRound: from };
  }
  const start = s.roundWindows.find((w) => w.round === m.round)?.startsAt;
  return start && Date.parse(start) > now ? { kind: 'upcoming' } : { kind: 'held' };
}

/** How many sides of the meetings held so far have given their feedback. */
export function feedbackProgress(s: SessionData, now: number): { given: number; expected: number } {
  const held = (s.schedule?.meetings ?? []).filter((m) => meetingState(s, m, now).kind === 'held');
  return { given: held.reduce((n, m) => n + m.feedback.length, 0), expected: held.length * 2 };
}

const pairKey = (a: string, b: string) => `${a}|${b}`;

/** Each side's feedback on each meeting of the session, by round, to record or correct. */
export function FeedbackSection({ session: s, cooperations, onSaved }: { session: SessionData; cooperations: Cooperation[]; onSaved: OnSaved }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [missingOnly, setMissingOnly] = useState(false);
  const meetings = s.schedule?.meetings ?? [];
  if (!s.schedule) return <p class="empty">Cette session n’a pas de planning : les avis se saisissent sur les rencontres planifiées.</p>;
  if (meetings.length === 0) return <p class="empty">Le planning ne contient aucune rencontre.</p>;
  const now = Date.now();
  const coopOf = new Map(cooperations.map((c) => [pairKey(c.a.id, c.b.id), c]));
  const rounds = [...new Set(meetings.map((m) => m.round))].sort((x, y) => x - y);
  return (
    <section aria-labelledby="fu-feedback">
      <h2 id="fu-feedback">Avis des rencontres</h2>
      <p class="hint">Après chaque rencontre, chaque participant dit son intérêt et s’il souhaite une suite. Une suite souhaitée, même d’un seul côté, ouvre une coopération suivie, avec des relances à 1, 3, 6 et 12 mois.</p>
      <label class="fu-check">
        <input type="checkbox" checked={missingOnly} onChange={(e) => setMissingOnly((e.target as HTMLInputElement).checked)} /> Afficher seulement les rencontres dont un avis manque
      </label>
      {rounds.map((round) => {
        const all = meetings.filter((m) => m.round === round).sort((x, y) => x.table - y.table);
        const shown = missingOnly ? all.filter((m) => m.feedback.length < 2 && meetingState(s, m, now).kind === 'held') : all;
        if (shown.length === 0) return null;
        const start = s.roundWindows.find((w) => w.round === round)?.startsAt;
        const given = all.reduce((n, m) => n + m.feedback.length, 0);
        return (
          <section key={round} class="fu-round" aria-labelledby={`fu-round-${round}`}>
            <h3 id={`fu-round-${round}`}>Tour {round}{start ? ` — ${frTime(start, s.timeZone)}` : ''} <small>({given} avis sur {all.length * 2})</small></h3>
            <ul class="fu-meetings">
              {shown.map((m) => (
                <MeetingItem key={m.id} meeting={m} state={meetingState(s, m, now)} cooperation={coopOf.get(pairKey(m.a.id, m.b.id)) ?? null}
                  sessionId={s.id} editing={editing} setEditing={setEditing} onSaved={onSaved} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

interface ItemProps {
  meeting: Meeting; state: MeetingState; cooperation: Cooperation | null; sessionId: string;
  editing: string | null; setEditing: (key: string | null) => void; onSaved: OnSaved;
}

function MeetingItem({ meeting: m, state, cooperation, sessionId, editing, setEditing, onSaved }: ItemProps) {
  return (
    <li class={`fu-meeting${state.kind === 'cancelled' ? ' cancelled' : ''}`} data-testid={`meeting-${m.round}-${m.table}`}>
      <h4>Table {m.table} : {m.a.name} et {m.b.name}</h4>
      {state.kind === 'cancelled' && <p class="meta">Rencontre annulée : {state.who} absent dès le tour {state.fromRound}.</p>}
      {state.kind === 'upcoming' && <p class="meta">Pas encore eu lieu : les avis se saisissent une fois le tour commencé.</p>}
      {cooperation && (
        <p class="fu-coop-note">
          Coopération ouverte : {cooperation.stageLabel}. <a href={href('sessions', { id: sessionId, vue: 'suivi', partie: 'cooperations' })}>Voir les coopérations</a>
        </p>
      )}
      {state.kind === 'held' && (
        <div class="fu-sides">
          {[m.a, m.b].map((actor) => {
            const key = `${m.id}:${actor.id}`;
            const current = m.feedback.find((f) => f.actor.id === actor.id) ?? null;
            return editing === key
              ? <FeedbackForm key={key} meeting={m} actor={actor} current={current} hasCooperation={!!cooperation} sessionId={sessionId} onDone={async (message) => { await onSaved(message); setEditing(null); focusLater(`fb-${key}`); }} onCancel={() => { setEditing(null); focusLater(`fb-${key}`); }} />
              : <SideFeedback key={key} buttonId={`fb-${key}`} actor={actor} feedback={current} onEdit={() => setEditing(key)} />;
          })}
        </div>
      )}
    </li>
  );
}

/** Puts the focus back on a control once the view has re-rendered. */
const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

function SideFeedback({ buttonId, actor, feedback, onEdit }: { buttonId: string; actor: Named; feedback: Feedback | null; onEdit: () => void }) {
  return (
    <div class="fu-side">
      <p class="fu-side-name">{actor.name}</p>
      {feedback ? (
        <>
          <p><span class={`fu-interest i${feedback.interest}`}>{INTEREST_LABELS[feedback.interest]}</span> · {feedback.followUpWanted ? <strong>souhaite une suite</strong> : 'pas de suite souhaitée'}</p>
          {feedback.note && <p class="fu-note">« {feedback.note} »</p>}
        </>
      ) : <p class="empty">Pas encore d’avis.</p>}
      <button type="button" id={buttonId} class="small" aria-label={`${feedback ? 'Corriger' : 'Saisir'} l’avis de ${actor.name}`} onClick={onEdit}>
        {feedback ? 'Corriger' : 'Saisir'} l’avis
      </button>
    </div>
  );
}

interface FormProps {
  meeting: Meeting; actor: Named; current: Feedback | null; hasCooperation: boolean; sessionId: string;
  onDone: OnSaved; onCancel: () => void;
}

function FeedbackForm({ meeting: m, actor, current, hasCooperation, sessionId, onDone, onCancel }: FormProps) {
  const [interest, setInterest] = useState<number | null>(current?.interest ?? null);
  const [wanted, setWanted] = useState(current?.followUpWanted ?? false);
  const [note, setNote] = useState(current?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `fbf-${m.id}-${actor.id}`;
  const other = actor.id === m.a.id ? m.b : m.a;
  const focusFirst = (found: Record<string, string>) => {
    if (found.interest) focusLater(`${id}-interest-${interest ?? 0}`);
    else if (found.note) focusLater(`${id}-note`);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (interest === null) found.interest = 'Choisissez un niveau d’intérêt.';
    if (note.trim().length > MAX_NOTE) found.note = `La note dépasse ${MAX_NOTE} caractères (${note.trim().length}) : raccourcissez-la.`;
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) { focusFirst(found); return; }
    setBusy(true);
    try {
      const r = await gql<{ recordMeetingFeedback: { cooperation: { id: string } | null } }>(RECORD_FEEDBACK_MUTATION, {
        input: { meetingId: m.id, actorId: actor.id, interest, followUpWanted: wanted, note: note.trim() || null },
      });
      const opened = r.recordMeetingFeedback.cooperation && !hasCooperation;
      await onDone(opened ? (
        <>
          Avis de {actor.name} enregistré. Une coopération est ouverte entre {m.a.name} et {m.b.name}, avec ses relances :{' '}
          <a href={href('sessions', { id: sessionId, vue: 'suivi', partie: 'cooperations' })}>voir les coopérations</a>.
        </>
      ) : `Avis de ${actor.name} enregistré.`);
    } catch (err) {
      const fields = blamedFields(err);
      if (fields.includes('interest')) found.interest = 'Choisissez un niveau d’intérêt de 0 à 3.';
      if (fields.includes('note')) found.note = `La note doit faire au plus ${MAX_NOTE} caractères.`;
      setErrors(found);
      setFailure(fields.length && Object.keys(found).length ? null : errorFr(err, 'cette rencontre'));
      setBusy(false);
      focusFirst(found);
    }
  };

  return (
    <form class="fu-side fu-form" onSubmit={submit} noValidate aria-label={`Avis de ${actor.name}`}>
      <p class="fu-side-name">{actor.name}</p>
      <fieldset>
        <legend>Intérêt pour la rencontre avec {other.name}</legend>
        {INTEREST_LABELS.map((label, level) => (
          <label key={level} class="fu-radio">
            <input type="radio" id={`${id}-interest-${level}`} name={`${id}-interest`} checked={interest === level} onChange={() => { setInterest(level); setErrors(({ interest: _, ...rest }) => rest); }} {...invalid(`${id}-interest`, errors.interest)} /> {label}
          </label>
        ))}
        {errors.interest && <span id={`${id}-interest-error`} class="field-error">{errors.interest}</span>}
      </fieldset>
      <label class="fu-check">
        <input type="checkbox" checked={wanted} onChange={(e) => setWanted((e.target as HTMLInputElement).checked)} /> Souhaite une suite
      </label>
      {wanted && !hasCooperation && <p class="hint">Enregistrer ouvrira une coopération suivie entre {m.a.name} et {m.b.name}.</p>}
      {!wanted && hasCooperation && current?.followUpWanted && <p class="hint">La coopération déjà ouverte reste suivie : si elle n’a pas de suite, changez son étape.</p>}
      <div class="field">
        <label for={`${id}-note`}>Note (facultatif)</label>
        <textarea id={`${id}-note`} rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} {...invalid(`${id}-note`, errors.note)} />
        {errors.note && <span id={`${id}-note-error`} class="field-error">{errors.note}</span>}
      </div>
      {failure && <p role="alert" class="field-error">{failure}</p>}
      <p class="fu-actions">
        <button type="submit" disabled={busy}>Enregistrer l’avis</button>{' '}
        <button type="button" class="secondary" onClick={onCancel}>Annuler</button>
      </p>
    </form>
  );
}
