import { createDrillGuard, DRILL_FIRST_LINE, DRILL_SUBJECT_PREFIX } from '../../activities/drills/guard';
import { createDrillStore } from '../../activities/drills/store';
import type { Db } from '../../activities/store/db';
import { openTestDatabase } from '../store/template';

describe('the drill guard: a drill writes only to its participants', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDatabase();
    await createDrillStore(db).register({
      incidentId: 'DRILL-q1-20260302T0800',
      drillId: 'q1',
      planId: 'default',
      scenarioId: 'ransomware-eu',
      participants: ['dpo@example.org', 'Security-Manager@example.org'],
      standIn: 'dpo@example.org',
      startedAt: '2026-03-02T08:00:00Z',
    });
  });
  afterAll(() => db.close());
  const guard = () => createDrillGuard(createDrillStore(db));

  it('lets participants through, case-insensitively, and refuses anyone else as a permanent failure', async () => {
    await expect(
      guard().check('DRILL-q1-20260302T0800', ['dpo@example.org', 'security-manager@example.org']),
    ).resolves.toBeUndefined();
    await expect(
      guard().check('DRILL-q1-20260302T0800', ['dpo@example.org', 'mailbox@datenschutz-berlin.de']),
    ).rejects.toMatchObject({
      type: 'DrillRecipientRefused',
      nonRetryable: true,
      message: expect.stringContaining('refused mailbox@datenschutz-berlin.de'),
    });
  });

  it('refuses everything for a drill incident that is not registered', async () => {
    await expect(guard().check('DRILL-unknown-20260302T0800', ['dpo@example.org'])).rejects.toMatchObject({
      type: 'DrillRecipientRefused',
    });
  });

  it('leaves real incidents alone', async () => {
    await expect(guard().check('INC-20260302-ABCDEF', ['anyone@example.net'])).resolves.toBeUndefined();
    const mail = {
      to: ['a@example.net'],
      subject: 'Notice',
      text: 'Body',
      html: '<html><body><p>Body</p></body></html>',
    };
    expect(guard().mark('INC-20260302-ABCDEF', mail)).toEqual(mail);
  });

  it('marks a drill message DRILL in its subject and on the first line of each body', () => {
    const marked = guard().mark('DRILL-q1-20260302T0800', {
      to: ['dpo@example.org'],
      subject: 'Notice',
      text: 'Body',
      html: '<html><body class="x"><p>Body</p></body></html>',
    });
    expect(marked.subject).toBe(`${DRILL_SUBJECT_PREFIX}Notice`);
    expect(marked.text.split('\n')[0]).toBe(DRILL_FIRST_LINE);
    expect(marked.html).toBe(
      `<html><body class="x"><p><strong>${DRILL_FIRST_LINE}</strong></p><p>Body</p></body></html>`,
    );
  });
});
