/**
 * The API states the session rules in English ("input.rounds: must be a whole number from 1 to
 * 12 (got 14)"); facilitators read French. These helpers split a BAD_USER_INPUT message into
 * one problem per field and say each in French, so forms can show it next to its field.
 */
import { ApiError } from '../../api';
import { frDate } from './session-format';

export interface Problem { field: string; text: string }
type Rule = [RegExp, (m: RegExpExecArray) => string];

const PROBLEM_RULES: Rule[] = [
  [/^must not be blank: name the session/, () => 'Donnez un titre à la session, par exemple « Rencontres ecoCIRC — école de Vitry ».'],
  [/^must not be blank: name the public project/, () => 'Nommez le projet public, par exemple « Construction du groupe scolaire Jean-Jaurès ».'],
  [/^must not be blank/, () => 'À remplir.'],
  [/must have at most (\d+) characters/, (m) => `${m[1]} caractères au plus.`],
  [/^must be a (date and time with its offset|real date)/, () => 'Date ou heure invalide.'],
  [/^must be no later than the start/, () => 'La clôture des inscriptions doit avoir lieu au plus tard au début de la session.'],
  [/IANA time zone/, () => 'Fuseau horaire inconnu.'],
  [/^must be a whole number from (\d+) to (\d+)/, (m) => `Un nombre entier de ${m[1]} à ${m[2]}.`],
  [/^must be at least (\d+)/, (m) => `Au moins ${m[1]}.`],
  [/^must be at most (\d+)/, (m) => `Au plus ${m[1]}.`],
  [/^(.+) registered for rounds beyond (\d+)/, (m) => `Inscrites à des tours au-delà du tour ${m[2]} : ${m[1]}. Modifiez d’abord leur inscription.`],
  [/^registration closed on (\S+)/, (m) => `Les inscriptions sont closes depuis le ${frDate(m[1])} : repoussez la clôture dans les réglages de la session.`],
  [/^is required in a BIPARTITE session/, () => 'Indiquez si la structure accueille ou présente.'],
  [/^rounds are numbered 1 to (\d+)/, (m) => `Les tours vont de 1 à ${m[1]}.`],
  [/^must list at least one round/, () => 'Cochez au moins un tour.'],
  [/^at most (\d+) wishes/, (m) => `${m[1]} souhaits au plus : gardez ceux qui comptent.`],
  [/^at most (\d+) actors/, (m) => `${m[1]} structures au plus.`],
  [/^at most (\d+) needs/, (m) => `${m[1]} besoins au plus.`],
  [/^must be 1 \(nice to meet\)/, () => 'Priorité de 1 (souhaitable) à 3 (indispensable).'],
  [/cannot wish to meet itself/, () => 'Une structure ne peut pas souhaiter se rencontrer elle-même.'],
  [/is wished twice/, () => 'Cette structure est souhaitée deux fois.'],
  [/is both wished and avoided/, () => 'Cette structure est à la fois souhaitée et à éviter : choisissez l’un ou l’autre.'],
  [/is registered as (HOST|PITCHER) too/, (m) => `Elle ${m[1] === 'HOST' ? 'accueille' : 'présente'} aussi : en session bipartite, on ne rencontre que l’autre côté. Retirez ce souhait ou changez de côté.`],
  [/cannot avoid itself/, () => 'Une structure ne peut pas s’éviter elle-même.'],
  [/^unknown actor/, () => 'Structure inconnue : elle a peut-être été supprimée entre-temps.'],
];

/** Errors that are not about a field: the session has started, something is missing… */
const ERROR_RULES: Rule[] = [
  [/mark the participant absent/, () => 'La session a commencé : on ne désinscrit plus, on marque la structure absente.'],
  [/rounds under way cannot be re-planned/, () => 'La session a commencé : le planning ne peut plus être régénéré. Marquez les absences pour re-planifier les tours à venir.'],
  [/has no participants yet/, () => 'La session n’a encore aucun participant : inscrivez-les d’abord.'],
  [/^seed:/, () => 'La graine doit être un nombre entier positif.'],
  [/^Actor '/, () => 'Structure introuvable : elle a peut-être été supprimée.'],
  [/^MatchmakingSession '/, () => 'Session introuvable.'],
  [/^Participant '/, () => 'Cette structure n’est pas inscrite à la session.'],
];

function apply(rules: Rule[], text: string): string | null {
  for (const [pattern, say] of rules) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return null;
}

/** One problem of the API in French (the English original when no rule knows it, rather than nothing). */
export function frenchProblem(message: string): string {
  return apply(PROBLEM_RULES, message) ?? `Valeur refusée : ${message}`;
}

/** The problems of a BAD_USER_INPUT error, one per field ("rounds", "wishes[0].actorId"…); null for other errors. */
export function problemsOf(error: unknown): Problem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') return null;
  const body = error.message.replace(/^Invalid input(?: to \w+)?: /, '').replace(/\.$/, '');
  return body.split(/; (?=[\w.[\]]+: )/).map((part) => {
    const m = /^([\w.[\]]+): ([\s\S]*)$/.exec(part);
    return m ? { field: m[1].replace(/^input\./, ''), text: frenchProblem(m[2]) } : { field: '', text: apply(ERROR_RULES, part) ?? part };
  });
}

/** Any error of the API as a French sentence for a status line. */
export function frenchError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const known = apply(ERROR_RULES, message);
  if (known) return known;
  if (error instanceof ApiError) {
    if (error.code === 'UNAUTHENTICATED') return 'Votre connexion a expiré : reconnectez-vous.';
    if (error.code === 'FORBIDDEN') return 'Votre compte n’a pas le droit de faire cela.';
    const problems = problemsOf(error);
    if (problems) return problems.map((p) => p.text).join(' ');
  }
  return message;
}
