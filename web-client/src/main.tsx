import './style.css';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ClientConfig, loadConfig, session } from './api';
import { useRoute } from './router';
import { Dashboard } from './screens/dashboard/Dashboard';
import { Explorer } from './screens/Explorer';
import { Groups } from './screens/groups/Groups';
import { Login } from './screens/Login';
import { MapScreen } from './screens/MapScreen';
import { Pipeline } from './screens/pipeline/Pipeline';
import { PostFlow } from './screens/PostFlow';
import { Sessions } from './screens/sessions/Sessions';

const SCREENS: { path: string; label: string }[] = [
  { path: 'carte', label: 'Carte du territoire' },
  { path: 'explorer', label: 'Explorateur' },
  { path: 'suivi', label: 'Suivi des synergies' },
  { path: 'flux', label: 'Déposer un flux' },
  { path: 'sessions', label: 'Sessions de rencontres' },
  { path: 'groupes', label: 'Groupes de travail' },
  { path: 'tableau', label: 'Tableau de bord' },
  { path: 'connexion', label: 'Connexion' },
];

function App({ config }: { config: ClientConfig }) {
  const route = useRoute();
  const [email, setEmail] = useState(session.email());
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    const on = () => setEmail(session.email());
    window.addEventListener('maillage:session', on);
    return () => window.removeEventListener('maillage:session', on);
  }, []);
  const current = SCREENS.find((s) => s.path === route.path) ?? SCREENS[0];
  // The map and the explorer share their filters: moving between them keeps the area.
  const shared = new URLSearchParams(route.params);
  shared.delete('a');
  const keep = (current.path === 'carte' || current.path === 'explorer') && shared.toString() ? `?${shared}` : '';
  useEffect(() => { document.title = `${current.label} — Maillage`; }, [current.path]);

  return (
    <>
      <a class="skip-link" href="#contenu" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Aller au contenu</a>
      <header class="site-header">
        <p class="brand"><a href="#/carte">Maillage</a> <span class="subtitle">coopération territoriale &amp; écologie industrielle</span></p>
        <nav aria-label="Écrans">
          <ul>
            {SCREENS.map((s) => (
              <li key={s.path}>
                <a href={`#/${s.path}${s.path === 'carte' || s.path === 'explorer' ? keep : ''}`} aria-current={s.path === current.path ? 'page' : undefined}>
                  {s.path === 'connexion' && email ? 'Mon compte' : s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="contenu" ref={main} tabIndex={-1}>
        <Screen path={current.path} route={route} config={config} />
      </main>
      <footer class="site-footer">
        <p><a href="/graphql">API GraphQL</a> · Logiciel libre sous licence <abbr title="GNU Affero General Public License, version 3 ou ultérieure">AGPL-3.0-or-later</abbr>{email ? ` · connecté·e : ${email}` : ' · données publiques'}</p>
      </footer>
    </>
  );
}

function Screen({ path, route, config }: { path: string; route: ReturnType<typeof useRoute>; config: ClientConfig }) {
  switch (path) {
    case 'explorer': return <Explorer route={route} />;
    case 'connexion': return <Login />;
    case 'flux': return <PostFlow />;
    case 'sessions': return <Sessions route={route} />;
    case 'groupes': return <Groups route={route} />;
    case 'suivi': return <Pipeline route={route} />;
    case 'tableau': return <Dashboard route={route} />;
    default: return <MapScreen route={route} config={config} />;
  }
}

loadConfig().then((config) => {
  const root = document.getElementById('app')!;
  root.textContent = '';
  render(<App config={config} />, root);
});
