import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Ledger } from '../../activities/ledger/ledger';
import { coverageReport, decideUncovered, type CoverageObligation } from '../../activities/recipients/coverage';
import { importRecipients, RecipientImportError, type ImportReport } from '../../activities/recipients/import';
import { loadPlan } from '../../activities/plans/load';
import type { Queryable } from '../../activities/store/db';
import { decideNoticeUpdate, IncidentId } from '../../workflows/incident/messages';
import type { IncidentStatus } from '../../workflows/incident/state';
import { actorOf, demand, HttpError, requirePermission } from '../auth';
import type { IncidentGateway } from '../gateway';
import { errorResponses } from '../schemas/common';
import {
  Coverage,
  ImportReportWithCoverage,
  LetterDecision,
  LetterDecisionResult,
  UncoveredDecision,
  UncoveredDecisionResult,
} from '../schemas/recipients';

const Params = z.object({ id: IncidentId });

/** The file as it streams past: its SHA-256 and size, for the ledger. */
function fingerprinted(input: AsyncIterable<string | Uint8Array>) {
  const hash = createHash('sha256');
  let bytes = 0;
  async function* stream(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(b);
      bytes += b.length;
      yield b;
    }
  }
  return { stream: stream(), file: () => ({ sha256: hash.digest('hex'), bytes }) };
}

/** The individuals obligations still owed: whose people each covers. */
function individualsObligations(status: IncidentStatus): CoverageObligation[] {
  return status.notices
    .filter((n) => n.obligation.recipient === 'individuals' && n.status !== 'withdrawn')
    .map((n) => ({ noticeId: n.id, audience: n.obligation.audience }));
}

/** What the ledger keeps of an import: counts and line numbers, never a person's data. */
function summary(r: ImportReport) {
  const { lines, records, imported, inserted, updated, duplicatesMerged, rejected, byCountry, ignoredColumns } = r;
  const rejectedLines = [...new Set(r.errors.map((e) => e.line))];
  return {
    lines,
    records,
    imported,
    inserted,
    updated,
    duplicatesMerged,
    rejected,
    rejectedLines,
    byCountry,
    ignoredColumns,
  };
}

/**
 * The affected people of an incident, as CSV (email,name,locale,country,region), streamed into
 * the store: the body is never held in memory whole, and addresses never enter a workflow. Each
 * import, and each import that stops part-way, is recorded in the ledger: who, the file's SHA-256,
 * the counts and the rejected lines.
 */
export function recipientRoutes(gateway: IncidentGateway, db: Queryable, ledger: Ledger, now: () => Date) {
  return async (app: FastifyInstance): Promise<void> => {
    // The raw request stream goes to the importer; no size limit beyond the importer's own per-record one.
    app.addContentTypeParser('text/csv', { bodyLimit: 10 * 1024 ** 3 }, (_req, payload, done) => done(null, payload));
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/incidents/:id/recipients',
      {
        schema: {
          params: Params,
          response: { 200: ImportReportWithCoverage, ...errorResponses },
          tags: ['recipients'],
          consumes: ['text/csv'],
        },
        preHandler: requirePermission('recipients.import'),
      },
      async (req) => {
        const incidentId = req.params.id;
        const status = await gateway.status(incidentId); // 404 for an unknown incident, before reading the body
        const actor = actorOf(req);
        const record = (action: string, payload: Record<string, unknown>) =>
          ledger.append({
            eventId: `${incidentId}:recipients:${randomUUID()}`,
            incidentId,
            at: now().toISOString(),
            actor: actor.id,
            action,
            payload: { role: actor.role, ...payload },
          });
        const body = fingerprinted(req.body as AsyncIterable<Uint8Array>);
        try {
          const report = await importRecipients(db, incidentId, body.stream);
          // Each person matched to every individuals obligation covering them; the uncovered apart.
          const coverage = await coverageReport(db, incidentId, individualsObligations(status));
          await record('recipients.imported', {
            file: body.file(),
            ...summary(report),
            coverage: {
              people: coverage.people,
              covered: coverage.covered,
              coveredByMoreThanOne: coverage.coveredByMoreThanOne,
              byObligation: coverage.byObligation,
              uncovered: coverage.uncovered,
              uncoveredLines: coverage.uncoveredPeople.map((u) => u.line),
            },
          });
          return { ...report, coverage };
        } catch (err) {
          if (err instanceof RecipientImportError) {
            // A syntax error stops the import part-way: what was stored before the bad line is recorded too.
            await record('recipients.import-failed', {
              read: body.file(),
              code: err.code,
              reason: err.message,
              line: err.line ?? null,
              storedBefore: err.progress?.imported ?? 0,
            });
            throw new HttpError(400, `${err.message}${err.line ? ` (line ${err.line})` : ''}`);
          }
          throw err;
        }
      },
    );

    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/v1/incidents/:id/recipients/coverage',
      {
        schema: { params: Params, response: { 200: Coverage, ...errorResponses }, tags: ['recipients'] },
        preHandler: requirePermission('recipients.import'),
      },
      async (req) => coverageReport(db, req.params.id, individualsObligations(await gateway.status(req.params.id))),
    );

    // People no obligation covers are told nothing unless a manager decides otherwise; the decision is recorded.
    r.post(
      '/v1/incidents/:id/recipients/uncovered/decision',
      {
        schema: {
          params: Params,
          body: UncoveredDecision,
          response: { 200: UncoveredDecisionResult, ...errorResponses },
          tags: ['recipients'],
        },
        preHandler: requirePermission('campaign.control'),
      },
      async (req) => {
        const incidentId = req.params.id;
        const obligations = individualsObligations(await gateway.status(incidentId));
        const { noticeId, decision, reason, recipientIds } = req.body;
        if (noticeId && !obligations.some((o) => o.noticeId === noticeId))
          throw new HttpError(400, `no individuals obligation "${noticeId}" on incident ${incidentId}`);
        const actor = actorOf(req);
        const result = await decideUncovered(db, incidentId, {
          recipientIds,
          decision,
          ...(noticeId ? { noticeId } : {}),
          by: actor.id,
          reason,
          obligations,
        });
        await ledger.append({
          eventId: `${incidentId}:uncovered:${randomUUID()}`,
          incidentId,
          at: now().toISOString(),
          actor: actor.id,
          action: 'recipients.uncovered-decided',
          // Ids, not addresses: the ledger holds no person's data.
          payload: { role: actor.role, decision, noticeId: noticeId ?? null, reason, recipientIds, ...result },
        });
        return result;
      },
    );

    /**
     * One decision for a combined letter: approving (or rejecting) it decides each constituent
     * notice, each bound to its own content hash, as separate decisions of the same person. The
     * plan's approvers of individuals notices are the same for all of them, so one approver's
     * decision here counts for every notice the letter combines.
     */
    r.post(
      '/v1/incidents/:id/letters/decision',
      {
        schema: {
          params: Params,
          body: LetterDecision,
          response: { 200: LetterDecisionResult, ...errorResponses },
          tags: ['notices'],
        },
        preHandler: requirePermission('notice.decide'),
      },
      async (req) => {
        const incidentId = req.params.id;
        const status = await gateway.status(incidentId);
        // The plan names the approvers: checked before anything about the notices is said (as for one notice).
        demand('notice.decide', actorOf(req).role, { approverRoles: loadPlan(status.planId).approvals.roles });
        const { noticeIds, decision, reason, contentHashes } = req.body;
        const notices = noticeIds.map((id) => {
          const n = status.notices.find((x) => x.id === id);
          if (!n) throw new HttpError(404, `no notice "${id}" on incident ${incidentId}`);
          if (n.obligation.recipient !== 'individuals')
            throw new HttpError(400, `notice ${id} is not to individuals; decide it on its own`);
          if (n.status !== 'awaiting-approval' || !n.draft)
            throw new HttpError(409, `notice ${id} is ${n.status}, not awaiting approval`);
          return { id, contentHash: contentHashes?.[id] ?? n.draft.contentHash };
        });
        const actor = actorOf(req);
        const decided: { noticeId: string; contentHash: string }[] = [];
        for (const n of notices) {
          // Each constituent's own decision, validated by its workflow as any other (roles, hash, deadline).
          await gateway.update(incidentId, decideNoticeUpdate, {
            actor,
            noticeId: n.id,
            decision,
            contentHash: n.contentHash,
            ...(reason ? { reason } : {}),
          });
          decided.push({ noticeId: n.id, contentHash: n.contentHash });
        }
        await ledger.append({
          eventId: `${incidentId}:letter-decision:${randomUUID()}`,
          incidentId,
          at: now().toISOString(),
          actor: actor.id,
          action: 'letters.decided',
          payload: { role: actor.role, decision, decided, ...(reason ? { reason } : {}) },
        });
        return { decided };
      },
    );
  };
}
