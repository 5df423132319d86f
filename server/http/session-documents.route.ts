import { Request, RequestHandler, Response } from 'express';
import { Db } from '../../graph/database';
import { participantAgendaHtml, sessionAgendasHtml, tableAgendasHtml } from '../domain/matchmaking/agenda/agenda-html';
import { participantAgendaIcs } from '../domain/matchmaking/agenda/agenda-ics';
import { participantAgendaPdf, sessionAgendasPdf, tableAgendasPdf } from '../domain/matchmaking/agenda/agenda-pdf';
import { sessionReportCsv, sessionReportMarkdown } from '../domain/matchmaking/follow-up/session-report';
import { createContext } from '../graphql/context';
import { AuthService } from '../services/auth-service';
import { CategoryService } from '../services/category-service';

/**
 * Printable documents of a speed-meeting session, for facilitators (a valid bearer token is
 * required: agendas name who meets whom):
 *
 *   GET /sessions/:sessionId/agendas.html|pdf              every participant, one per page
 *   GET /sessions/:sessionId/agendas/:actorId.html|pdf|ics one participant (ics: for a calendar)
 *   GET /sessions/:sessionId/tables.html|pdf               every table, one per page
 *   GET /sessions/:sessionId/report.csv|md                 the session report, for a spreadsheet or an email
 */
export const SESSION_DOCUMENT_PATHS = [
  '/sessions/:sessionId/agendas.:format',
  '/sessions/:sessionId/agendas/:actorId.:format',
  '/sessions/:sessionId/tables.:format',
  '/sessions/:sessionId/report.:format',
];

export interface SessionDocumentsRouteOptions {
  db: Db;
  auth: AuthService;
  categories: CategoryService;
  logError: (error: unknown) => void;
}

const MEDIA_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  ics: 'text/calendar; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

function fail(res: Response, status: number, error: string, code: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error, code });
}

/** A file name made of letters, digits and dashes, whatever the session's title holds. */
function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'session';
}

export function sessionDocumentsHandler(options: SessionDocumentsRouteOptions): RequestHandler {
  return async (req: Request, res: Response) => {
    const ctx = await createContext(options.db, options.auth, options.categories, req.headers.authorization);
    if (!ctx.user) {
      res.set('WWW-Authenticate', ctx.authError ? 'Bearer error="invalid_token"' : 'Bearer');
      fail(res, 401, ctx.authError?.message ?? 'Agendas name who meets whom: send "Authorization: Bearer <token>" (see the login mutation).', 'UNAUTHENTICATED');
      return;
    }
    const { sessionId, actorId, format } = req.params as { sessionId: string; actorId?: string; format: string };
    const kind = req.path.includes('/tables.') ? 'tables' : req.path.includes('/report.') ? 'report' : actorId ? 'participant' : 'participants';
    const allowed = kind === 'participant' ? ['html', 'pdf', 'ics'] : kind === 'report' ? ['csv', 'md'] : ['html', 'pdf'];
    if (!allowed.includes(format)) {
      fail(res, 404, `Unknown format ".${format}": use ${allowed.map((f) => `.${f}`).join(', ')}.`, 'NOT_FOUND');
      return;
    }
    try {
      const session = await ctx.matchmaking.session(sessionId);
      if (!session) {
        fail(res, 404, `MatchmakingSession '${sessionId}' was not found.`, 'NOT_FOUND');
        return;
      }
      let body: string | Buffer;
      let name = slug(session.title);
      if (kind === 'report') {
        const report = await ctx.followUps.report(sessionId);
        res.status(200).set({
          'Content-Type': MEDIA_TYPES[format],
          'Content-Disposition': `attachment; filename="${name}-bilan.${format}"`,
          'Cache-Control': 'private, no-store',
          Vary: 'Authorization',
        }).send(format === 'csv' ? sessionReportCsv(report) : sessionReportMarkdown(report));
        return;
      }
      const agendas = await ctx.matchmaking.agendas(sessionId);
      if (kind === 'participant') {
        const agenda = agendas.participants.find((a) => a.participant.actorId === actorId);
        if (!agenda) {
          fail(res, 404, `Actor '${actorId}' is not registered for this session.`, 'NOT_FOUND');
          return;
        }
        name += `-${slug(agenda.participant.actorName)}`;
        body = format === 'html' ? participantAgendaHtml(agenda) : format === 'pdf' ? await participantAgendaPdf(agenda) : participantAgendaIcs(agenda, new Date());
      } else if (kind === 'tables') {
        name += '-tables';
        body = format === 'html' ? tableAgendasHtml(agendas.tables) : await tableAgendasPdf(agendas.tables);
      } else {
        name += '-agendas';
        body = format === 'html' ? sessionAgendasHtml(agendas.participants) : await sessionAgendasPdf(agendas.participants);
      }
      res.status(200).set({
        'Content-Type': MEDIA_TYPES[format],
        // HTML opens in the browser to print; PDF and calendar files download.
        'Content-Disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}.${format}"`,
        'Cache-Control': 'private, no-store',
        Vary: 'Authorization',
      }).send(body);
    } catch (error) {
      options.logError(error);
      fail(res, 500, 'The document could not be produced; the error was logged.', 'INTERNAL_SERVER_ERROR');
    }
  };
}
