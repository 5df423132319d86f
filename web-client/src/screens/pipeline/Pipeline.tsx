import { Route } from '../../router';
import { Placeholder } from '../Placeholder';

export function Pipeline(_: { route: Route }) {
  return <Placeholder title="Suivi des synergies" summary="Les synergies suivies, par statut." api={['query trackedSynergies', 'mutation moveSynergy']} />;
}
