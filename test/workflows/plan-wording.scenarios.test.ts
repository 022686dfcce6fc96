/** A plan's own wording reaches its incidents' notices (plans/example-letterhead overrides a title and a phrase). */
import { IncidentFacts } from '../../domain/facts';
import { describeBackend } from '../harness';
import { setupIncidentEnv, type IncidentEnv } from './setup';

const responder = { id: 'rita@example.org', role: 'responder' as const };

describe(`a plan's own wording [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  beforeEach(async () => {
    env = await setupIncidentEnv();
  });
  afterEach(async () => env.teardown());

  async function individualsDraft(id: string, planId: string) {
    const now = new Date(await env.harness.now()).toISOString();
    await env.gateway.report({
      incident: { id, title: 'Customer database exposed', reportedBy: responder, reportedAt: now },
      facts: IncidentFacts.parse({
        awareAt: now,
        entity: { name: 'Example Retail GmbH', country: 'DE' },
        affected: [{ country: 'DE', count: 1200 }],
        dataCategories: ['name', 'contact'],
        risk: 'high',
      }),
      planId,
    });
    await env.harness.sleep(60_000);
    const notice = (await env.gateway.status(id)).notices.find((n) => n.id === 'gdpr:individuals:DE')!;
    return notice.draft!;
  }

  it("an incident of a plan with overrides is drafted in the plan's words; the default plan's is not", async () => {
    const own = await individualsDraft('INC-letterhead', 'example-letterhead');
    expect(own.subject).toContain('A personal data breach at Example Retail GmbH: what it means for you');
    expect(own.text).toContain('With our apologies, and our thanks for your patience,');
    const plain = await individualsDraft('INC-plain', 'default');
    expect(plain.text).not.toContain('With our apologies');
    expect(plain.templateVersion).not.toBe(own.templateVersion);
  });
});
