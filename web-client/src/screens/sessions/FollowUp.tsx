import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { href } from '../../router';

type View = FunctionComponent<{ id: string }>;

/**
 * What came out of a session: feedback on each meeting, the cooperations it opened, their
 * reminders and the report. Loaded on demand: facilitators open it a few times a year, and
 * every visitor of the map would otherwise download it.
 */
export function FollowUp({ id }: { id: string }) {
  const [view, setView] = useState<{ View: View } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./FollowUpView').then((m) => setView({ View: m.FollowUpView }), () => setFailed(true));
  }, []);
  if (view) return <view.View id={id} />;
  return (
    <section class="page">
      <p><a href={href('sessions', { id })}>← Retour à la session</a></p>
      <h1>Suivi des rencontres</h1>
      {failed
        ? <p role="alert" class="error-box">Le suivi n’a pas pu être chargé : vérifiez votre connexion, puis rechargez la page.</p>
        : <p role="status">Chargement du suivi…</p>}
    </section>
  );
}
