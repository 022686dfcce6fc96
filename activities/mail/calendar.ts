/** Calendar invitations (iCalendar, RFC 5545) built with the `ics` library, as mail attachments. */
import { createEvent } from 'ics';
import type { z } from 'zod';
import type { Attachment } from './types';

export interface Invitation {
  /** Stable per meeting: a later update of the same meeting replaces it in the calendar. */
  uid: string;
  start: string;
  end: string;
  title: string;
  description: string;
  organizer: { name: string; email: string };
  attendees: string[];
}

export function invitationIcs(inv: Invitation): string {
  const { error, value } = createEvent({
    uid: inv.uid,
    method: 'REQUEST',
    productId: 'breach-response-engine',
    start: Date.parse(inv.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(inv.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: inv.title,
    description: inv.description,
    status: 'CONFIRMED',
    sequence: 0,
    organizer: inv.organizer,
    attendees: inv.attendees.map((email) => ({ email, rsvp: true, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' })),
  });
  if (error || !value) throw error ?? new Error('ics built no calendar');
  return value;
}

/** The invitation as an attachment that mail clients offer to add to the calendar. */
export function invitationAttachment(inv: Invitation): z.input<typeof Attachment> {
  return {
    filename: 'review.ics',
    contentType: 'text/calendar; method=REQUEST; charset=UTF-8',
    content: invitationIcs(inv),
  };
}
