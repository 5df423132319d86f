import { ApiError, gql } from '../../api';
import { AbandonReason, MOVE_SYNERGY_MUTATION, SynergyCard, SynergyStatus } from '../../queries-pipeline';

export interface MoveInput { status: SynergyStatus; reason?: AbandonReason | null; comment?: string | null }

/** Messages for the abandon form's fields, or for the move as a whole ("form"). */
export type MoveErrors = Partial<Record<'reason' | 'comment' | 'form', string>>;

export const COMMENT_MAX = 2000;
export const NEED_REASON = 'Choisissez la raison de l’abandon.';
export const NEED_COMMENT = 'Avec la raison « Autre », dites en quelques mots pourquoi la synergie est abandonnée.';

export async function moveSynergy(id: string, input: MoveInput): Promise<SynergyCard> {
  const comment = input.comment?.trim() || null;
  const { moveSynergy: moved } = await gql<{ moveSynergy: SynergyCard }>(MOVE_SYNERGY_MUTATION, {
    id, input: { status: input.status, reason: input.reason ?? null, comment },
  });
  return moved;
}

/** Checks the abandon form before asking the API, with the same rules. */
export function checkAbandon(reason: AbandonReason | '', comment: string): MoveErrors {
  const errors: MoveErrors = {};
  if (!reason) errors.reason = NEED_REASON;
  if (reason === 'OTHER' && !comment.trim()) errors.comment = NEED_COMMENT;
  if (comment.length > COMMENT_MAX) errors.comment = `Le commentaire est limité à ${COMMENT_MAX} caractères.`;
  return errors;
}

/**
 * The API's refusals in French, on the field they concern. Its BAD_USER_INPUT messages start
 * with the field ("comment: …", or "Invalid input to moveSynergy: comment: …").
 */
export function moveErrors(e: unknown): MoveErrors {
  const error = e as ApiError;
  if (error.code === 'BAD_USER_INPUT') {
    if (/\breason:/.test(error.message)) return { reason: NEED_REASON };
    if (/\bcomment:/.test(error.message)) {
      return { comment: /length|longer|shorter/.test(error.message) ? `Le commentaire est limité à ${COMMENT_MAX} caractères.` : NEED_COMMENT };
    }
    if (/\bstatus:/.test(error.message)) return { form: 'Ce déplacement n’est plus possible : la synergie a changé entre-temps. Rechargez la page.' };
  }
  if (error.code === 'NOT_FOUND') return { form: 'Cette synergie n’existe plus : rechargez la page.' };
  if (error.code === 'UNAUTHENTICATED') return { form: 'Votre session a expiré : reconnectez-vous.' };
  if (error.code === 'FORBIDDEN') return { form: 'Votre compte ne permet pas de déplacer cette synergie.' };
  return { form: error.message };
}
