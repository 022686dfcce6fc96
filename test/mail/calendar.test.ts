/**
 * The review invitation: an iCalendar event built with `ics`, attached to a mail, sent over real
 * SMTP (smtp-server on 127.0.0.1), and read back with mailparser and ical.js.
 */
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { createMailer, type Mailer } from '../../activities/mail';
import { invitationAttachment, type Invitation } from '../../activities/mail/calendar';
import { startSmtpServer, type TestServer } from './smtp-fixture';

const invitation: Invitation = {
  uid: 'review.0123456789abcdef@acme.example',
  start: '2026-04-09T08:00:00.000Z',
  end: '2026-04-09T09:30:00.000Z',
  title: 'Lessons-learned review: INC-7 – Ransomware, Zürich office',
  description: 'What happened, root causes, what worked and what did not, findings and action items.',
  organizer: { name: 'Data Protection Officer', email: 'noreply@acme.example' },
  attendees: ['max@acme.example', 'lea@acme.example'],
};

describe('review invitation over SMTP', () => {
  let server: TestServer;
  let mailer: Mailer;
  beforeAll(async () => {
    server = await startSmtpServer();
    mailer = createMailer({ smtpUrl: server.url, outboxDir: '/nonexistent/not-used-in-smtp-mode' });
  });
  afterAll(async () => {
    mailer.close();
    await server.close();
  });

  it('arrives as a text/calendar attachment that parses to the same event', async () => {
    await mailer.send({
      from: 'noreply@acme.example',
      to: invitation.attendees,
      subject: 'Review of INC-7',
      text: 'You are invited.',
      messageId: '<review-inc-7@acme.example>',
      attachments: [invitationAttachment(invitation)],
    });
    const mail = await simpleParser(server.received[0].raw);
    const [att] = mail.attachments;
    expect(att).toMatchObject({ filename: 'review.ics', contentType: 'text/calendar' });
    const calendar = new ICAL.Component(ICAL.parse(att.content.toString('utf8')));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(invitation.uid);
    expect(event.summary).toBe(invitation.title);
    expect(event.description).toBe(invitation.description);
    expect(event.startDate.toJSDate().toISOString()).toBe(invitation.start);
    expect(event.endDate.toJSDate().toISOString()).toBe(invitation.end);
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(
      invitation.attendees.map((a) => `mailto:${a}`),
    );
    expect(event.attendees.every((a) => a.getParameter('rsvp') === 'TRUE')).toBe(true);
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('refuses an attachment name with a line break (header injection)', async () => {
    await expect(
      mailer.send({
        from: 'noreply@acme.example',
        to: ['max@acme.example'],
        subject: 's',
        text: 't',
        messageId: '<x@acme.example>',
        attachments: [{ filename: 'a.ics\r\nBcc: evil@example.com', contentType: 'text/calendar', content: 'x' }],
      }),
    ).rejects.toThrow(/must not contain CR or LF/);
  });
});
