import { useEffect, useRef, useState } from 'preact/hooks';
import { AbandonReason } from '../../queries-pipeline';
import { REASON_LABELS, REASONS } from './labels';
import { checkAbandon, COMMENT_MAX, MoveErrors } from './moves';

/**
 * Why a synergy is abandoned: a reason, and a comment (required with "Autre"). A modal
 * <dialog> keeps focus inside and closes with Escape without any script of ours.
 */
export function AbandonDialog({ title, onSubmit, onClose }: {
  title: string;
  /** Resolves to null when the synergy was abandoned, else the messages to show. */
  onSubmit: (reason: AbandonReason, comment: string) => Promise<MoveErrors | null>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<AbandonReason | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<MoveErrors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
    return () => { if (d.open) d.close(); };
  }, []);

  function show(found: MoveErrors) {
    setErrors(found);
    const first = found.reason ? 'abandon-reason' : found.comment ? 'abandon-comment' : null;
    if (first) setTimeout(() => document.getElementById(first)?.focus());
  }

  async function submit(e: Event) {
    e.preventDefault();
    const found = checkAbandon(reason, comment);
    if (Object.keys(found).length) { show(found); return; }
    setBusy(true);
    const refused = await onSubmit(reason as AbandonReason, comment);
    setBusy(false);
    if (refused) show(refused);
  }

  const clear = (k: keyof MoveErrors) => { if (errors[k]) setErrors({ ...errors, [k]: undefined }); };
  const invalid = (k: 'reason' | 'comment') => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `abandon-${k}-error` } : {});
  const message = (k: 'reason' | 'comment') => errors[k] && <span id={`abandon-${k}-error`} class="field-error">{errors[k]}</span>;

  return (
    <dialog ref={dialog} class="abandon-dialog" aria-labelledby="abandon-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form onSubmit={submit} noValidate>
        <h2 id="abandon-title">Abandonner « {title} »</h2>
        <p class="hint">La raison alimente les statistiques du territoire ; la synergie pourra être rouverte plus tard.</p>
        <div class="field">
          <label for="abandon-reason">Raison de l’abandon</label>
          <select id="abandon-reason" value={reason} aria-required="true" {...invalid('reason')}
            onChange={(e) => { setReason(e.currentTarget.value as AbandonReason | ''); clear('reason'); clear('comment'); }}>
            <option value="">— choisir —</option>
            {REASONS.map((r) => <option key={r} value={r}>{REASON_LABELS[r]}</option>)}
          </select>
          {message('reason')}
        </div>
        <div class="field">
          <label for="abandon-comment">Commentaire {reason === 'OTHER' ? '(obligatoire)' : '(facultatif)'}</label>
          <textarea id="abandon-comment" rows={3} maxLength={COMMENT_MAX} value={comment} aria-required={reason === 'OTHER'} {...invalid('comment')}
            onInput={(e) => { setComment(e.currentTarget.value); clear('comment'); }} />
          {message('comment')}
        </div>
        {errors.form && <p role="alert" class="error-box">{errors.form}</p>}
        <div class="dialog-actions">
          <button type="submit" disabled={busy}>{busy ? 'Enregistrement…' : 'Abandonner la synergie'}</button>
          <button type="button" class="secondary" onClick={onClose}>Annuler</button>
        </div>
      </form>
    </dialog>
  );
}
