import { useState } from 'preact/hooks';
import { gql } from '../../api';
import { COMPLETE_REMINDER_MUTATION } from '../../queries-follow-up';
import { blamedFields, DueReminder, errorFr, frDay, invalid, MAX_NOTE, OnSaved, plural } from './follow-up-model';

const keyOf = (r: DueReminder) => `${r.cooperation.id}-${r.monthsAfter}`;
const when = (r: DueReminder): string =>
  r.daysOverdue > 0 ? `en retard de ${plural(r.daysOverdue, 'jour', 'jours')}` : r.daysOverdue === 0 ? 'à faire aujourd’hui' : `dans ${plural(-r.daysOverdue, 'jour', 'jours')}`;

/** The reminders of the session's cooperations that are overdue or fall within two weeks, each to mark done with what was learnt. */
export function Reminders({ due, today, onSaved }: { due: DueReminder[]; today: string; onSaved: OnSaved }) {
  const [editing, setEditing] = useState<string | null>(null);
  const focusHeading = () => setTimeout(() => document.getElementById('fu-reminders')?.focus(), 0);
  return (
    <section aria-labelledby="fu-reminders">
      <h2 id="fu-reminders" tabIndex={-1}>Relances à faire</h2>
      <p class="hint">Chaque coopération appelle une relance 1, 3, 6 et 12 mois après la rencontre : un appel pour savoir où en sont les deux parties. Sont listées les relances en retard et celles des deux prochaines semaines.</p>
      {due.length === 0 ? <p class="empty">Aucune relance à faire dans les deux prochaines semaines.</p> : (
        <ul class="fu-reminders" data-testid="reminders">
          {due.map((r) => {
            const key = keyOf(r);
            const late = r.status === 'OVERDUE';
            const what = `relance à ${r.monthsAfter} mois de ${r.cooperation.a.name} et ${r.cooperation.b.name}`;
            return (
              <li key={key} class={late ? 'overdue' : undefined} data-testid="reminder">
                <p>
                  <strong>Relance à {r.monthsAfter} mois</strong> : {r.cooperation.a.name} et {r.cooperation.b.name}
                  <br />
                  <span class={late ? 'late-text' : 'meta'}>{late && <span aria-hidden="true">⚠ </span>}Prévue le {frDay(r.dueOn)}, {when(r)}</span>
                </p>
                {editing === key
                  ? <DoneForm r={r} what={what} today={today} onCancel={() => { setEditing(null); focusHeading(); }}
                      onDone={async () => { await onSaved(`${what[0].toUpperCase()}${what.slice(1)} : faite.`); setEditing(null); focusHeading(); }} />
                  : <button type="button" class="small" aria-label={`Fait : ${what}`} onClick={() => setEditing(key)}>Fait</button>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface FormProps { r: DueReminder; what: string; today: string; onCancel: () => void; onDone: () => Promise<void> }

function DoneForm({ r, what, today, onCancel, onDone }: FormProps) {
  const [doneOn, setDoneOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `rd-${r.cooperation.id}-${r.monthsAfter}`;
  const dateRule = `Donnez une date entre le ${frDay(r.cooperation.meetingDate)} (la rencontre) et aujourd’hui.`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(doneOn) || doneOn > today || doneOn < r.cooperation.meetingDate) found.doneOn = dateRule;
    if (note.trim().length > MAX_NOTE) found.note = `La note dépasse ${MAX_NOTE} caractères : raccourcissez-la.`;
    setErrors(found);
    setFailure(null);
    const first = ['doneOn', 'note'].find((k) => found[k]);
    if (first) { setTimeout(() => document.getElementById(`${id}-${first}`)?.focus(), 0); return; }
    setBusy(true);
    try {
      await gql(COMPLETE_REMINDER_MUTATION, { input: { cooperationId: r.cooperation.id, monthsAfter: r.monthsAfter, doneOn, note: note.trim() || null } });
      await onDone();
    } catch (err) {
      const fields = blamedFields(err);
      if (fields.includes('doneOn')) found.doneOn = dateRule;
      if (fields.includes('note')) found.note = `La note doit faire au plus ${MAX_NOTE} caractères.`;
      setErrors(found);
      setFailure(Object.keys(found).length ? null : errorFr(err, 'cette coopération'));
      setBusy(false);
    }
  };

  return (
    <form class="fu-form fu-inline" onSubmit={submit} noValidate aria-label={`Marquer faite : ${what}`}>
      <div class="field">
        <label for={`${id}-doneOn`}>Faite le</label>
        <input id={`${id}-doneOn`} type="date" value={doneOn} min={r.cooperation.meetingDate} max={today} onInput={(e) => setDoneOn((e.target as HTMLInputElement).value)} {...invalid(`${id}-doneOn`, errors.doneOn)} />
        {errors.doneOn && <span id={`${id}-doneOn-error`} class="field-error">{errors.doneOn}</span>}
      </div>
      <div class="field fu-grow">
        <label for={`${id}-note`}>Ce que vous avez appris (facultatif)</label>
        <textarea id={`${id}-note`} rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} {...invalid(`${id}-note`, errors.note)} />
        {errors.note && <span id={`${id}-note-error`} class="field-error">{errors.note}</span>}
      </div>
      {failure && <p role="alert" class="field-error">{failure}</p>}
      <p class="fu-actions">
        <button type="submit" disabled={busy}>Enregistrer</button>{' '}
        <button type="button" class="secondary" onClick={onCancel}>Annuler</button>
      </p>
    </form>
  );
}
