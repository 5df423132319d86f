import { Request, RequestHandler, Response } from 'express';
import { Db } from '../../graph/database';
import { meetingMinutesHtml, meetingMinutesMarkdown, meetingMinutesPdf, minutesFileName } from '../domain/working-groups/minutes-export';
import { createContext } from '../graphql/context';
import { AuthService } from '../services/auth-service';
import { CategoryService } from '../services/category-service';

/**
 * GET /working-groups/meetings/:meetingId/minutes.md|html|pdf: the minutes of a group meeting as
 * a secretary would send them (Markdown to paste in a mail, HTML to print, PDF to attach).
 * Minutes name people and what they said: a valid bearer token is required.
 */
export const MINUTES_PATH = '/working-groups/meetings/:meetingId/minutes.:format';

export interface MinutesRouteOptions {
  db: Db;
  auth: AuthService;
  categories: CategoryService;
  logError: (error: unknown) => void;
}

const MEDIA_TYPES: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

function fail(res: Response, status: number, error: string, code: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error, code });
}

export function minutesHandler(options: MinutesRouteOptions): RequestHandler {
  return async (req: Request, res: Response) => {
    const ctx = await createContext(options.db, options.auth, options.categories, req.headers.authorization);
    if (!ctx.user) {
      res.set('WWW-Authenticate', ctx.authError ? 'Bearer error="invalid_token"' : 'Bearer');
      fail(res, 401, ctx.authError?.message ?? 'Minutes name people: send "Authorization: Bearer <token>" (see the login mutation).', 'UNAUTHENTICATED');
      return;
    }
    const { meetingId, format } = req.params as { meetingId: string; format: string };
    if (!MEDIA_TYPES[format]) {
      fail(res, 404, `Unknown format ".${format}": use .md, .html or .pdf.`, 'NOT_FOUND');
      return;
    }
    try {
      const meeting = await ctx.workingGroups.meeting(meetingId);
      if (!meeting) {
        fail(res, 404, `GroupMeeting '${meetingId}' was not found.`, 'NOT_FOUND');
        return;
      }
      const m = await ctx.workingGroups.minutes(meetingId);
      const body = format === 'md'
        ? meetingMinutesMarkdown(m.group, m.meeting, m.people, m.context)
        : format === 'html' ? meetingMinutesHtml(m.group, m.meeting, m.people, m.context) : await meetingMinutesPdf(m.group, m.meeting, m.people, m.context);
      res.status(200).set({
        'Content-Type': MEDIA_TYPES[format],
        'Content-Disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${minutesFileName(m.group, m.meeting)}.${format}"`,
        'Cache-Control': 'private, no-store',
        Vary: 'Authorization',
      }).send(body);
    } catch (error) {
      options.logError(error);
      fail(res, 500, 'The minutes could not be produced; the error was logged.', 'INTERNAL_SERVER_ERROR');
    }
  };
}
