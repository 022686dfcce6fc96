/**
 * Activities, built by a factory that receives every dependency (store, transport, renderer,
 * rules, clock) from worker/. Workflows import only the `Activities` type from here.
 */
import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import type { HolidayCalendar } from '../domain/deadlines';
import type { IncidentFacts } from '../domain/facts';
import type { Assessment } from '../domain/obligation';
import type { Plan } from '../domain/plan';
import { reviewSlot, type ReviewSlot, type ReviewSlotRequest } from '../domain/review';
import { assess } from '../domain/rules/evaluate';
import type { RuleSet } from '../domain/rules/schema';
import type { Ledger } from './ledger/ledger';
import type { Mailer, SendEvidence } from './mail/mailer';
import { invitationAttachment } from './mail/calendar';
import { toActivityError } from './mail/errors';
import { buildNoticeContext, checkRequiredContent, noticeKind, type NoticeContextRequest } from './notices';
import type { NoticeRenderer } from './notices/renderer';
import type { IncidentGateway } from '../api/gateway';
import { createDrillActivities } from './drills';
import { createDrillGuard } from './drills/guard';
import { createDrillStore } from './drills/store';
import { createCampaigns } from './recipients/campaign';
import { createRetentionActivities } from './retention';
import type { Db } from './store/db';

export interface ActivityDeps {
  db: Db;
  ledger: Ledger;
  mailer: Mailer;
  renderer: NoticeRenderer;
  rules: RuleSet;
  holidays: HolidayCalendar;
  plans: (planId: string) => Plan;
  clock: () => Date;
  /** The outbox transport's folder, whose letters to individuals retention deletes (unset: none). */
  outboxDir?: string;
  /** Set once the Temporal client is connected: drills' scripted participants act through it. */
  incidents?: IncidentGateway;
}

/** What a draft is made from; `now` (workflow time) dates the notice and tells whether it is late. */
export type DraftRequest = NoticeContextRequest & { now: string };

export interface NoticeMail {
  incidentId: string;
  noticeId: string;
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
}

export interface InternalMail {
  kind: 'reminder' | 'escalation';
  to: string[];
  from: string;
  locale: string;
  context: Record<string, unknown>;
}

/** The review meeting's invitation: the body is rendered like a reminder, the event is the attachment. */
export interface ReviewInvitation {
  incident: { id: string; title: string };
  from: string;
  to: string[];
  organizer: { name: string; email: string };
  start: string;
  end: string;
  locale: string;
  context: Record<string, unknown>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A stable Message-ID per notice, so a resend after a lost acknowledgement is recognisable. */
export function noticeMessageId(incidentId: string, noticeId: string, from: string): string {
  const domain = from.split('@')[1] ?? 'localhost';
  return `<${sha256(`${incidentId}\0${noticeId}`).slice(0, 32)}@${domain}>`;
}

export function createActivities(deps: ActivityDeps) {
  const { ledger, mailer, renderer, rules, holidays, plans } = deps;
  const drills = createDrillStore(deps.db);
  const guard = createDrillGuard(drills);

  async function send(mail: Parameters<Mailer['send']>[0]): Promise<SendEvidence> {
    try {
      return await mailer.send(mail);
    } catch (err) {
      throw toActivityError(err);
    }
  }

  return {
    ...createCampaigns(deps.db, { mailer, renderer, guard }),
    ...createRetentionActivities({ db: deps.db, outboxDir: deps.outboxDir, clock: deps.clock }),
    ...createDrillActivities({
      ledger,
      drills,
      plans,
      get incidents() {
        return deps.incidents;
      },
    }),

    async loadPlan({ planId }: { planId: string }): Promise<Plan> {
      try {
        return plans(planId);
      } catch (err) {
        throw ApplicationFailure.nonRetryable((err as Error).message, 'PlanInvalid');
      }
    },

    async assessObligations({
      facts,
      delivered,
    }: {
      facts: IncidentFacts;
      delivered?: Record<string, string>;
    }): Promise<Assessment> {
      return assess(facts, rules, { holidays, ...(delivered ? { delivered } : {}) });
    },

    async appendLedger(entry: {
      eventId: string;
      incidentId: string;
      at: string;
      actor: string;
      action: string;
      payload: unknown;
    }) {
      const row = await ledger.append(entry);
      return { seq: row.seq, hash: row.hash };
    },

    async draftNotice(req: DraftRequest) {
      const kind = noticeKind(req.obligation);
      let rendered;
      let ctx;
      try {
        ctx = buildNoticeContext(kind, req);
        rendered = renderer.render(kind, req.locale, ctx);
      } catch (err) {
        throw ApplicationFailure.nonRetryable(
          `cannot draft ${req.obligation.id}: ${(err as Error).message}`,
          'TemplateError',
        );
      }
      // Every element the law requires must be in the text: known, or said to follow.
      const check = checkRequiredContent(req.obligation.requiredContent, ctx, rendered);
      if (check.missing.length || check.unprobed.length) {
        throw ApplicationFailure.nonRetryable(
          `draft of ${req.obligation.id} lacks required content: ${JSON.stringify(check)}`,
          'TemplateError',
        );
      }
      const contentHash = sha256(JSON.stringify([rendered.subject, rendered.text, rendered.html]));
      return {
        kind,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        locale: rendered.locale,
        fallback: rendered.fallback,
        templateVersion: rendered.templateVersion,
        contentHash,
        pending: rendered.pending,
        // The required elements as data: what a portal filing is typed in from.
        fields: ctx.sections.map((sec) => ({
          id: sec.id,
          heading: sec.heading,
          pending: sec.pending,
          lines: sec.lines,
        })),
        renderedAt: deps.clock().toISOString(),
      };
    },

    async sendNotice(mail: NoticeMail): Promise<SendEvidence> {
      await guard.check(mail.incidentId, mail.to);
      return send({
        ...guard.mark(mail.incidentId, mail),
        messageId: noticeMessageId(mail.incidentId, mail.noticeId, mail.from),
      });
    },

    async sendInternalMail({ kind, to, from, locale, context }: InternalMail): Promise<SendEvidence> {
      if (to.length === 0)
        throw ApplicationFailure.nonRetryable(`the plan names nobody to receive the ${kind}`, 'NoRecipients');
      const incidentId = String((context.incident as { id?: unknown } | undefined)?.id ?? '');
      await guard.check(incidentId, to);
      const r = renderer.render(kind, locale, context);
      const id = `<${sha256(JSON.stringify([kind, to, context])).slice(0, 32)}@${from.split('@')[1] ?? 'localhost'}>`;
      return send({
        from,
        messageId: id,
        ...guard.mark(incidentId, { to, subject: r.subject, text: r.text, html: r.html }),
      });
    },

    async reviewSlot(req: ReviewSlotRequest): Promise<ReviewSlot> {
      return reviewSlot(req, holidays);
    },

    async sendReviewInvitation(req: ReviewInvitation): Promise<SendEvidence & { uid: string }> {
      const { incident, from, to } = req;
      if (to.length === 0)
        throw ApplicationFailure.nonRetryable('the plan names nobody to invite to the review', 'NoRecipients');
      await guard.check(incident.id, to);
      const domain = from.split('@')[1] ?? 'localhost';
      const r = renderer.render('reminder', req.locale, req.context);
      const uid = `review.${sha256(incident.id).slice(0, 32)}@${domain}`;
      const attachment = invitationAttachment({
        uid,
        start: req.start,
        end: req.end,
        organizer: req.organizer,
        attendees: to,
        title: guard.mark(incident.id, {
          to,
          subject: `Lessons-learned review: ${incident.id} – ${incident.title}`.slice(0, 250),
          text: '',
        }).subject,
        description: `Lessons-learned review of incident ${incident.id} (${incident.title}): what happened, root causes, what worked and what did not, findings and action items.`,
      });
      const id = `<${sha256(JSON.stringify(['review-invitation', incident.id, req.start, to])).slice(0, 32)}@${domain}>`;
      const mail = guard.mark(incident.id, { to, subject: r.subject, text: r.text, html: r.html });
      return { ...(await send({ from, messageId: id, ...mail, attachments: [attachment] })), uid };
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
