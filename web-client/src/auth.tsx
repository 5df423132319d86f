import { useEffect, useState } from 'preact/hooks';
import { session } from './api';
import { href } from './router';

/** Who is using the page: null for a public visitor. The role is read from the token's claims. */
export interface Account { email: string; role: string }

export function currentAccount(): Account | null {
  const token = session.token();
  const email = session.email();
  if (!token || !email) return null;
  return { email, role: tokenRole(token) ?? 'MEMBER' };
}

/** The role claim of a JWT, without verifying it: the server checks every request anyway. */
export function tokenRole(token: string): string | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload)) as { role?: unknown };
    return typeof claims.role === 'string' ? claims.role : null;
  } catch {
    return null;
  }
}

/** The account, re-read when someone signs in or out (in this tab). */
export function useAccount(): Account | null {
  const [account, setAccount] = useState(currentAccount());
  useEffect(() => {
    const on = () => setAccount(currentAccount());
    window.addEventListener('maillage:session', on);
    return () => window.removeEventListener('maillage:session', on);
  }, []);
  return account;
}

/** What a visitor sees in place of a screen or a control reserved to signed-in people. */
export function SignInRequired({ what }: { what: string }) {
  return (
    <p class="sign-in-required">
      {what} <a href={href('connexion')}>Se connecter</a>
    </p>
  );
}
