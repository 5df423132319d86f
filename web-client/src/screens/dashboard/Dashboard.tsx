import { Route } from '../../router';
import { Placeholder } from '../Placeholder';

export function Dashboard(_: { route: Route }) {
  return <Placeholder title="Tableau de bord" summary="Les chiffres du territoire : acteurs, flux, synergies par statut et impacts, avec des graphiques prêts pour un rapport." api={['query territoryDashboard(code)', 'query synergyFunnel(territoryCode)']} />;
}
