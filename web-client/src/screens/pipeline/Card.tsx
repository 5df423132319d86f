import { SynergyCard } from '../../queries-pipeline';
import { href } from '../../router';
import { Filters, filterParams } from './Filters';
import { dateTime, impactList, REASON_LABELS, since, STATUS_LABELS, SYNERGY_KIND_LABELS } from './labels';
import { Mover, MoveButtons } from './Mover';

/**
 * A synergy on the board. It can be dragged to another column by mouse; its buttons are the
 * keyboard (and touch) path. It takes focus after a move so keyboard users keep their place.
 */
export function Card({ card, mover, filters, onDragStart, onDragEnd }: {
  card: SynergyCard; mover: Mover; filters: Filters; onDragStart: () => void; onDragEnd: () => void;
}) {
  const impacts = card.impacts ? impactList(card.impacts) : [];
  const draggable = card.nextStatuses.length > 0;
  return (
    <li id={`card-${card.id}`} tabIndex={-1} class={`synergy-card kind-${card.kind}`} data-testid="synergy-card"
      draggable={draggable}
      onDragStart={(e) => { e.dataTransfer!.setData('text/plain', card.id); e.dataTransfer!.effectAllowed = 'move'; onDragStart(); }}
      onDragEnd={onDragEnd}>
      <h3><a href={href('suivi', { ...filterParams(filters), id: card.id })}>{card.title}</a></h3>
      <p class="meta">
        <span class="badge kind">{SYNERGY_KIND_LABELS[card.kind]}</span>{' '}
        {card.actors.map((a) => a.name).join(', ')}
      </p>
      <p class="meta">
        {STATUS_LABELS[card.status]} <time dateTime={card.statusChangedAt} title={dateTime(card.statusChangedAt)}>{since(card.statusChangedAt)}</time>
        {card.abandonReason && <> — {REASON_LABELS[card.abandonReason]}</>}
      </p>
      {impacts.length > 0 && <ul class="impacts" aria-label="Impacts estimés">{impacts.map((i) => <li key={i}>{i}</li>)}</ul>}
      <MoveButtons s={card} mover={mover} />
    </li>
  );
}
