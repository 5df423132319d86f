import { useState } from 'preact/hooks';
import { Distribution, downloadDocument, errorFr, frDay, plural, Report, Stage, STAGES } from './follow-up-model';

const percent = (x: number) => `${Math.round(x * 100)} %`;

/** The session's report: its key figures, where the cooperations stand over the year, and the documents to send. */
export function ReportSection({ sessionId, report: r, labels }: { sessionId: string; report: Report; labels: Record<Stage, string> }) {
  const [error, setError] = useState<string | null>(null);
  const maxLevel = Math.max(1, ...r.interest.levels.map((l) => l.count));
  const download = (format: 'csv' | 'md') => {
    setError(null);
    downloadDocument(`/sessions/${sessionId}/report.${format}`, `bilan.${format}`).catch((e) => setError(errorFr(e)));
  };
  const count = (d: Distribution, stage: Stage) => d.stages.find((s) => s.stage === stage)?.count ?? 0;
  const columns = [...r.outcomes.checkpoints.map((c) => ({ title: `À ${c.monthsAfter} mois`, on: c.on, d: c.distribution })), { title: 'Aujourd’hui', on: r.outcomes.current.on, d: r.outcomes.current as Distribution | null }];
  return (
    <section aria-labelledby="fu-report">
      <h2 id="fu-report">Bilan de la session</h2>
      <p class="hint">Arrêté au {frDay(r.asOf)}. Le bilan suit les coopérations pendant un an : les marchés publics prennent du temps.</p>
      <dl class="fu-figures" data-testid="report-figures">
        <div><dt>Rencontres tenues</dt><dd><span class="fu-big">{r.meetings.held}</span> sur {r.meetings.planned} prévues{r.meetings.cancelledByAbsence ? `, ${r.meetings.cancelledByAbsence} annulée(s) pour absence` : ''}</dd></div>
        <div><dt>Absents de toute la session</dt><dd><span class="fu-big">{r.noShows.length}</span>{r.noShows.length ? ` : ${r.noShows.map((a) => a.name).join(', ')}` : ''}</dd></div>
        <div><dt>Avis recueillis</dt><dd><span class="fu-big">{r.interest.feedbackCount}</span>{r.interest.bothSidesShare !== null && <><br />les deux côtés ont répondu pour {percent(r.interest.bothSidesShare)} des rencontres tenues</>}</dd></div>
        <div><dt>Suites demandées</dt><dd><span class="fu-big">{r.followUps.requested}</span>{r.followUps.requested ? ` dont ${r.followUps.byBothSides} par les deux côtés` : ''}</dd></div>
        <div><dt>Coopérations suivies</dt><dd><span class="fu-big">{r.outcomes.cooperations}</span>{r.outcomes.current.publicContracts ? ` dont ${plural(r.outcomes.current.publicContracts, 'marché public', 'marchés publics')}` : ''}</dd></div>
      </dl>

      <h3>Intérêt exprimé</h3>
      <table class="fu-table fu-interest-table" data-testid="report-interest">
        <caption class="sr-only">Nombre d’avis par niveau d’intérêt</caption>
        <thead><tr><th scope="col">Niveau</th><th scope="col">Avis</th><th scope="col"><span class="sr-only">Répartition</span></th></tr></thead>
        <tbody>
          {[...r.interest.levels].reverse().map((l) => (
            <tr key={l.level}>
              <th scope="row">{l.label}</th>
              <td>{l.count}</td>
              <td class="fu-bar-cell"><span class={`fu-bar i${l.level}`} aria-hidden="true" style={{ width: `${(100 * l.count) / maxLevel}%` }} /></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Où en sont les coopérations</h3>
      <div class="table-scroll">
        <table class="fu-table" data-testid="report-outcomes">
          <caption class="sr-only">Coopérations par étape, 1, 3, 6 et 12 mois après la session et aujourd’hui</caption>
          <thead>
            <tr><th scope="col">Étape</th>{columns.map((c) => <th key={c.title} scope="col">{c.title}<br /><small>{frDay(c.on)}</small></th>)}</tr>
          </thead>
          <tbody>
            {STAGES.map((stage) => (
              <tr key={stage}>
                <th scope="row">{labels[stage]}</th>
                {columns.map((c) => <td key={c.title}>{c.d ? count(c.d, stage) : <span class="meta" title="Date pas encore atteinte">—</span>}</td>)}
              </tr>
            ))}
            <tr>
              <th scope="row">dont marché public</th>
              {columns.map((c) => <td key={c.title}>{c.d ? c.d.publicContracts : <span class="meta">—</span>}</td>)}
            </tr>
          </tbody>
        </table>
      </div>
      <p class="hint">« — » : cette date n’est pas encore atteinte.</p>

      {r.warnings.length > 0 && (
        <>
          <h3>À vérifier</h3>
          <ul class="fu-warnings">{r.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </>
      )}

      <h3>Documents</h3>
      <p class="fu-actions">
        <button type="button" onClick={() => download('csv')}>Télécharger le bilan pour un tableur (CSV)</button>{' '}
        <button type="button" onClick={() => download('md')}>Télécharger le résumé pour un e-mail (Markdown)</button>
      </p>
      {error && <p role="alert" class="error-box">{error}</p>}
    </section>
  );
}
