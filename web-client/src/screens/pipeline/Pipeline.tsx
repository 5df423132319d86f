import './pipeline.css';
import { useMemo } from 'preact/hooks';
import { SignInRequired, useAccount } from '../../auth';
import { Route } from '../../router';
import { Board } from './Board';
import { Detail } from './Detail';
import { filtersFrom } from './Filters';

/** "Suivi des synergies": the board of tracked synergies (#/suivi), or one of them (#/suivi?id=…). */
export function Pipeline({ route }: { route: Route }) {
  const account = useAccount();
  const kind = route.params.get('kind');
  const territory = route.params.get('t');
  const filters = useMemo(() => filtersFrom(route.params), [kind, territory]);
  const id = route.params.get('id');
  if (!account) {
    return (
      <div class="pipeline narrow">
        <h1>Suivi des synergies</h1>
        <SignInRequired what="Le suivi des synergies dit qui négocie avec qui : il est réservé aux personnes connectées." />
      </div>
    );
  }
  if (id) return <Detail id={id} filters={filters} />;
  return (
    <div class="pipeline">
      <h1>Suivi des synergies</h1>
      <Board filters={filters} />
    </div>
  );
}
