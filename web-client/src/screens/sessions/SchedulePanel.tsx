import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { GENERATE_SCHEDULE_MUTATION } from '../../queries-sessions';
import { openDocument } from './agenda-documents';
import { frenchError } from './session-errors';
import { frTime } from './session-format';
import type { Run } from './SessionPage';
import type { SessionDetail } from './session-types';

const nf1 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const pct = (x: number): string => `${Math.round(x * 100)} %`;

/** The planning: generate it (with a seed to reproduce it), its statistics, the grid rounds × tables, the printed agendas. */
export function SchedulePanel({ session: s, busy, run, onError }: { session: SessionDetail; busy: boolean; run: Run; onError: (text: string) => void }) {
  const [seed, setSeed] = useState('');
  useEffect(() => { if (s.scheduleSeed != null) setSeed((old) => old || String(s.scheduleSeed)); }, [s.scheduleSeed]);

  const generate = (e: Event) => {
    e.preventDefault();
    const n = seed.trim() === '' ? null : Number(seed);
    if (n !== null && !Number.isInteger(n)) { onError('La graine doit être un nombre entier.'); return; }
    void run(() => gql(GENERATE_SCHEDULE_MUTATION, { sessionId: s.id, seed: n }), 'Planning généré.');
  };
  const doc = (path: string) => { openDocument(path).catch((e) => onError(frenchError(e))); };

  const tz = s.timeZone;
  const rounds = Array.from({ length: s.rounds }, (_, i) => i + 1);
  const meetings = s.schedule?.meetings ?? [];
  const byCell = new Map(meetings.map((m) => [`${m.round}-${m.table}`, m]));
  const tables = Array.from({ length: Math.max(0, ...meetings.map((m) => m.table)) }, (_, i) => i + 1);
  const windows = new Map(s.roundWindows.map((w) => [w.round, w]));
  return (
    <>
      <h2>Planning</h2>
      {s.scheduleStale && <p class="warning">Les inscriptions ou les réglages ont changé depuis la génération du planning : générez-le à nouveau avant le jour J.</p>}
      <form class="generate" onSubmit={generate}>
        <label>Graine (facultatif, même graine = même planning){' '}
          <input type="number" step={1} inputMode="numeric" value={seed} onInput={(e) => setSeed((e.target as HTMLInputElement).value)} />
        </label>{' '}
        <button type="submit" disabled={busy}>Générer le planning</button>
      </form>
      {!s.schedule && <p class="empty">Pas encore de planning : inscrivez les participants, puis générez-le.</p>}
      {s.schedule && (
        <>
          <p class="doc-buttons">
            <button type="button" onClick={() => doc(`/sessions/${s.id}/agendas.pdf`)}>Imprimer les agendas de tous les participants</button>{' '}
            <button type="button" onClick={() => doc(`/sessions/${s.id}/tables.pdf`)}>Imprimer les affiches des tables</button>
          </p>
          <ul class="schedule-stats" data-testid="schedule-stats">
            <li>{s.schedule.stats.meetingCount} rencontres</li>
            <li>Rencontres par participant : min {s.schedule.stats.minMeetings}, moyenne {nf1.format(s.schedule.stats.meanMeetings)}, max {s.schedule.stats.maxMeetings}</li>
            <li>Souhaits servis : {pct(s.schedule.stats.mutualWishesScheduled)} des souhaits réciproques, {pct(s.schedule.stats.oneSidedWishesScheduled)} des souhaits à sens unique</li>
            <li>{s.schedule.stats.belowFairShare} participant(s) sous leur juste part</li>
          </ul>
          <div class="table-scroll">
            <table class="schedule-grid" data-testid="schedule-grid">
              <caption>Tours × tables {s.mode === 'BIPARTITE' ? '(accueil / présentation)' : ''}</caption>
              <thead><tr><th scope="col">Tour</th>{tables.map((t) => <th key={t} scope="col">Table {t}</th>)}</tr></thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r}>
                    <th scope="row">Tour {r}{windows.get(r) && <small> {frTime(windows.get(r)!.startsAt, tz)}</small>}</th>
                    {tables.map((t) => {
                      const m = byCell.get(`${r}-${t}`);
                      return (
                        <td key={t} data-testid={`cell-${r}-${t}`} title={m ? `Score ${nf1.format(m.score * 100)} / 100` : 'Table libre'}>
                          {m ? (
                            <>
                              <span class="host">{m.a.name}</span>
                              <span class="pitcher">{m.b.name}</span>
                              {m.reasons.length > 0 && <details><summary>Pourquoi</summary><ul>{m.reasons.map((x) => <li key={x}>{x}</li>)}</ul></details>}
                            </>
                          ) : <span class="empty">—</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
