import { useState } from 'preact/hooks';
import { gql, LOGIN_MUTATION, session } from '../api';
import { navigate } from '../router';

export function Login() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const email = session.email();
  async function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const address = String(form.get('email') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const d = await gql<{ login: { token: string } }>(LOGIN_MUTATION, { email: address, password: String(form.get('password') ?? '') });
      session.set(d.login.token, address);
      navigate('carte');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="narrow">
      <h1>Connexion</h1>
      {email ? (
        <>
          <p>Vous êtes connecté·e en tant que <strong>{email}</strong>.</p>
          <button type="button" onClick={() => session.clear()}>Se déconnecter</button>
        </>
      ) : (
        <form onSubmit={submit} class="login-form">
          <p class="hint">Sans connexion, vous voyez les données publiques. Le jeton reste dans cet onglet (sessionStorage) et disparaît à sa fermeture.</p>
          <div class="field"><label for="login-email">Adresse e-mail</label><input id="login-email" name="email" type="email" autocomplete="username" required /></div>
          <div class="field"><label for="login-password">Mot de passe</label><input id="login-password" name="password" type="password" autocomplete="current-password" required /></div>
          {error && <p role="alert" class="error-box">{error}</p>}
          <button type="submit" disabled={busy}>{busy ? 'Connexion…' : 'Se connecter'}</button>
        </form>
      )}
    </div>
  );
}
