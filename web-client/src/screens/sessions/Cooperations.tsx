import { useState } from 'preact/hooks';
import { gql } from '../../api';
import { MOVE_STAGE_MUTATION } from '../../queries-follow-up';
import {
  blamedFields, Cooperation, entryLabel, errorFr, frDay, invalid, MAX_NOTE, OnSaved, REMINDER_LABELS, requesterText, Stage, STAGES,
} from './follow-up-model';

/** The stage a facilitator most likely records next: a step up the scale, or back to a useful contact. */
const LIKELY_NEXT: Record<Stage, Stage> = {
  VALUABLE_CONTACT: 'NEGOTIATION_STARTED',
  NEGOTIATION_STARTED: 'AGREEMENT_REACHED',
  AGREEMENT_REACHED: 'NEGOTIATION_STARTED',
  KNOWLEDGE_GAINED: 'VALUABLE_CONTACT',
  NO_FURTHER_CONTACT: 'VALUABLE_CONTACT',
};

const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

interface Props { cooperations: Cooperation[]; labels: Record<Stage, string>; today: string; onSaved: OnSaved }

/** The cooperations born from the session as a small board, one column per stage; moved with a form, not by dragging. */
export function Cooperations({ cooperations, labels, today, onSaved }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="fu-coops">
      <h2 id="fu-coops">Coopérations nées de la session</h2>
      {cooperations.length === 0 ? (
        <p class="empty">Aucune coopération pour l’instant : une coopération s’ouvre quand un participant souhaite une suite dans son avis.</p>
      ) : (
        <>
          <p class="hint">Chaque coopération est suivie sur l’échelle des rencontres d’affaires européennes. Changez son étape quand vous apprenez du nouveau ; l’historique garde chaque étape.</p>
          <div class="fu-board" data-testid="cooperation-board">
            {STAGES.map((stage) => {
              const items = cooperations.filter((c) => c.stage === stage);
              return (
                <section key={stage} class={`fu-column st-${stage}`} aria-labelledby={`fu-col-${stage}`} data-testid={`stage-${stage}`}>
                  <h3 id={`fu-col-${stage}`}>{labels[stage]} ({items.length})</h3>
                  {items.length === 0 ? <p class="empty">Aucune.</p> : (
                    <ul>
                      {items.map((c) => (
                        <CooperationCard key={c.id} c={c} labels={labels} today={today} editing={editing === c.id}
                          onEdit={() => setEditing(c.id)} onClose={() => { setEditing(null); focusLater(`move-${c.id}`); }} onSaved={onSaved} />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

interface CardProps { c: Cooperation; labels: Record<Stage, string>; today: string; editing: boolean; onEdit: () => void; onClose: () => void; onSaved: OnSaved }

function CooperationCard({ c, labels, today, editing, onEdit, onClose, onSaved }: CardProps) {
  const next = c.reminders.find((r) => r.status !== 'DONE' && r.status !== 'CLOSED');
  const current = c.history[c.history.length - 1];
  return (
    <li class="fu-card" data-testid="cooperation">
      <h4>{c.a.name} et {c.b.name}</h4>
      <p class="meta">Rencontre du {frDay(c.meetingDate)} · {requesterText(c)}</p>
      {current?.publicContract && <p><span class="fu-badge public">Marché public</span></p>}
      {next && <p class={next.status === 'OVERDUE' ? 'late-text' : 'meta'}>Prochaine relance : {next.monthsAfter} mois, le {frDay(next.dueOn)} ({REMINDER_LABELS[next.status].toLowerCase()})</p>}
      <details>
        <summary>Historique ({c.history.length})</summary>
        <ol class="fu-history">
          {c.history.map((h, i) => (
            <li key={i}><time dateTime={h.on}>{frDay(h.on)}</time> : {entryLabel(labels, h)}{h.note ? <> — « {h.note} »</> : null}</li>
          ))}
        </ol>
      </details>
      <details>
        <summary>Relances</summary>
        <ul class="fu-history">
          {c.reminders.map((r) => (
            <li key={r.monthsAfter} class={r.status === 'OVERDUE' ? 'late-text' : undefined}>
              {r.monthsAfter} mois, le {frDay(r.dueOn)} : {REMINDER_LABELS[r.status]}{r.doneOn ? ` le ${frDay(r.doneOn)}` : ''}{r.note ? ` — « ${r.note} »` : ''}
            </li>
          ))}
        </ul>
      </details>
      {editing
        ? <StageForm c={c} labels={labels} today={today} onCancel={onClose} onDone={async (m) => { await onSaved(m); onClose(); }} />
        : <button type="button" id={`move-${c.id}`} class="small" aria-label={`Changer l’étape : ${c.a.name} et ${c.b.name}`} onClick={onEdit}>Changer l’étape</button>}
    </li>
  );
}

interface FormProps { c: Cooperation; labels: Record<Stage, string>; today: string; onCancel: () => void; onDone: (message: string) => Promise<void> }

function StageForm({ c, labels, today, onCancel, onDone }: FormProps) {
  const last = c.history[c.history.length - 1];
  const since = last?.on ?? c.createdOn;
  const [stage, setStage] = useState<Stage>(LIKELY_NEXT[c.stage]);
  const [publicContract, setPublicContract] = useState(false);
  const [on, setOn] = useState(today < since ? since : today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `sf-${c.id}`;
  const agreement = stage === 'AGREEMENT_REACHED';
  const dateRule = `Donnez une date entre le ${frDay(since)} (dernière étape) et aujourd’hui.`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (stage === c.stage && (agreement && publicContract) === last?.publicContract) found.stage = 'La coopération est déjà à cette étape : choisissez-en une autre.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || on > today || on < since) found.on = dateRule;
    if (note.trim().length > MAX_NOTE) found.note = `La note dépasse ${MAX_NOTE} caractères : raccourcissez-la.`;
    setErrors(found);
    setFailure(null);
    const first = ['stage', 'on', 'note'].find((k) => found[k]);
    if (first) { focusLater(`${id}-${first}`); return; }
    setBusy(true);
    try {
      await gql(MOVE_STAGE_MUTATION, { input: { cooperationId: c.id, stage, on, publicContract: agreement && publicContract, note: note.trim() || null } });
      await onDone(`${c.a.name} et ${c.b.name} : ${entryLabel(labels, { stage, publicContract: agreement && publicContract })}, depuis le ${frDay(on)}.`);
    } catch (err) {
      const fields = blamedFields(err);
      if (fields.includes('stage')) found.stage = 'La coopération est déjà à cette étape : choisissez-en une autre.';
      if (fields.includes('publicContract')) found.stage = 'Seul un accord conclu peut être un marché public.';
      if (fields.includes('on')) found.on = dateRule;
      if (fields.includes('note')) found.note = `La note doit faire au plus ${MAX_NOTE} caractères.`;
      setErrors(found);
      setFailure(Object.keys(found).length ? null : errorFr(err, 'cette coopération'));
      setBusy(false);
    }
  };

  return (
    <form class="fu-form" onSubmit={submit} noValidate aria-label={`Nouvelle étape : ${c.a.name} et ${c.b.name}`}>
      <div class="field">
        <label for={`${id}-stage`}>Nouvelle étape</label>
        <select id={`${id}-stage`} value={stage} onChange={(e) => setStage((e.target as HTMLSelectElement).value as Stage)} {...invalid(`${id}-stage`, errors.stage)}>
          {STAGES.map((s) => <option key={s} value={s}>{labels[s]}{s === c.stage ? ' (actuelle)' : ''}</option>)}
        </select>
        {errors.stage && <span id={`${id}-stage-error`} class="field-error">{errors.stage}</span>}
      </div>
      {agreement && (
        <label class="fu-check">
          <input type="checkbox" checked={publicContract} onChange={(e) => setPublicContract((e.target as HTMLInputElement).checked)} /> L’accord est un marché public
        </label>
      )}
      <div class="field">
        <label for={`${id}-on`}>Date</label>
        <input id={`${id}-on`} type="date" value={on} min={since} max={today} onInput={(e) => setOn((e.target as HTMLInputElement).value)} {...invalid(`${id}-on`, errors.on)} />
        {errors.on && <span id={`${id}-on-error`} class="field-error">{errors.on}</span>}
      </div>
      <div class="field">
        <label for={`${id}-note`}>Note (facultatif)</label>
        <textarea id={`${id}-note`} rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} {...invalid(`${id}-note`, errors.note)} />
        {errors.note && <span id={`${id}-note-error`} class="field-error">{errors.note}</span>}
      </div>
      {failure && <p role="alert" class="field-error">{failure}</p>}
      <p class="fu-actions">
        <button type="submit" disabled={busy}>Enregistrer l’étape</button>{' '}
        <button type="button" class="secondary" onClick={onCancel}>Annuler</button>
      </p>
    </form>
  );
}
