/**
 * Verifying one incident's entries where they sit in the shared chain. One store for the file (a
 * store takes seconds to open): each case tampers with its own pair of interleaved incidents, and
 * the deletion, which breaks the chain for everyone after it, comes last.
 */
import type { Ledger } from '../../activities/ledger/ledger';
import type { Db } from '../../activities/store/db';
import { appendSteps, openLedger, tamper } from './fixtures';

const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 8, m)).toISOString();

describe('ledger.verifyIncident', () => {
  let db: Db;
  let ledger: Ledger;
  /** Seqs of X and Y, interleaved: X, Y, X, Y, ... */
  async function pair(x: string, y: string): Promise<{ x: number[]; y: number[] }> {
    const seqs = { x: [] as number[], y: [] as number[] };
    for (let i = 0; i < 3; i++) {
      seqs.x.push((await appendSteps(ledger, x, [{ action: 'note', at: at(2 * i), payload: { i } }]))[0].seq);
      seqs.y.push((await appendSteps(ledger, y, [{ action: 'note', at: at(2 * i + 1), payload: { i } }]))[0].seq);
    }
    return seqs;
  }
  beforeAll(async () => {
    ({ db, ledger } = await openLedger());
  });
  afterAll(async () => db.close());

  it("is intact with the incident's own count and head; names an altered row of it, and not another incident's", async () => {
    const { x } = await pair('INC-A', 'INC-B');
    const entries = await ledger.list({ incidentId: 'INC-A' });
    expect(await ledger.verifyIncident('INC-A')).toEqual({ ok: true, count: 3, head: entries[2].hash });
    expect(await ledger.verifyIncident('INC-A', { throughSeq: x[1] })).toEqual({
      ok: true,
      count: 2,
      head: entries[1].hash,
    });
    expect(await ledger.incidentIds()).toEqual(['INC-A', 'INC-B']);
    expect(await ledger.verifyIncident('INC-none')).toMatchObject({ ok: true, count: 0 });

    await tamper(db, `UPDATE ledger_entries SET payload = '{"i": 99}'::jsonb WHERE seq = $1`, [x[1]]);
    expect(await ledger.verifyIncident('INC-A')).toMatchObject({
      ok: false,
      count: 1,
      firstBadSeq: x[1],
      reason: expect.stringMatching(new RegExp(`hash mismatch at seq ${x[1]}`)),
    });
    // B's rows still hash right, and each links to the stored hash of the row before it.
    expect(await ledger.verifyIncident('INC-B')).toMatchObject({ ok: true, count: 3 });
  });

  it('names a rewritten predecessor (its hash replaced) as a broken link at its own row', async () => {
    const { x, y } = await pair('INC-C', 'INC-D');
    await tamper(db, `UPDATE ledger_entries SET hash = repeat('c', 64) WHERE seq = $1`, [y[0]]);
    expect(await ledger.verifyIncident('INC-C')).toMatchObject({
      ok: false,
      count: 1,
      firstBadSeq: x[1],
      reason: expect.stringMatching(new RegExp(`broken link at seq ${x[1]}`)),
    });
  });

  it('names a deleted row after its first entry, whichever incident it held', async () => {
    const { x, y } = await pair('INC-E', 'INC-F');
    await tamper(db, 'DELETE FROM ledger_entries WHERE seq = $1', [y[1]]);
    expect(await ledger.verifyIncident('INC-E')).toMatchObject({
      ok: false,
      count: 2,
      firstBadSeq: y[1],
      reason: expect.stringMatching(new RegExp(`seq ${y[1]} is absent`)),
    });
    // The row right before E's first entry is gone too.
    await tamper(db, 'DELETE FROM ledger_entries WHERE seq = $1', [x[0] - 1]);
    expect(await ledger.verifyIncident('INC-E')).toMatchObject({ ok: false, count: 0, firstBadSeq: x[0] - 1 });
  });
});
