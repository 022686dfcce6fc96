/**
 * What keeps a drill from reaching anyone outside it. Every send activity passes its addresses
 * through here: for a drill incident, each must be one of the run's participants as registered in
 * the store, whatever the workflow asked; and every message is marked DRILL in its subject and on
 * its first line.
 */
import { ApplicationFailure } from '@temporalio/common';
import { isDrillIncident } from '../../domain/drill';
import type { DrillStore } from './store';

export const DRILL_SUBJECT_PREFIX = '[DRILL] ';
export const DRILL_FIRST_LINE = 'DRILL - this is an exercise of the incident response plan, not a real incident.';

interface Mail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export function createDrillGuard(store: Pick<DrillStore, 'get'>) {
  return {
    /** Throws a non-retryable failure if a drill message would reach a non-participant. */
    async check(incidentId: string, to: readonly string[]): Promise<void> {
      if (!isDrillIncident(incidentId)) return;
      const run = await store.get(incidentId);
      if (!run)
        throw ApplicationFailure.nonRetryable(
          `drill ${incidentId} is not registered: nothing may be sent for it`,
          'DrillRecipientRefused',
        );
      const allowed = new Set(run.participants.map((p) => p.toLowerCase()));
      const outside = to.filter((a) => !allowed.has(a.toLowerCase()));
      if (outside.length) {
        throw ApplicationFailure.nonRetryable(
          `drill ${incidentId} may write only to its participants; refused ${outside.join(', ')}`,
          'DrillRecipientRefused',
        );
      }
    },
    /** The message as sent in a drill: marked in the subject and on the first line of each body. */
    mark<M extends Mail>(incidentId: string, mail: M): M {
      if (!isDrillIncident(incidentId)) return mail;
      return {
        ...mail,
        subject: DRILL_SUBJECT_PREFIX + mail.subject,
        text: `${DRILL_FIRST_LINE}\n\n${mail.text}`,
        ...(mail.html
          ? { html: mail.html.replace(/(<body[^>]*>)/i, `$1<p><strong>${DRILL_FIRST_LINE}</strong></p>`) }
          : {}),
      };
    },
  };
}
export type DrillGuard = ReturnType<typeof createDrillGuard>;
