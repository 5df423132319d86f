import './pipeline.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { SynergyKind, SynergyStatus, TRACK_SYNERGY_MUTATION } from '../../queries-pipeline';
import { href } from '../../router';
import { STATUS_LABELS } from './labels';

type State =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'tracked'; id: string }
  | { step: 'known'; id: string | null; status: SynergyStatus | null }
  | { step: 'failed'; message: string };

/** The server's CONFLICT names the synergy already tracked: "… as synergy 'ID' (STATUS) …". */
function known(message: string): { id: string | null; status: SynergyStatus | null } {
  const m = /synergy '([^']+)' \((\w+)\)/.exec(message);
  const status = m && m[2] in STATUS_LABELS ? (m[2] as SynergyStatus) : null;
  return { id: m?.[1] ?? null, status };
}

function failure(e: unknown): string {
  const error = e as ApiError;
  switch (error.code) {
    case 'NOT_FOUND': return 'Un des flux n’existe plus ou ne vous est pas visible : rechargez la page.';
    case 'BAD_USER_INPUT': return 'Ces flux ne forment pas une synergie que l’on peut suivre (une offre et un besoin de deux acteurs, ou au moins trois acteurs pour une mutualisation).';
    case 'UNAUTHENTICATED': return 'Votre session a expiré : reconnectez-vous pour suivre cette synergie.';
    case 'FORBIDDEN': return 'Votre compte ne permet pas de suivre une synergie.';
    default: return error.message;
  }
}

/**
 * "Suivre cette synergie" on a lead of the explorer. The outcome is announced in a live region
 * that exists from the start (screen readers miss regions inserted with their text), and focus
 * moves to its link when the button goes away, so keyboard users do not lose their place.
 */
export function TrackButton({ kind, flowIds, describedBy }: { kind: SynergyKind; flowIds: string[]; describedBy: string }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => { if (state.step === 'tracked' || state.step === 'known') link.current?.focus(); }, [state.step]);

  async function track() {
    setState({ step: 'busy' });
    try {
      const { trackSynergy } = await gql<{ trackSynergy: { id: string } }>(TRACK_SYNERGY_MUTATION, { input: { kind, flowIds } });
      setState({ step: 'tracked', id: trackSynergy.id });
    } catch (e) {
      if ((e as ApiError).code === 'CONFLICT') setState({ step: 'known', ...known((e as Error).message) });
      else setState({ step: 'failed', message: failure(e) });
    }
  }

  const done = state.step === 'tracked' || state.step === 'known';
  return (
    <div class="track">
      {!done && (
        <button type="button" class="small" onClick={track} disabled={state.step === 'busy'} aria-describedby={describedBy}>
          {state.step === 'busy' ? 'Enregistrement…' : 'Suivre cette synergie'}
        </button>
      )}
      <p class={`track-status${state.step === 'failed' ? ' field-error' : ''}`} aria-live="polite">
        {state.step === 'tracked' && <>Synergie suivie, au statut « Identifiée ». <a ref={link} href={href('suivi', { id: state.id })}>Voir dans le suivi des synergies</a></>}
        {state.step === 'known' && (
          <>
            Ces flux sont déjà suivis{state.status ? ` (statut « ${STATUS_LABELS[state.status]} »)` : ''}
            {state.status === 'ABANDONED' ? ' : rouvrez la synergie depuis sa fiche.' : '.'}{' '}
            <a ref={link} href={state.id ? href('suivi', { id: state.id }) : href('suivi')}>Voir la synergie suivie</a>
          </>
        )}
        {state.step === 'failed' && state.message}
      </p>
    </div>
  );
}
