import './follow-up.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { FOLLOW_UP_QUERY } from '../../queries-follow-up';
import { href, useRoute } from '../../router';
import { Cooperations } from './Cooperations';
import { FeedbackSection, feedbackProgress } from './Feedback';
import { dayOf, FollowUpData, frDay, plural, Stage, STAGE_LABELS, todayIn } from './follow-up-model';
import { Reminders } from './Reminders';
import { ReportSection } from './Report';

const PARTS = ['avis', 'cooperations', 'relances', 'bilan'] as const;
type Part = (typeof PARTS)[number];

/**
 * What came out of a session, in four parts reached from a small menu: the feedback on each
 * meeting, the cooperations it opened, the reminders to act on, and the report. One part at a
 * time, because a session of 60 meetings makes a long feedback list that a facilitator coming
 * back months later for the reminders should not have to scroll past.
 */
export function FollowUpView({ id }: { id: string }) {
  const route = useRoute();
  const part: Part = (PARTS as readonly string[]).includes(route.params.get('partie') ?? '') ? (route.params.get('partie') as Part) : 'avis';
  const [data, setData] = useState<FollowUpData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<ComponentChildren>('');

  const load = (): Promise<void> =>
    gql<FollowUpData>(FOLLOW_UP_QUERY, { sessionId: id }).then(
      (d) => { setData(d); setError(null); },
      (e) => setError(e instanceof ApiError && e.code === 'NOT_FOUND' ? 'Session introuvable.' : `Le suivi n’a pas pu être chargé : ${(e as Error).message}`),
    );
  useEffect(() => { setData(null); void load(); }, [id]);
  useEffect(() => { setStatus(''); }, [part]);

  const back = <p><a href={href('sessions', { id })}>← Retour à la session</a></p>;
  const s = data?.matchmakingSession;
  if (!data || !s) {
    return (
      <section class="page follow-up">
        {back}
        <h1>Suivi des rencontres</h1>
        {error || (data && !s) ? <p role="alert" class="error-box">{error ?? 'Session introuvable.'}</p> : <p role="status">Chargement du suivi…</p>}
      </section>
    );
  }

  const today = todayIn();
  // Stage labels as the API words them (the report lists every stage), the client's own until then.
  const labels = { ...STAGE_LABELS, ...Object.fromEntries(data.sessionReport.outcomes.current.stages.map((x) => [x.stage, x.label])) } as Record<Stage, string>;
  const progress = feedbackProgress(s, Date.now());
  const overdue = data.dueCooperationReminders.filter((r) => r.status === 'OVERDUE').length;
  const tabs: Record<Part, string> = {
    avis: `Avis des rencontres (${progress.given}/${progress.expected})`,
    cooperations: `Coopérations (${data.cooperations.length})`,
    relances: `Relances à faire (${data.dueCooperationReminders.length}${overdue ? `, dont ${overdue} en retard` : ''})`,
    bilan: 'Bilan de la session',
  };
  const refresh = async (message: ComponentChildren) => {
    await load();
    setStatus(message);
  };

  return (
    <section class="page follow-up">
      {back}
      <h1>Suivi : {s.title}</h1>
      <p class="hint">Session du {frDay(dayOf(s.startsAt, s.timeZone))} · {plural(s.rounds, 'tour', 'tours')} · situation au {frDay(data.sessionReport.asOf)}</p>
      <nav class="fu-tabs" aria-label="Parties du suivi">
        <ul>
          {PARTS.map((p) => (
            <li key={p}>
              <a href={href('sessions', { id, vue: 'suivi', partie: p === 'avis' ? undefined : p })} aria-current={p === part ? 'page' : undefined} class={p === 'relances' && overdue ? 'late' : undefined}>
                {tabs[p]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {error && <p role="alert" class="error-box">{error}</p>}
      <p role="status" class="fu-status">{status}</p>
      {part === 'avis' && <FeedbackSection session={s} cooperations={data.cooperations} onSaved={refresh} />}
      {part === 'cooperations' && <Cooperations cooperations={data.cooperations} labels={labels} today={today} onSaved={refresh} />}
      {part === 'relances' && <Reminders due={data.dueCooperationReminders} today={today} onSaved={refresh} />}
      {part === 'bilan' && <ReportSection sessionId={s.id} report={data.sessionReport} labels={labels} />}
    </section>
  );
}
