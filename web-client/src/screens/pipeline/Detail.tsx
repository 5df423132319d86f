import { useEffect, useRef, useState } from 'preact/hooks';
import { ActorKind, Economy, gql } from '../../api';
import { ECONOMY_LABELS, KIND_LABELS, quantity } from '../../format';
import { SYNERGY_DETAIL_QUERY, SynergyDetail, SynergyEvent } from '../../queries-pipeline';
import { href } from '../../router';
import { Filters, filterParams } from './Filters';
import { dateTime, impactList, REASON_LABELS, since, STATUS_LABELS, SYNERGY_KIND_LABELS } from './labels';
import { COMMENT_MAX } from './moves';
import { MoveButtons, useMover } from './Mover';

function Change({ e }: { e: SynergyEvent }) {
  const what = e.fromStatus === null
    ? `Suivi créé : ${STATUS_LABELS[e.toStatus]}`
    : `${STATUS_LABELS[e.fromStatus]} → ${STATUS_LABELS[e.toStatus]}${e.fromStatus === 'ABANDONED' ? ' (réouverture)' : ''}`;
  return (
    <li>
      <p class="change">{what}</p>
      <p class="meta"><time dateTime={e.at}>{dateTime(e.at)}</time> · par {e.by}</p>
      {e.reason && <p>Raison : {REASON_LABELS[e.reason]}</p>}
      {e.comment && <p class="comment">« {e.comment} »</p>}
    </li>
  );
}

/** One tracked synergy (#/suivi?id=…): its flows, actors, impacts, history, and the moves it allows. */
export function Detail({ id, filters }: { id: string; filters: Filters }) {
  const [data, setData] = useState<SynergyDetail | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [comment, setComment] = useState('');
  const [announce, setAnnounce] = useState('');
  const statusLine = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    let live = true;
    setError(null);
    gql<{ synergy: SynergyDetail | null }>(SYNERGY_DETAIL_QUERY, { id }).then((d) => live && setData(d.synergy), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [id, version]);

  useEffect(() => {
    if (data && moved.current) { moved.current = false; statusLine.current?.focus(); }
  }, [data]);

  const mover = useMover((_, after) => {
    setComment('');
    setAnnounce(`Synergie passée à « ${STATUS_LABELS[after.status]} ».`);
    moved.current = true;
    setVersion((v) => v + 1);
  });

  const back = <p><a href={href('suivi', filterParams(filters))}>← Tableau de suivi</a></p>;
  const liveRegion = <p class="sr-only" aria-live="polite">{announce}</p>;
  if (error) return <div class="pipeline narrow">{back}<h1>Synergie suivie</h1><p role="alert" class="error-box">{error}</p></div>;
  if (data === undefined) return <div class="pipeline narrow">{back}<h1>Synergie suivie</h1><p role="status">Chargement de la synergie…</p></div>;
  if (data === null) return <div class="pipeline narrow">{back}<h1>Synergie suivie</h1><p class="empty">Cette synergie n’existe pas ou plus.</p></div>;

  const s = data;
  const impacts = s.impacts ? impactList(s.impacts) : [];
  const forward = s.nextStatuses.some((x) => x !== 'ABANDONED');
  return (
    <div class="pipeline narrow synergy-detail">
      {back}
      {liveRegion}
      <h1>{s.title}</h1>
      <p ref={statusLine} tabIndex={-1} class="status-line" data-testid="detail-status">
        <span class={`badge status-${s.status}`}>{STATUS_LABELS[s.status]}</span>{' '}
        <time dateTime={s.statusChangedAt} title={dateTime(s.statusChangedAt)}>{since(s.statusChangedAt)}</time>
        {s.abandonReason && <> — raison : {REASON_LABELS[s.abandonReason]}</>}
      </p>
      <p class="meta">{SYNERGY_KIND_LABELS[s.kind]} · suivie par {s.createdBy} le {dateTime(s.createdAt)}</p>

      <section aria-labelledby="detail-move" class="detail-move">
        <h2 id="detail-move">Faire avancer</h2>
        {forward && (
          <div class="field">
            <label for="move-comment">Commentaire joint au changement (facultatif)</label>
            <textarea id="move-comment" rows={2} maxLength={COMMENT_MAX} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </div>
        )}
        <MoveButtons s={s} mover={mover} comment={() => comment} />
      </section>

      <section aria-labelledby="detail-flows">
        <h2 id="detail-flows">Flux ({s.flows.length})</h2>
        <ul class="detail-flows">
          {s.flows.map((f) => (
            <li key={f.id}>
              <span class={`badge ${f.direction === 'OFFER' ? 'offer' : 'need'}`}>{f.direction === 'OFFER' ? 'Offre' : 'Besoin'}</span>{' '}
              <a href={href('carte', { a: f.actor.id })}>{f.actor.name}</a> : « {f.description} »
              {f.category && <> — {f.category.name}</>}
              {f.quantity != null && <> — {quantity(f.quantity, f.unit)}</>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="detail-actors">
        <h2 id="detail-actors">Acteurs ({s.actors.length})</h2>
        <ul>{s.actors.map((a) => <li key={a.id}><a href={href('carte', { a: a.id })}>{a.name}</a> <span class="meta">({KIND_LABELS[a.kind as ActorKind] ?? a.kind}, {ECONOMY_LABELS[a.economy as Economy] ?? a.economy})</span></li>)}</ul>
      </section>

      <section aria-labelledby="detail-impacts">
        <h2 id="detail-impacts">Impacts estimés</h2>
        {!s.impacts ? <p class="empty">Non estimés : un des flux vous est confidentiel, ses quantités ne peuvent pas être utilisées.</p>
          : impacts.length === 0 ? <p class="empty">Pas d’impact chiffrable avec les quantités connues.</p>
            : <ul data-testid="detail-impacts">{impacts.map((i) => <li key={i}>{i}</li>)}</ul>}
        {s.impacts && s.impacts.assumptions.length > 0 && (
          <details><summary>Hypothèses de calcul</summary><ul class="meta">{s.impacts.assumptions.map((a) => <li key={a}>{a}</li>)}</ul></details>
        )}
      </section>

      <section aria-labelledby="detail-history">
        <h2 id="detail-history">Historique ({s.history.length})</h2>
        <ol class="history" data-testid="history">{s.history.map((e) => <Change key={e.seq} e={e} />)}</ol>
      </section>
      {mover.dialog}
    </div>
  );
}
