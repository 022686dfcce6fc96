/**
 * POST /v1/assessments: the what-if a compliance person runs. Beside the obligations it returns the
 * conditional ones (no clock until their event is recorded) and the rules not yet in force.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../api/app';
import type { Actor } from '../../domain/actor';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';

const tokens = new Map<string, Actor>([
  ['tok-legal-0000000000', { id: 'lea', role: 'legal' }],
  ['tok-responder-0000000', { id: 'rita', role: 'responder' }],
]);
const LEGAL = { authorization: 'Bearer tok-legal-0000000000' };

/**
 * A US registrant with people in New York and India, aware Mon 30 Nov 2026 14:00 EST, determined
 * material Tue 1 Dec 10:00 EST. No incident is created, so the route needs no workflow, ledger or store.
 */
const facts = {
  awareAt: '2026-11-30T14:00:00-05:00',
  materialityDeterminedAt: '2026-12-01T10:00:00-05:00',
  entity: { name: 'Example Corp', country: 'US', sectors: ['sec-registrant'] },
  affected: [
    { country: 'US', region: 'US-NY', count: 600 },
    { country: 'IN', count: 50 },
  ],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'high',
};

describe('POST /v1/assessments', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const unused = {} as never;
    const deps: AppDeps = {
      gateway: unused,
      ledger: unused,
      db: unused,
      tokens,
      now: () => new Date('2026-11-30T19:05:00Z'),
      assess: (f) => assess(f, ruleSet, holidays),
    };
    app = await buildApp(deps);
  });
  afterAll(async () => {
    await app.close();
  });

  it('returns the obligations with recipient names and local due times, the conditional ones and the upcoming rules', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/assessments', headers: LEGAL, payload: facts });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // SEC: 4 business days after Tue 1 Dec (Wed 2, Thu 3, Fri 4, Mon 7), at 17:30 EST = 22:30Z.
    expect(body.obligations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'sec:8-k:US',
          recipientName: 'Securities and Exchange Commission (EDGAR filing)',
          dueAt: '2026-12-07T22:30:00.000Z',
          timeZone: 'America/New_York',
          dueAtLocal: '2026-12-07T17:30:00-05:00',
        }),
        expect.objectContaining({ id: 'us-ny:state-police:US-NY', recipientName: 'New York State Police' }),
      ]),
    );
    // The Form 8-K/A: conditional, with its trigger and the fact that starts its clock, and no due time.
    expect(body.conditional).toEqual([
      expect.objectContaining({
        id: 'sec:8-k-amendment:US',
        regime: 'sec',
        fact: 'omittedInformationAvailableAt',
        trigger: expect.stringMatching(/undetermined or unavailable/),
        recipientName: 'Securities and Exchange Commission (EDGAR filing)',
      }),
    ]);
    expect(body.conditional[0].dueAt).toBeUndefined();
    expect(body.obligations.map((o: { id: string }) => o.id)).not.toContain('sec:8-k-amendment:US');
    // India's DPDP Rules (rule 7) take effect on 13 May 2027, within a year of awareness: upcoming, not owed.
    expect(body.upcoming).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          regime: 'dpdp-in',
          key: 'board-detailed',
          inForceFrom: '2027-05-13',
          jurisdiction: 'IN',
        }),
      ]),
    );
    expect(body.obligations.filter((o: { regime: string }) => o.regime === 'dpdp-in')).toEqual([]);
  });

  it('once the omitted information is available, the 8-K/A is an obligation with a clock, no longer conditional', async () => {
    // Available Thu 10 Dec 2026 09:00 EST: Fri 11 (1), Mon 14 (2), Tue 15 (3), Wed 16 Dec (4) at 17:30 EST = 22:30Z.
    const payload = { ...facts, omittedInformationAvailableAt: '2026-12-10T09:00:00-05:00' };
    const body = (await app.inject({ method: 'POST', url: '/v1/assessments', headers: LEGAL, payload })).json();
    expect(body.conditional).toEqual([]);
    expect(body.obligations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'sec:8-k-amendment:US', dueAt: '2026-12-16T22:30:00.000Z' }),
      ]),
    );
  });

  it('the OpenAPI document describes the new facts', async () => {
    const doc = JSON.stringify((await app.inject({ method: 'GET', url: '/openapi.json' })).json());
    for (const fact of ['reportRequestedAt', 'handlingEndedAt', 'authorityRequiredNoticeAt', 'smallProcessingAgent'])
      expect(doc).toContain(fact);
  });
});
