import { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { SynergyCard, SynergyStatus } from '../../queries-pipeline';
import { AbandonDialog } from './AbandonDialog';
import { MOVE_LABELS } from './labels';
import { moveErrors, moveSynergy } from './moves';

/** What moving needs to know of a synergy. */
export interface Movable { id: string; title: string; status: SynergyStatus; nextStatuses: SynergyStatus[] }

export interface Mover {
  /** Moves at once, or opens the abandon form first for ABANDONED. */
  move(s: Movable, status: SynergyStatus, comment?: string): Promise<void>;
  busy: string | null;
  /** A refused move, by synergy id. */
  errors: Record<string, string>;
  /** The abandon form when it is open. */
  dialog: JSX.Element | null;
}

/** Moves shared by the board's buttons, its drops, and the detail view. */
export function useMover(onMoved: (before: Movable, after: SynergyCard) => void): Mover {
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [abandoning, setAbandoning] = useState<Movable | null>(null);
  const setError = (id: string, message: string | undefined) => setErrors((old) => ({ ...old, [id]: message ?? '' }));

  async function move(s: Movable, status: SynergyStatus, comment?: string) {
    setError(s.id, undefined);
    if (status === 'ABANDONED') { setAbandoning(s); return; }
    setBusy(s.id);
    try {
      onMoved(s, await moveSynergy(s.id, { status, comment }));
    } catch (e) {
      const found = moveErrors(e);
      setError(s.id, found.form ?? found.comment ?? found.reason);
    } finally {
      setBusy(null);
    }
  }

  const dialog = abandoning && (
    <AbandonDialog
      title={abandoning.title}
      onClose={() => setAbandoning(null)}
      onSubmit={async (reason, comment) => {
        try {
          const after = await moveSynergy(abandoning.id, { status: 'ABANDONED', reason, comment });
          setAbandoning(null);
          onMoved(abandoning, after);
          return null;
        } catch (e) {
          return moveErrors(e);
        }
      }}
    />
  );
  return { move, busy, errors, dialog };
}

/** The keyboard path: one button per status the synergy may move to now. */
export function MoveButtons({ s, mover, comment }: { s: Movable; mover: Mover; comment?: () => string }) {
  if (s.nextStatuses.length === 0) return <p class="meta">Étape finale : la synergie est mise en œuvre.</p>;
  return (
    <div class="move-buttons" role="group" aria-label={`Déplacer « ${s.title} »`}>
      <span class="controls-label">Déplacer vers :</span>
      {s.nextStatuses.map((status) => (
        <button key={status} type="button" class={`small${status === 'ABANDONED' ? ' secondary' : ''}`} disabled={mover.busy === s.id}
          onClick={() => mover.move(s, status, comment?.())}>
          {MOVE_LABELS[status]}
        </button>
      ))}
      {mover.errors[s.id] && <p role="alert" class="field-error">{mover.errors[s.id]}</p>}
    </div>
  );
}
