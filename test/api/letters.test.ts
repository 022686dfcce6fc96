/**
 * Letters over the API and the pages: the combined letter's preview is the letter sent (same
 * variant hash); a round of letters is paused, resumed and cancelled through the API and the
 * incident page; the filing package counts people and letters apart from the obligation.
 */
import type { FastifyInstance } from 'fastify';
import { createActivities, type Activities } from '../../activities';
import type { LetterBatchInput } from '../../activities/letters/campaign';
import { createMailer } from '../../activities/mail';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../../activities/notices';
import { loadPlan } from '../../activities/plans/load';
import { buildApp } from '../../api/app';
import type { Actor } from '../../domain/actor';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';
import { describeBackend } from '../harness';
import { postForm, signIn } from '../ui/setup';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';

const GDPR = 'gdpr:individuals:DE';
const CA = 'us-ca:residents:US-CA';
const tokens = new Map<string, Actor>([
  ['tok-letters-manager', { id: 'max', role: 'manager' }],
  ['tok-letters-responder', { id: 'rita', role: 'responder' }],
]);
const as = (who: 'manager' | 'responder') => ({ authorization: `Bearer tok-letters-${who}` });

const facts = {
  awareAt: '2026-03-02T09:15:00Z',
  entity: { name: 'Beispiel GmbH', country: 'DE' },
  affected: [
    { country: 'DE', count: 30 },
    { country: 'US', region: 'US-CA', count: 10 },
  ],
  dataCategories: ['name', 'contact', 'government-id'],
  risk: 'high',
  encrypted: false,
  nature: 'Customer records were copied from a misconfigured backup server.',
};

/**
 * Each round's first batch waits at a gate the test opens, and every batch sends one letter, so a
 * round is caught running and a pause holds letters back.
 */
function gatedLetters() {
  let real: Activities | undefined;
  let open: () => void = () => undefined;
  let gate = Promise.resolve();
  let entered: () => void = () => undefined;
  let inside = Promise.resolve();
  const firstOfRound = new Set<string>();
  return {
    bind(a: Activities) {
      real = a;
    },
    arm() {
      gate = new Promise((r) => (open = r));
      inside = new Promise((r) => (entered = r));
    },
    /** Resolves once a round's first batch is in flight (held at the gate). */
    inFlight: () => inside,
    open: () => open(),
    overrides: {
      async sendLetterBatch(input: LetterBatchInput) {
        if (!firstOfRound.has(input.round)) {
          firstOfRound.add(input.round);
          entered();
          await gate;
        }
        return real!.sendLetterBatch({ ...input, limit: 1 });
      },
    } satisfies Partial<Activities>,
  };
}

describe(`letters over the API and the pages [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  let app: FastifyInstance;
  let mailer: ReturnType<typeof createMailer>;
  const gated = gatedLetters();

  beforeAll(async () => {
    env = await setupIncidentEnv(undefined, gated.overrides);
    mailer = createMailer({ outboxDir: env.outbox });
    gated.bind(
      createActivities({
        db: env.db,
        ledger: env.ledger,
        mailer,
        renderer: createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR }),
        rules: ruleSet,
        holidays,
        plans: (id) => loadPlan(id),
        clock: () => new Date(),
      }),
    );
    app = await buildApp({
      gateway: env.gateway,
      ledger: env.ledger,
      db: env.db,
      tokens,
      assess: (f) => assess(f, ruleSet, holidays),
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await env?.teardown();
  });

  async function report(id: string, de: number, ca: number) {
    const people = [
      ...Array.from({ length: de }, (_, i) => `de${i}@${id.toLowerCase()}.example.net,en,DE,`),
      ...Array.from({ length: ca }, (_, i) => `ca${i}@${id.toLowerCase()}.example.net,en,US,US-CA`),
    ];
    const created = await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: as('responder'),
      payload: { id, title: 'Backup exposed', facts },
    });
    expect(created.statusCode).toBe(201);
    await env.harness.sleep(1000);
    const imported = await app.inject({
      method: 'POST',
      url: `/v1/incidents/${id}/recipients`,
      headers: { ...as('responder'), 'content-type': 'text/csv' },
      payload: `email,locale,country,region\n${people.join('\n')}\n`,
    });
    expect(imported.statusCode).toBe(200);
  }
  const approve = async (id: string, noticeId: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/incidents/${id}/notices/${noticeId}/decision`,
      headers: as('manager'),
      payload: { decision: 'approve' },
    });
    expect(res.statusCode).toBe(200);
  };
  const control = (id: string, action: string, who: 'manager' | 'responder' = 'manager') =>
    app.inject({ method: 'POST', url: `/v1/incidents/${id}/letters/${action}`, headers: as(who) });
  const get = (url: string, who: 'manager' | 'responder' = 'manager') =>
    app.inject({ method: 'GET', url, headers: as(who) });

  it('pause, resume through the page, preview = letter sent, filing package counts people and letters', async () => {
    const id = 'INC-letters-a';
    await report(id, 3, 2);

    // Before any approval: the combined letter's preview, per law checked; no round to pause.
    const preview = await get(`/v1/incidents/${id}/letters/preview?notices=${CA},${GDPR}&locale=en`);
    expect(preview.statusCode).toBe(200);
    const letter = preview.json();
    expect(letter).toMatchObject({ incidentId: id, notices: expect.arrayContaining([GDPR, CA]), combined: true });
    expect(letter.checks.map((c: { missing: string[] }) => c.missing)).toEqual([[], []]);
    expect(letter.text).toContain('Article 34 of the General Data Protection Regulation');
    expect(letter.text).toContain('Cal. Civ. Code');
    const asText = await get(`/v1/incidents/${id}/letters/preview?notices=${GDPR},${CA}&locale=en&format=text`);
    expect([asText.headers['content-type'], asText.body]).toEqual(['text/plain; charset=utf-8', letter.text]);
    expect((await get(`/v1/incidents/${id}/letters/preview?notices=${GDPR},nope:x`)).statusCode).toBe(404);
    expect((await get(`/v1/incidents/${id}/letters/preview?notices=gdpr:authority:DE`)).statusCode).toBe(400);
    expect((await control(id, 'pause')).statusCode).toBe(404);

    // The page lists, for each individuals notice, the letters it is part of, with a preview link.
    const manager = await signIn(app, 'tok-letters-manager');
    const page = await app.inject({ method: 'GET', url: `/ui/incidents/${id}`, headers: { cookie: manager.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Letters to the affected people');
    expect(page.body).toContain('No round has started');
    const links = [...page.body.matchAll(/href="(\/ui\/incidents\/[^"]+\/letters\/preview\?[^"]+)"/g)].map((m) =>
      m[1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '='),
    );
    const combinedLink = `/ui/incidents/${id}/letters/preview?notices=${encodeURIComponent(`${GDPR},${CA}`)}&locale=en`;
    // GDPR: alone (Germans) and combined (Californians); CA: combined only.
    expect(links.filter((l) => l === combinedLink)).toHaveLength(2);
    expect(links).toContain(`/ui/incidents/${id}/letters/preview?notices=${encodeURIComponent(GDPR)}&locale=en`);
    const previewPage = await app.inject({ method: 'GET', url: combinedLink, headers: { cookie: manager.cookie } });
    expect(previewPage.statusCode).toBe(200);
    expect(previewPage.body).toContain(letter.variantHash);

    // GDPR approved: a round for the Germans, caught in flight and paused.
    gated.arm();
    await approve(id, GDPR);
    await gated.inFlight();
    expect((await control(id, 'pause', 'responder')).statusCode).toBe(403);
    const paused = await control(id, 'pause');
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ round: `${id}/letters/1`, running: true, paused: true, total: 3 });
    expect((await control(id, 'pause')).json()).toMatchObject({ message: expect.stringContaining('already paused') });
    gated.open();
    await env.harness.sleep(2000);
    // One batch (one letter) went before the pause took hold; the rest wait.
    const held = await get(`/v1/incidents/${id}/letters`);
    expect(held.json().letters).toMatchObject({ sent: 1, pending: 2 });

    // The page shows the round paused with Resume; a second pause is refused with the round's reason.
    const pausedPage = await app.inject({
      method: 'GET',
      url: `/ui/incidents/${id}`,
      headers: { cookie: manager.cookie },
    });
    expect(pausedPage.body).toContain(`Latest round: ${id}/letters/1`);
    expect(pausedPage.body).toMatch(/<strong>Paused\.<\/strong>/);
    expect(pausedPage.body).toMatch(/<button type="submit" name="action" value="resume">Resume<\/button>/);
    const refused = await postForm(app, `/ui/incidents/${id}/letters/campaign`, manager.cookie, {
      _csrf: manager.csrf,
      action: 'pause',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('already paused');
    const resumed = await postForm(app, `/ui/incidents/${id}/letters/campaign`, manager.cookie, {
      _csrf: manager.csrf,
      action: 'resume',
    });
    expect([resumed.statusCode, resumed.headers.location]).toEqual([
      303,
      `/ui/incidents/${id}?done=letters-resumed#letters-h`,
    ]);
    await env.harness.sleep(3000);
    expect((await get(`/v1/incidents/${id}/letters`)).json().letters).toMatchObject({ sent: 3, pending: 0 });

    // CA approved: the Californians' combined letter is the one previewed, byte for byte.
    gated.arm();
    gated.open();
    await approve(id, CA);
    await env.harness.sleep(3000);
    const { rows } = await env.db.query<{ variant_hash: string; notice_ids: string[] }>(
      `SELECT l.variant_hash, l.notice_ids FROM letters l WHERE l.incident_id = $1 AND cardinality(l.notice_ids) > 1`,
      [id],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.variant_hash).toBe(letter.variantHash);

    // Filing packages: people and letters apart from the obligation.
    const gdpr = (await get(`/v1/incidents/${id}/notices/${GDPR}/filing-package`)).json();
    expect(gdpr.letters).toEqual({
      peopleCovered: 5,
      peopleTold: 5,
      lettersSent: 5,
      combined: 2,
      supplementary: 0,
      combinedWith: [CA],
    });
    const ca = (await get(`/v1/incidents/${id}/notices/${CA}/filing-package`)).json();
    expect(ca.letters).toEqual({
      peopleCovered: 2,
      peopleTold: 2,
      lettersSent: 2,
      combined: 2,
      supplementary: 0,
      combinedWith: [GDPR],
    });
    const authority = (await get(`/v1/incidents/${id}/notices/gdpr:authority:DE/filing-package`)).json();
    expect(authority.letters).toBeUndefined();
    // The round has finished: nothing to pause.
    expect((await control(id, 'pause')).statusCode).toBe(409);
  }, 120_000);

  it('cancel stops a round: the letters not yet sent are cancelled', async () => {
    const id = 'INC-letters-b';
    await report(id, 3, 0);
    gated.arm();
    await approve(id, GDPR);
    await gated.inFlight();
    expect((await control(id, 'pause')).statusCode).toBe(200);
    const cancelled = await control(id, 'cancel');
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ cancelRequested: true });
    gated.open();
    await env.harness.sleep(3000);
    expect((await get(`/v1/incidents/${id}/letters`)).json().letters).toMatchObject({
      total: 3,
      sent: 1,
      cancelled: 2,
      pending: 0,
    });
    expect((await control(id, 'resume')).statusCode).toBe(409);
  }, 120_000);
});
