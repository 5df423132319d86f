import { href } from '../../router';

/** What came out of a session: feedback on each meeting, the cooperations it opened and their reminders. */
export function FollowUp({ id }: { id: string }) {
  return (
    <section class="page sessions">
      <p><a href={href('sessions', { id })}>← Retour à la session</a></p>
      <h1>Suivi des rencontres</h1>
    </section>
  );
}
