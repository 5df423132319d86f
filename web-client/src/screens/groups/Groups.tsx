import './groups.css';
import { useEffect, useState } from 'preact/hooks';
import { gql, session } from '../../api';
import { CHANGE_STATUS_MUTATION, GROUP_ACTIVITY_QUERY, GROUP_BOARD_QUERY, PLAN_PROGRESS_QUERY, RECORD_VALUE_MUTATION } from '../../queries-groups';
import { href, Route } from '../../router';

type Status = 'PLANNED' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'DROPPED';
const STATUSES: Status[] = ['PLANNED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'DROPPED'];
export const STATUS_LABELS: Record<Status, string> = { PLANNED: 'Prévue', IN_PROGRESS: 'En cours', BLOCKED: 'Bloquée', DONE: 'Terminée', DROPPED: 'Abandonnée' };
const MODE_LABELS: Record<string, string> = { RESOURCE_SPACE: 'Espace ressource', PROJECT_OWNER: 'Maître d’ouvrage', PROJECT_MANAGER: 'Maître d’œuvre' };
const ROLE_LABELS: Record<string, string> = { LEAD: 'pilote', CO_LEAD: 'co-pilote', MEMBER: 'membre', OBSERVER: 'observateur' };

type Counts = Record<Status, number>;
interface Figures { actionCount: number; groupCount: number; overdueCount: number; meanProgress: number | null; byStatus: Counts }
interface ActionProgress extends Figures { code: string; title: string; groupCodes: string[] }
interface AxisProgress extends Figures { code: string; title: string; actions: ActionProgress[] }
interface PlanData {
  plan: null | {
    id: string; code: string; title: string;
    groups: { id: string; code: string; name: string; mode: string }[];
    progress: { today: string; totals: Figures; axes: AxisProgress[] };
  };
}
interface IndicatorValue { on: string; value: number }
interface Indicator { id: string; name: string; unit: string; baseline: number | null; target: number | null; progress: number | null; current: IndicatorValue | null; history: IndicatorValue[] }
interface GroupAction { id: string; title: string; status: Status; statusReason: string | null; dueOn: string | null; planAction: { code: string; title: string } | null; indicators: Indicator[] }
interface BoardAction { daysLate: number | null; ownerName: string; action: GroupAction }
interface Meeting { id: string; startsAt: string; place: string | null; decisions: string[]; minutes: string | null }
interface GroupData {
  workingGroup: null | {
    id: string; code: string; name: string; mode: string; description: string | null;
    plan: { code: string; title: string };
    members: { role: string; leftOn: string | null; person: { id: string; name: string } }[];
    meetings: Meeting[];
    board: {
      today: string; openCount: number;
      columns: { status: Status; label: string; actions: BoardAction[] }[];
      overdue: { daysLate: number | null; ownerName: string; action: { id: string; title: string; dueOn: string | null } }[];
      nextMeeting: { on: string; place: string | null; startsAt: string | null; videoLink: string | null } | null;
      lastDecisions: { meetingId: string; meetingOn: string; text: string }[];
    };
  };
}
interface ActivityPage { workingGroup: { activity: { nextCursor: string | null; items: { id: string; at: string; by: string; summary: string }[] } } | null }

const percent = (x: number | null) => (x === null ? 'non mesuré' : `${Math.round(x * 100)} %`);
const frDate = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
const frNumber = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
const daysLabel = (d: number) => `${d} jour${d > 1 ? 's' : ''} de retard`;

export function Groups({ route }: { route: Route }) {
  const groupId = route.params.get('g');
  return groupId ? <GroupPage id={groupId} /> : <PlanProgress code={route.params.get('plan') ?? 'praec-occitanie'} />;
}

/** Actions by status as a small stacked bar, with the counts as text for screen readers. */
function StatusBar({ counts }: { counts: Counts }) {
  const total = STATUSES.reduce((s, k) => s + counts[k], 0);
  const text = total === 0 ? 'aucune action' : STATUSES.filter((k) => counts[k]).map((k) => `${counts[k]} ${STATUS_LABELS[k].toLowerCase()}`).join(', ');
  return (
    <span class="status-bar" role="img" aria-label={text} title={text}>
      {total > 0 && STATUSES.filter((k) => counts[k]).map((k) => <span key={k} class={`seg st-${k}`} style={{ width: `${(100 * counts[k]) / total}%` }} />)}
    </span>
  );
}

function ProgressBar({ value }: { value: number | null }) {
  return (
    <span class="progress-cell">
      <span class="progress-bar" aria-hidden="true"><span style={{ width: `${Math.round((value ?? 0) * 100)}%` }} /></span>
      <span class="progress-text">{percent(value)}</span>
    </span>
  );
}

function PlanProgress({ code }: { code: string }) {
  const [data, setData] = useState<PlanData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    gql<PlanData>(PLAN_PROGRESS_QUERY, { code }).then((d) => live && setData(d), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [code]);
  if (error) return <div class="groups"><h1>Groupes de travail</h1><p role="alert" class="error-box">{error}</p></div>;
  if (!data) return <div class="groups"><h1>Groupes de travail</h1><p role="status">Chargement de l’avancement du plan…</p></div>;
  if (!data.plan) return <div class="groups"><h1>Groupes de travail</h1><p class="empty">Plan introuvable : {code}.</p></div>;
  const { plan } = data;
  const groupsByCode = new Map(plan.groups.map((g) => [g.code, g]));
  const t = plan.progress.totals;
  return (
    <div class="groups">
      <h1>Groupes de travail</h1>
      <p class="hint">{plan.title} — avancement au {frDate(plan.progress.today)} : {t.groupCount} groupe(s), {t.actionCount} action(s), {t.overdueCount} en retard, indicateurs à {percent(t.meanProgress)}.</p>
      <section aria-labelledby="gt-list">
        <h2 id="gt-list">Les groupes ({plan.groups.length})</h2>
        {plan.groups.length === 0 ? <p class="empty">Aucun groupe de travail pour ce plan.</p> : (
          <ul class="group-list" data-testid="group-list">
            {plan.groups.map((g) => <li key={g.id}><a href={href('groupes', { g: g.id })}>{g.code} — {g.name}</a> <span class="badge">{MODE_LABELS[g.mode] ?? g.mode}</span></li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="gt-progress">
        <h2 id="gt-progress">Avancement par axe</h2>
        <div class="table-scroll">
          <table class="progress-table" data-testid="plan-progress">
            <caption class="visually-hidden">Pour chaque axe et action du plan : groupes, actions par statut, actions en retard et progression moyenne des indicateurs</caption>
            <thead><tr><th scope="col">Axe / action du plan</th><th scope="col">Groupes</th><th scope="col">Actions par statut</th><th scope="col">En retard</th><th scope="col">Indicateurs</th></tr></thead>
            {plan.progress.axes.map((axis) => (
              <tbody key={axis.code}>
                <tr class="axis-row">
                  <th scope="row">Axe {axis.code} — {axis.title}</th>
                  <td>{axis.groupCount}</td>
                  <td>{axis.actionCount} <StatusBar counts={axis.byStatus} /></td>
                  <td class={axis.overdueCount ? 'late' : ''}>{axis.overdueCount}</td>
                  <td><ProgressBar value={axis.meanProgress} /></td>
                </tr>
                {axis.actions.map((a) => (
                  <tr key={a.code}>
                    <th scope="row" class="plan-action">{a.code} {a.title}</th>
                    <td>{a.groupCodes.length === 0 ? '—' : a.groupCodes.map((c, i) => {
                      const g = groupsByCode.get(c);
                      return <span key={c}>{i ? ', ' : ''}{g ? <a href={href('groupes', { g: g.id })}>{c}</a> : c}</span>;
                    })}</td>
                    <td>{a.actionCount} <StatusBar counts={a.byStatus} /></td>
                    <td class={a.overdueCount ? 'late' : ''}>{a.overdueCount}</td>
                    <td><ProgressBar value={a.meanProgress} /></td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </section>
    </div>
  );
}

/** An indicator's history as a small line chart, with its target as a dashed line. */
function Sparkline({ indicator }: { indicator: Indicator }) {
  const w = 160, h = 48, pad = 4;
  const pts = indicator.history;
  const values = pts.map((p) => p.value).concat(indicator.target ?? [], indicator.baseline ?? []);
  const label = `${indicator.name} : ${indicator.current ? `${frNumber(indicator.current.value)} ${indicator.unit} au ${frDate(indicator.current.on)}` : 'aucune valeur'}${indicator.target !== null ? `, cible ${frNumber(indicator.target)} ${indicator.unit}` : ''} (${pts.length} mesure(s))`;
  if (values.length === 0) return <svg class="sparkline" width={w} height={h} role="img" aria-label={label}><title>{label}</title></svg>;
  const min = Math.min(...values, 0), max = Math.max(...values);
  const y = (v: number) => (max === min ? h / 2 : h - pad - ((v - min) / (max - min)) * (h - 2 * pad));
  const times = pts.map((p) => Date.parse(p.on));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const x = (t: number) => (t1 === t0 ? w / 2 : pad + ((t - t0) / (t1 - t0)) * (w - 2 * pad));
  const line = pts.map((p, i) => `${i ? 'L' : 'M'}${x(times[i]).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg class="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <title>{label}</title>
      {indicator.target !== null && <line class="target" x1={0} x2={w} y1={y(indicator.target)} y2={y(indicator.target)} />}
      {pts.length > 1 && <path class="history" d={line} />}
      {pts.map((p, i) => <circle key={p.on} class="point" cx={x(times[i])} cy={y(p.value)} r={2.5} />)}
    </svg>
  );
}

function StatusControls({ action, onChanged }: { action: GroupAction; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `reason-${action.id}`;
  const move = async (status: Status) => {
    setBusy(true);
    setError(null);
    try {
      await gql(CHANGE_STATUS_MUTATION, { id: action.id, status, reason: reason.trim() || null });
      setReason('');
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="status-controls" role="group" aria-label={`Changer le statut de « ${action.title} »`}>
      <span class="controls-label">Déplacer vers :</span>
      {STATUSES.filter((s) => s !== action.status).map((s) => (
        <button key={s} type="button" class="small" disabled={busy} onClick={() => move(s)}>{STATUS_LABELS[s]}</button>
      ))}
      <label for={id}>Motif (obligatoire pour Bloquée et Abandonnée)</label>
      <input id={id} type="text" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      {error && <p role="alert" class="field-error">{error}</p>}
    </div>
  );
}

function RecordValue({ indicator, today, onRecorded }: { indicator: Indicator; today: string; onRecorded: () => void }) {
  const [on, setOn] = useState(today);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const n = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n)) { setError('La valeur doit être un nombre.'); return; }
    setError(null);
    try {
      await gql(RECORD_VALUE_MUTATION, { indicatorId: indicator.id, input: { on, value: n } });
      setValue('');
      onRecorded();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const p = `val-${indicator.id}`;
  return (
    <form class="record-value" onSubmit={submit} aria-label={`Nouvelle valeur de « ${indicator.name} »`}>
      <label for={`${p}-on`}>Date</label>
      <input id={`${p}-on`} type="date" value={on} max={today} onInput={(e) => setOn((e.target as HTMLInputElement).value)} />
      <label for={`${p}-v`}>Valeur ({indicator.unit})</label>
      <input id={`${p}-v`} type="text" inputMode="decimal" size={8} value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
      <button type="submit" class="small">Enregistrer</button>
      {error && <p role="alert" class="field-error">{error}</p>}
    </form>
  );
}

function ActionCard({ item, today, onChanged }: { item: BoardAction; today: string; onChanged: () => void }) {
  const { action } = item;
  const late = item.daysLate !== null && item.daysLate > 0;
  return (
    <li class={`board-action${late ? ' overdue' : ''}`} data-testid="board-action">
      <h4>{action.title}</h4>
      <p class="meta">{item.ownerName}{action.planAction ? ` · action ${action.planAction.code}` : ''}{action.dueOn ? ` · échéance ${frDate(action.dueOn)}` : ''}</p>
      {late && <p class="late-text"><span aria-hidden="true">⚠ </span>En retard : {daysLabel(item.daysLate!)}</p>}
      {action.statusReason && <p class="reason">Motif : {action.statusReason}</p>}
      {action.indicators.map((ind) => (
        <div key={ind.id} class="indicator">
          <p class="indicator-name">{ind.name} : {ind.current ? `${frNumber(ind.current.value)} ${ind.unit}` : '—'}{ind.target !== null ? ` / cible ${frNumber(ind.target)}` : ''} ({percent(ind.progress)})</p>
          <Sparkline indicator={ind} />
          <details><summary>Saisir une valeur</summary><RecordValue indicator={ind} today={today} onRecorded={onChanged} /></details>
        </div>
      ))}
      <StatusControls action={action} onChanged={onChanged} />
    </li>
  );
}

async function openMinutes(meetingId: string): Promise<void> {
  const headers: Record<string, string> = {};
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(`/working-groups/meetings/${encodeURIComponent(meetingId)}/minutes.html`, { headers });
  if (!r.ok) throw new Error(`Compte rendu indisponible (HTTP ${r.status}).`);
  const url = URL.createObjectURL(await r.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Meetings({ meetings }: { meetings: Meeting[] }) {
  const [error, setError] = useState<string | null>(null);
  const sorted = [...meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <section aria-labelledby="gt-meetings">
      <h2 id="gt-meetings">Réunions ({meetings.length})</h2>
      {error && <p role="alert" class="error-box">{error}</p>}
      {sorted.length === 0 ? <p class="empty">Aucune réunion enregistrée.</p> : (
        <ul class="meetings" data-testid="meetings">
          {sorted.map((m) => (
            <li key={m.id}>
              <h3>{frDate(m.startsAt)}{m.place ? ` — ${m.place}` : ''}</h3>
              {m.decisions.length > 0 && <ul class="decisions">{m.decisions.map((d) => <li key={d}>{d}</li>)}</ul>}
              {m.minutes && <details><summary>Compte rendu</summary><div class="minutes">{m.minutes}</div></details>}
              <button type="button" class="small" onClick={() => openMinutes(m.id).catch((e: Error) => setError(e.message))}>Ouvrir le compte rendu (HTML)</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Activity({ groupId }: { groupId: string }) {
  const [items, setItems] = useState<{ id: string; at: string; by: string; summary: string }[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = (before: string | null) =>
    gql<ActivityPage>(GROUP_ACTIVITY_QUERY, { id: groupId, before }).then((d) => {
      const page = d.workingGroup?.activity;
      if (!page) return;
      setItems((old) => (before ? old.concat(page.items) : page.items));
      setCursor(page.nextCursor);
      setDone(!page.nextCursor);
    }, (e: Error) => setError(e.message));
  useEffect(() => { load(null); }, [groupId]);
  return (
    <section aria-labelledby="gt-activity">
      <h2 id="gt-activity">Activité</h2>
      {error && <p role="alert" class="error-box">{error}</p>}
      <ol class="activity" data-testid="activity">
        {items.map((i) => <li key={i.id}><time dateTime={i.at}>{new Date(i.at).toLocaleString('fr-FR')}</time> — {i.summary} <span class="meta">({i.by})</span></li>)}
      </ol>
      {!done && cursor && <button type="button" class="small" onClick={() => load(cursor)}>Plus</button>}
    </section>
  );
}

function GroupPage({ id }: { id: string }) {
  const [data, setData] = useState<GroupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    gql<GroupData>(GROUP_BOARD_QUERY, { id }).then((d) => live && setData(d), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [id, version]);
  const refresh = () => setVersion((v) => v + 1);
  const back = <p><a href={href('groupes')}>← Avancement du plan</a></p>;
  if (error) return <div class="groups">{back}<h1>Groupe de travail</h1><p role="alert" class="error-box">{error}</p></div>;
  if (!data) return <div class="groups">{back}<h1>Groupe de travail</h1><p role="status">Chargement du groupe…</p></div>;
  const g = data.workingGroup;
  if (!g) return <div class="groups">{back}<h1>Groupe de travail</h1><p class="empty">Groupe introuvable.</p></div>;
  const b = g.board;
  const members = g.members.filter((m) => !m.leftOn);
  return (
    <div class="groups">
      {back}
      <h1>{g.code} — {g.name}</h1>
      <p class="hint">{MODE_LABELS[g.mode] ?? g.mode} · {g.plan.title} · {b.openCount} action(s) ouverte(s){members.length ? ` · ${members.map((m) => `${m.person.name} (${ROLE_LABELS[m.role] ?? m.role})`).join(', ')}` : ''}</p>
      <div class="board-summary">
        <section aria-labelledby="gt-next">
          <h2 id="gt-next">Prochaine réunion</h2>
          {b.nextMeeting ? <p data-testid="next-meeting">{frDate(b.nextMeeting.startsAt ?? b.nextMeeting.on)}{b.nextMeeting.place ? ` — ${b.nextMeeting.place}` : ''}</p> : <p class="empty">Aucune réunion prévue.</p>}
        </section>
        <section aria-labelledby="gt-decisions">
          <h2 id="gt-decisions">Dernières décisions</h2>
          {b.lastDecisions.length === 0 ? <p class="empty">Aucune décision.</p> : (
            <ul data-testid="last-decisions">{b.lastDecisions.map((d, i) => <li key={i}>{d.text} <span class="meta">({frDate(d.meetingOn)})</span></li>)}</ul>
          )}
        </section>
        <section aria-labelledby="gt-overdue">
          <h2 id="gt-overdue">En retard ({b.overdue.length})</h2>
          {b.overdue.length === 0 ? <p class="empty">Aucune action en retard.</p> : (
            <ul>{b.overdue.map((o) => <li key={o.action.id} class="late-text">{o.action.title} — {daysLabel(o.daysLate ?? 0)} ({o.ownerName})</li>)}</ul>
          )}
        </section>
      </div>
      <section aria-labelledby="gt-board">
        <h2 id="gt-board">Tableau des actions</h2>
        <div class="board" data-testid="board">
          {b.columns.map((c) => (
            <section key={c.status} class={`board-column st-col-${c.status}`} aria-labelledby={`col-${c.status}`} data-testid={`column-${c.status}`}>
              <h3 id={`col-${c.status}`}>{STATUS_LABELS[c.status] ?? c.label} ({c.actions.length})</h3>
              <ul>{c.actions.map((a) => <ActionCard key={a.action.id} item={a} today={b.today} onChanged={refresh} />)}</ul>
            </section>
          ))}
        </div>
      </section>
      <Meetings meetings={g.meetings} />
      <Activity key={version} groupId={g.id} />
    </div>
  );
}
