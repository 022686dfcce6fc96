/**
 * Mass notification over the recipients in the store. Each recipient's state lives in
 * `deliveries`, written right after each send, so a retried or resumed batch never sends again to
 * someone already recorded as sent. Workflows see only ids, cursors and counts.
 */
import type { DrillGuard } from '../drills/guard';
import { createHash } from 'node:crypto';
import type { Mailer, SendEvidence } from '../mail';
import { countByStatus, sendBatch, type BatchResult, type CampaignCounts } from '../mail/batch';
import { buildNoticeContext, type NoticeContextRequest, type NoticeRenderer, type RenderedNotice } from '../notices';
import type { Db } from '../store/db';
import { createLetterCampaigns } from '../letters/campaign';

export interface CampaignKey {
  incidentId: string;
  noticeId: string;
}

export interface MassNotice {
  kind: string;
  from: string;
  replyTo?: string;
  /** Incident-level content (no recipient PII); rendered once per recipient locale. */
  request: Omit<NoticeContextRequest, 'locale'>;
}

export interface BatchInput extends CampaignKey {
  afterRecipientId: number;
  limit: number;
  notice: MassNotice;
  /** Sends per second across the batch; unset = as fast as the pool allows. */
  ratePerSecond?: number;
  /** A recipient still failing temporarily after this many attempts is given up as failed-permanent. */
  maxAttempts: number;
  concurrency?: number;
}

export type { BatchResult, CampaignCounts, Transitions } from '../mail/batch';

interface Row {
  recipient_id: number;
  email: string;
  locale: string;
  attempts: number;
}
interface Outcome {
  recipientId: number;
  status: 'sent' | 'failed-temporary' | 'failed-permanent';
  attempts: number;
  error?: string;
  evidence?: SendEvidence;
  templateVersion?: string;
  locale?: string;
}

export function messageIdFor(key: CampaignKey, recipientId: number, from: string): string {
  const digest = createHash('sha256')
    .update(`${key.incidentId}\0${key.noticeId}\0${recipientId}`)
    .digest('hex')
    .slice(0, 32);
  return `<${digest}@${from.split('@')[1] ?? 'localhost'}>`;
}

export function createCampaigns(db: Db, deps: { mailer: Mailer; renderer: NoticeRenderer; guard?: DrillGuard }) {
  async function record(key: CampaignKey, outcomes: Outcome[]): Promise<void> {
    if (!outcomes.length) return;
    // One statement per group, columns as arrays: a handful of parameters however many rows.
    const col = <T>(f: (o: Outcome) => T) => outcomes.map(f);
    await db.query(
      `UPDATE deliveries d SET status = v.status, attempts = v.attempts, last_error = v.error, message_id = v.message_id,
         smtp_response = v.response, sent_at = v.sent_at, template_version = v.template_version, locale = v.locale,
         content_hash = v.content_hash, updated_at = now()
       FROM unnest($3::bigint[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::text[], $12::text[])
         AS v(recipient_id, status, attempts, error, message_id, response, sent_at, template_version, locale, content_hash)
       WHERE d.incident_id = $1 AND d.notice_id = $2 AND d.recipient_id = v.recipient_id AND d.status <> 'sent'`,
      [
        key.incidentId,
        key.noticeId,
        col((o) => o.recipientId),
        col((o) => o.status),
        col((o) => o.attempts),
        col((o) => o.error ?? null),
        col((o) => o.evidence?.messageId ?? null),
        col((o) => o.evidence?.response ?? null),
        col((o) => o.evidence?.sentAt ?? null),
        col((o) => o.templateVersion ?? null),
        col((o) => o.locale ?? null),
        col((o) => o.evidence?.contentHash ?? null),
      ],
    );
  }

  async function campaignCounts({ incidentId, noticeId }: CampaignKey): Promise<CampaignCounts> {
    const { rows } = await db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM deliveries WHERE incident_id = $1 AND notice_id = $2 GROUP BY status',
      [incidentId, noticeId],
    );
    return countByStatus(rows);
  }

  // Plain functions, not methods: Temporal calls activities without a `this`.
  return {
    // One letter per person across obligations (notifyRecipients in letters mode).
    ...createLetterCampaigns(db, deps),
    campaignCounts,

    /** Creates one pending delivery per recipient in the audience; idempotent. */
    async prepareCampaign({
      incidentId,
      noticeId,
      audience,
    }: CampaignKey & { audience: string[] }): Promise<CampaignCounts> {
      await db.query(
        `INSERT INTO deliveries (incident_id, notice_id, recipient_id)
         SELECT $1, $2, id FROM recipients
         WHERE incident_id = $1 AND ('*' = ANY($3::text[]) OR country = ANY($3::text[]) OR region = ANY($3::text[]))
         ON CONFLICT DO NOTHING`,
        [incidentId, noticeId, audience],
      );
      return campaignCounts({ incidentId, noticeId });
    },

    /** Cancelling a campaign settles everyone not yet reached as `cancelled`. */
    async cancelCampaign({ incidentId, noticeId }: CampaignKey): Promise<CampaignCounts> {
      await db.query(
        `UPDATE deliveries SET status = 'cancelled', updated_at = now()
         WHERE incident_id = $1 AND notice_id = $2 AND status IN ('pending', 'failed-temporary')`,
        [incidentId, noticeId],
      );
      return campaignCounts({ incidentId, noticeId });
    },

    async sendRecipientBatch(input: BatchInput): Promise<BatchResult> {
      const key = { incidentId: input.incidentId, noticeId: input.noticeId };
      const { rows } = await db.query<Row>(
        `SELECT d.recipient_id, r.email, r.locale, d.attempts FROM deliveries d JOIN recipients r ON r.id = d.recipient_id
         WHERE d.incident_id = $1 AND d.notice_id = $2 AND d.status IN ('pending', 'failed-temporary') AND d.recipient_id > $3
         ORDER BY d.recipient_id LIMIT $4`,
        [input.incidentId, input.noticeId, input.afterRecipientId, input.limit],
      );
      // The notice is the same for everyone of a language: rendered once per locale.
      const rendered = new Map<string, RenderedNotice>();
      return sendBatch(deps, {
        incidentId: input.incidentId,
        rows,
        cursor: { after: input.afterRecipientId, limit: input.limit },
        recipient: (row) => ({
          id: Number(row.recipient_id),
          email: row.email,
          attempts: row.attempts,
          messageId: messageIdFor(key, Number(row.recipient_id), input.notice.from),
        }),
        compose: (row) => {
          let r = rendered.get(row.locale);
          if (!r) {
            const request = { ...input.notice.request, locale: row.locale };
            r = deps.renderer.render(input.notice.kind, row.locale, buildNoticeContext(input.notice.kind, request));
            rendered.set(row.locale, r);
          }
          return r;
        },
        from: input.notice.from,
        replyTo: input.notice.replyTo,
        limits: input,
        record: (group) =>
          record(
            key,
            group.map(({ row, outcome }) => ({
              recipientId: Number(row.recipient_id),
              status: outcome.status,
              attempts: outcome.attempts,
              ...(outcome.status === 'sent'
                ? {
                    evidence: outcome.evidence,
                    templateVersion: outcome.message.templateVersion,
                    locale: outcome.message.locale,
                  }
                : { error: outcome.error }),
            })),
          ),
      });
    },
  };
}
export type Campaigns = ReturnType<typeof createCampaigns>;
