/**
 * The views of one session, loaded on demand: facilitators need them, the public visiting the
 * map does not, so they stay out of the page's initial download.
 */
export { FollowUp } from './FollowUp';
export { Live } from './Live';
export { Registration } from './Registration';
export { SessionForm } from './SessionForm';
export { SessionPage } from './SessionPage';
