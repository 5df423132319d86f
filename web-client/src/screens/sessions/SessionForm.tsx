import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { CREATE_SESSION_MUTATION, SESSION_SETTINGS_QUERY, UPDATE_SESSION_MUTATION } from '../../queries-sessions';
import { href, navigate } from '../../router';
import { Errors, FieldError, focusFirstInvalid, invalidProps, wholeNumber } from './form-errors';
import { frenchError, problemsOf } from './session-errors';
import { frDate, frTime, localParts, parisIso, TIME_ZONES } from './session-format';
import { sayOnSessionPage } from './SessionPage';
import type { Mode, SessionDetail } from './session-types';

type Settings = Omit<SessionDetail, 'participants' | 'schedule' | 'roundWindows' | 'scheduleStale' | 'scheduleSeed'>;

interface Form {
  title: string; date: string; time: string; timeZone: string; deadlineDate: string; deadlineTime: string;
  rounds: string; tables: string; pitchMinutes: string; exchangeMinutes: string; changeoverMinutes: string; mode: Mode;
  venueName: string; venueAddress: string; themeTitle: string; themeDescription: string; themeNeeds: string;
}

/** The ecoCIRC format: 5 minutes of pitch, a quarter of an hour of exchange, 6 rotations. */
const NEW_SESSION: Form = {
  title: '', date: '', time: '09:00', timeZone: 'Europe/Paris', deadlineDate: '', deadlineTime: '',
  rounds: '6', tables: '', pitchMinutes: '5', exchangeMinutes: '15', changeoverMinutes: '5', mode: 'BIPARTITE',
  venueName: '', venueAddress: '', themeTitle: '', themeDescription: '', themeNeeds: '',
};
const BOUNDS = { rounds: [1, 12], tables: [1, 500], pitchMinutes: [1, 60], exchangeMinutes: [0, 120], changeoverMinutes: [0, 60] } as const;
/** Where the API's fields are shown in this form. */
const SERVER_FIELDS: Record<string, keyof Form> = {
  title: 'title', startsAt: 'date', timeZone: 'timeZone', registrationDeadline: 'deadlineDate', rounds: 'rounds', tables: 'tables',
  pitchMinutes: 'pitchMinutes', exchangeMinutes: 'exchangeMinutes', changeoverMinutes: 'changeoverMinutes', venueName: 'venueName', venueAddress: 'venueAddress',
  'theme.title': 'themeTitle', 'theme.description': 'themeDescription', 'theme.needs': 'themeNeeds',
};

function formOf(s: Settings): Form {
  const start = localParts(s.startsAt, s.timeZone);
  const deadline = s.registrationDeadline ? localParts(s.registrationDeadline, s.timeZone) : { date: '', time: '' };
  return {
    title: s.title, date: start.date, time: start.time, timeZone: s.timeZone, deadlineDate: deadline.date, deadlineTime: deadline.time,
    rounds: String(s.rounds), tables: String(s.tables), pitchMinutes: String(s.pitchMinutes), exchangeMinutes: String(s.exchangeMinutes),
    changeoverMinutes: String(s.changeoverMinutes), mode: s.mode, venueName: s.venueName ?? '', venueAddress: s.venueAddress ?? '',
    themeTitle: s.theme?.title ?? '', themeDescription: s.theme?.description ?? '', themeNeeds: s.theme?.needs.map((n) => n.label).join('\n') ?? '',
  };
}

/** Creates a session (no id) or changes its settings; every time is entered in the session's time zone. */
export function SessionForm({ id }: { id?: string }) {
  const [f, setF] = useState<Form | null>(id ? null : NEW_SESSION);
  const [scheduled, setScheduled] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    gql<{ matchmakingSession: (Settings & { scheduledAt: string | null }) | null }>(SESSION_SETTINGS_QUERY, { id })
      .then((d) => {
        if (!d.matchmakingSession) { setFailure('Session introuvable : elle a peut-être été supprimée.'); return; }
        setF(formOf(d.matchmakingSession));
        setScheduled(!!d.matchmakingSession.scheduledAt);
      })
      .catch((e) => setFailure(frenchError(e)));
  }, [id]);

  const heading = id ? 'Modifier les réglages de la session' : 'Nouvelle session de rencontres';
  if (!f) {
    return (
      <section class="page sessions narrow">
        <h1>{heading}</h1>
        {failure ? <p role="alert" class="error-box">{failure}</p> : <p role="status">Chargement…</p>}
      </section>
    );
  }

  const set = (key: keyof Form, value: string) => {
    setF({ ...f, [key]: value });
    // A message goes as soon as its field is edited; date and time share one, as do the two deadline fields.
    const shared = key === 'time' ? 'date' : key === 'deadlineTime' ? 'deadlineDate' : key;
    if (errors[shared]) { const rest = { ...errors }; delete rest[shared]; setErrors(rest); }
  };
  const startIso = f.date && f.time ? parisIso(`${f.date}T${f.time}`, f.timeZone) : null;

  function check(form: Form): { errs: Errors; input: Record<string, unknown> } {
    const errs: Errors = {};
    const title = form.title.trim();
    if (!title) errs.title = 'Donnez un titre à la session, par exemple « Rencontres ecoCIRC — école de Vitry ».';
    if (!form.date) errs.date = 'Indiquez la date de la session.';
    else if (!form.time) errs.date = 'Indiquez l’heure de début.';
    else if (!id && Date.parse(startIso!) < Date.now()) errs.date = 'Cette date est passée : choisissez une date à venir.';
    let registrationDeadline: string | null = null;
    if (form.deadlineDate || form.deadlineTime) {
      if (!form.deadlineDate || !form.deadlineTime) errs.deadlineDate = 'Indiquez le jour et l’heure de clôture, ou laissez les deux vides.';
      else {
        registrationDeadline = parisIso(`${form.deadlineDate}T${form.deadlineTime}`, form.timeZone);
        if (startIso && Date.parse(registrationDeadline) > Date.parse(startIso)) {
          errs.deadlineDate = `La clôture des inscriptions doit avoir lieu au plus tard au début de la session (${frDate(startIso, form.timeZone)}).`;
        }
      }
    }
    const numbers: Record<string, number | null> = {};
    for (const [key, [min, max]] of Object.entries(BOUNDS)) {
      const n = wholeNumber(form[key as keyof typeof BOUNDS], min, max);
      if (n.error) errs[key] = key === 'tables' && !form.tables.trim() ? 'Indiquez le nombre de tables (rencontres en même temps).' : n.error;
      numbers[key] = n.value;
    }
    const needs = form.themeNeeds.split('\n').map((l) => l.trim()).filter(Boolean);
    const themeTitle = form.themeTitle.trim();
    if (!themeTitle && (form.themeDescription.trim() || needs.length)) errs.themeTitle = 'Nommez le projet public, par exemple « Construction du groupe scolaire Jean-Jaurès ».';
    if (needs.some((n) => n.length > 200)) errs.themeNeeds = 'Un besoin par ligne, 200 caractères au plus chacun.';
    const theme = themeTitle ? { title: themeTitle, description: form.themeDescription.trim() || null, needs: needs.map((label) => ({ label })) } : null;
    const input: Record<string, unknown> = {
      title, startsAt: startIso, timeZone: form.timeZone, registrationDeadline, ...numbers,
      venueName: form.venueName.trim() || null, venueAddress: form.venueAddress.trim() || null, theme,
    };
    if (!id) input.mode = form.mode;
    return { errs, input };
  }

  async function submit(e: Event) {
    e.preventDefault();
    const { errs, input } = check(f!);
    setErrors(errs);
    setFailure(null);
    if (Object.keys(errs).length) { focusFirstInvalid(); return; }
    setBusy(true);
    try {
      if (id) {
        await gql(UPDATE_SESSION_MUTATION, { id, input });
        sayOnSessionPage(scheduled ? 'Réglages enregistrés. Si l’horaire, les tours ou les tables ont changé, générez à nouveau le planning.' : 'Réglages enregistrés.');
        navigate('sessions', { id });
      } else {
        const d = await gql<{ createMatchmakingSession: { id: string } }>(CREATE_SESSION_MUTATION, { input });
        sayOnSessionPage('Session créée. Inscrivez maintenant les participants.');
        navigate('sessions', { id: d.createMatchmakingSession.id });
      }
    } catch (err) {
      const problems = problemsOf(err);
      if (!problems) { setFailure(frenchError(err)); return; }
      const byField: Errors = {};
      const general: string[] = [];
      for (const p of problems) {
        const key = SERVER_FIELDS[p.field.replace(/\[\d+\].*$/, '')];
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

  const attrs = (key: string) => invalidProps(errors, 'session', key);
  const err = (key: string) => <FieldError errors={errors} form="session" name={key} />;
  const numberField = (key: keyof typeof BOUNDS, label: string, hint?: string) => (
    <div class="field">
      <label for={`session-${key}`}>{label}</label>
      <input id={`session-${key}`} type="number" inputMode="numeric" min={BOUNDS[key][0]} max={BOUNDS[key][1]} step={1} value={f[key]}
        onInput={(e) => set(key, e.currentTarget.value)} {...attrs(key)} />
      {hint && <small>{hint}</small>}
      {err(key)}
    </div>
  );
  const textField = (key: keyof Form, label: string, hint?: string) => (
    <div class="field">
      <label for={`session-${key}`}>{label}</label>
      <input id={`session-${key}`} type="text" value={f[key]} onInput={(e) => set(key, e.currentTarget.value)} {...attrs(key)} />
      {hint && <small>{hint}</small>}
      {err(key)}
    </div>
  );
  const errorCount = Object.keys(errors).length;

  return (
    <section class="page sessions narrow">
      <p><a href={id ? href('sessions', { id }) : href('sessions')}>{id ? '← Retour à la session' : '← Toutes les sessions'}</a></p>
      <h1>{heading}</h1>
      <form class="session-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>La session</legend>
          {textField('title', 'Titre', 'Par exemple « Rencontres ecoCIRC — groupe scolaire de Vitry ».')}
          <div class="field-row">
            <div class="field">
              <label for="session-date">Date</label>
              <input id="session-date" type="date" value={f.date} onInput={(e) => set('date', e.currentTarget.value)} {...attrs('date')} />
            </div>
            <div class="field">
              <label for="session-time">Heure de début</label>
              <input id="session-time" type="time" value={f.time} onInput={(e) => set('time', e.currentTarget.value)} {...attrs('date')} />
            </div>
            <div class="field">
              <label for="session-timeZone">Fuseau horaire</label>
              <select id="session-timeZone" value={f.timeZone} onChange={(e) => set('timeZone', e.currentTarget.value)} {...attrs('timeZone')}>
                {TIME_ZONES.map(([zone, label]) => <option key={zone} value={zone}>{label}</option>)}
                {!TIME_ZONES.some(([zone]) => zone === f.timeZone) && <option value={f.timeZone}>{f.timeZone}</option>}
              </select>
              {err('timeZone')}
            </div>
          </div>
          {err('date')}
          <small class="block">Heures du lieu de la session : les agendas les impriment telles quelles.</small>
        </fieldset>

        <fieldset>
          <legend>Format des rencontres</legend>
          {id ? (
            <p>{f.mode === 'BIPARTITE' ? 'Bipartite : des structures accueillent, d’autres présentent.' : 'Ouvert : tout le monde peut rencontrer tout le monde.'} <small>Le format ne change plus après la création : les participants sont inscrits selon lui.</small></p>
          ) : (
            <div class="mode-choice">
              <label><input type="radio" name="mode" checked={f.mode === 'BIPARTITE'} onChange={() => set('mode', 'BIPARTITE')} aria-describedby="mode-bipartite-hint" /> Bipartite (format ecoCIRC)</label>
              <small id="mode-bipartite-hint">Deux côtés : les structures qui <strong>accueillent</strong> (par exemple des collectivités qui portent un projet) restent à leur table ; celles qui <strong>présentent</strong> (par exemple des entreprises innovantes) passent d’une table à l’autre. Chaque rencontre réunit une structure de chaque côté.</small>
              <label><input type="radio" name="mode" checked={f.mode === 'OPEN'} onChange={() => set('mode', 'OPEN')} aria-describedby="mode-open-hint" /> Ouvert</label>
              <small id="mode-open-hint">Pas de côtés : tout le monde peut rencontrer tout le monde, selon les souhaits et les complémentarités.</small>
            </div>
          )}
          <div class="field-row">
            {numberField('rounds', 'Nombre de tours', '5 à 6 en général.')}
            {numberField('tables', 'Nombre de tables', f.mode === 'BIPARTITE' ? 'En général une par structure qui accueille.' : 'Rencontres en même temps.')}
          </div>
          <div class="field-row">
            {numberField('pitchMinutes', 'Présentation (min)')}
            {numberField('exchangeMinutes', 'Échange (min)')}
            {numberField('changeoverMinutes', 'Changement de table (min)')}
          </div>
          <Timing form={f} startIso={startIso} />
        </fieldset>

        <fieldset>
          <legend>Clôture des inscriptions (facultatif)</legend>
          <div class="field-row">
            <div class="field">
              <label for="session-deadlineDate">Jour de clôture</label>
              <input id="session-deadlineDate" type="date" value={f.deadlineDate} onInput={(e) => set('deadlineDate', e.currentTarget.value)} {...attrs('deadlineDate')} />
            </div>
            <div class="field">
              <label for="session-deadlineTime">Heure de clôture</label>
              <input id="session-deadlineTime" type="time" value={f.deadlineTime} onInput={(e) => set('deadlineTime', e.currentTarget.value)} {...attrs('deadlineDate')} />
            </div>
          </div>
          {err('deadlineDate')}
          <small class="block">Laissez vide : les inscriptions restent ouvertes jusqu’au début de la session.</small>
        </fieldset>

        <fieldset>
          <legend>Lieu (facultatif)</legend>
          {textField('venueName', 'Nom du lieu', 'Par exemple « Salle du conseil, hôtel de ville ».')}
          {textField('venueAddress', 'Adresse')}
        </fieldset>

        <fieldset>
          <legend>Projet public (facultatif)</legend>
          <p class="hint">Le projet réel dont on parle (construction d’une école, rénovation d’un immeuble…) : ses besoins aident à former les rencontres utiles.</p>
          {textField('themeTitle', 'Nom du projet')}
          <div class="field">
            <label for="session-themeDescription">Description</label>
            <textarea id="session-themeDescription" rows={2} value={f.themeDescription} onInput={(e) => set('themeDescription', e.currentTarget.value)} {...attrs('themeDescription')} />
            {err('themeDescription')}
          </div>
          <div class="field">
            <label for="session-themeNeeds">Besoins du projet (un par ligne)</label>
            <textarea id="session-themeNeeds" rows={3} value={f.themeNeeds} onInput={(e) => set('themeNeeds', e.currentTarget.value)} placeholder={'isolation biosourcée\ngestion des biodéchets de la cantine'} {...attrs('themeNeeds')} />
            {err('themeNeeds')}
          </div>
        </fieldset>

        <div role="alert">
          {errorCount > 0 && <p class="error-box">{errorCount > 1 ? `${errorCount} champs sont à corriger` : 'Un champ est à corriger'} : voyez les messages en rouge.</p>}
          {failure && <p class="error-box">{failure}</p>}
        </div>
        <button type="submit" disabled={busy}>{busy ? 'Enregistrement…' : id ? 'Enregistrer les réglages' : 'Créer la session'}</button>
      </form>
    </section>
  );
}

/** How long the morning lasts with these settings: the facilitator checks it against the room booking. */
function Timing({ form: f, startIso }: { form: Form; startIso: string | null }) {
  const [rounds, pitch, exchange, changeover] = [f.rounds, f.pitchMinutes, f.exchangeMinutes, f.changeoverMinutes].map((x) => Number(x));
  if (![rounds, pitch, exchange, changeover].every((n) => Number.isInteger(n) && n >= 0) || rounds < 1) return null;
  const total = rounds * (pitch + exchange) + (rounds - 1) * changeover;
  const duration = `${Math.floor(total / 60) ? `${Math.floor(total / 60)} h ` : ''}${String(total % 60).padStart(Math.floor(total / 60) ? 2 : 1, '0')} min`;
  const span = startIso && !Number.isNaN(Date.parse(startIso))
    ? ` : de ${frTime(startIso, f.timeZone)} à ${frTime(new Date(Date.parse(startIso) + total * 60_000).toISOString(), f.timeZone)}`
    : '';
  return <p class="timing" aria-live="polite">Chaque tour dure {pitch + exchange} min, puis {changeover} min pour changer de table. {rounds} tours : {duration} en tout{span}.</p>;
}
