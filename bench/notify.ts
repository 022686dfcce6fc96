/**
 * Mass notification throughput: N recipients end to end (notifyRecipients workflow on the real
 * worker against the in-process dev server, batch activity, store, evidence) into a local SMTP sink, against a raw nodemailer loop
 * with the same pool to the same sink, measured in the same run.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodemailer from 'nodemailer';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const root = join(__dirname, '..');

/** The sink runs in a child process; this is its remote control. */
async function startSink() {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'smtp-sink.ts')], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const ask = async (cmd: string) => {
    const reply = next();
    child.stdin.write(`${cmd}\n`);
    return reply;
  };
  const url = (await next()).replace(/^url /, '');
  return {
    url,
    reset: () => ask('reset'),
    async stats(): Promise<{ messages: number; recipients: number; duplicates: number }> {
      return JSON.parse((await ask('stats')).replace(/^stats /, ''));
    },
    async close() {
      child.stdin.write('quit\n');
      await new Promise((r) => child.on('exit', r));
    },
  };
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export async function benchNotify(args: string[]): Promise<Record<string, unknown>> {
  const n = Number(args[0] ?? process.env.BENCH_PEOPLE ?? 20_000);
  const [
    { createActivities },
    { createLedger },
    { createMailer, smtpPoolOptions },
    notices,
    { loadPlan },
    { openDatabase },
    { createDevServerHarness },
    fixtures,
    { holidays, ruleSet },
  ] = await Promise.all([
    import('../activities'),
    import('../activities/ledger/ledger'),
    import('../activities/mail'),
    import('../activities/notices'),
    import('../activities/plans/load'),
    import('../activities/store/db'),
    import('../test/harness/dev-server-backend'),
    import('../test/recipients/campaign-fixtures'),
    import('../test/fixtures'),
  ]);

  const sink = await startSink();
  const dir = mkdtempSync(join(tmpdir(), 'bre-bench-notify-'));
  // The embedded store by default; BENCH_DATABASE_URL measures against PostgreSQL instead.
  const dataDir = process.env.BENCH_DATABASE_URL ?? join(dir, 'pglite');
  const storeOptions = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { dataDir };
  const incidentId = `INC-bench-${Date.now()}`;
  // Set-up, not measured, in its own process: a new PGlite folder runs initdb once, whose memory
  // peak is not what a deployed engine (opening an existing folder) uses.
  const setup = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', join(__dirname, 'notify-setup.ts'), dataDir, incidentId, String(n), String(ROUNDS)],
    { cwd: root, stdio: 'inherit' },
  );
  const setupCode = await new Promise<number | null>((resolve) => setup.on('exit', resolve));
  if (setupCode !== 0) throw new Error(`benchmark set-up failed (exit ${setupCode})`);
  const renderer = notices.createNoticeRenderer({ templatesDir: notices.DEFAULT_TEMPLATES_DIR });
  const notice = fixtures.massNotice(incidentId);
  const kind = notice.kind;
  const rendered = renderer.render(kind, 'en', notices.buildNoticeContext(kind, { ...notice.request, locale: 'en' }));
  const rawLoop = async (count: number, prefix: string) => {
    const transport = nodemailer.createTransport(smtpPoolOptions(sink.url));
    let next = 0;
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        while (next < count) {
          const i = next++;
          await transport.sendMail({
            from: notice.from,
            to: `${prefix}${i}@example.net`,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
          });
        }
      }),
    );
    transport.close();
  };
  await rawLoop(Math.min(1000, n), 'warmup'); // JIT and sockets warm for both measurements
  await sink.reset();

  let peakRss = process.memoryUsage().rss;
  let atPeak = process.memoryUsage();
  // RSS over each engine round (ms since its start, MB), to show whether memory stays flat as the count grows.
  let timeline: { at: number; rssMB: number }[] | null = null;
  let roundStart = 0;
  let lastSample = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) {
      peakRss = m.rss;
      atPeak = m;
    }
    const now = performance.now();
    if (timeline && now - lastSample >= 1000) {
      lastSample = now;
      timeline.push({ at: Math.round(now - roundStart), rssMB: Math.round(m.rss / 1_048_576) });
    }
  }, 50);
  /** RSS at 25/50/75/100 % of a round's duration, and its own peak. */
  const quartiles = (samples: { at: number; rssMB: number }[], ms: number) => {
    const at = (f: number) => samples.filter((x) => x.at <= ms * f).at(-1)?.rssMB ?? null;
    return {
      '25%': at(0.25),
      '50%': at(0.5),
      '75%': at(0.75),
      '100%': at(1),
      peak: Math.max(...samples.map((x) => x.rssMB)),
    };
  };
  const rssBeforeStore = process.memoryUsage().rss;
  const db = await openDatabase(storeOptions);
  const rssWithStore = process.memoryUsage().rss;
  try {
    // Rounds alternate baseline and engine, so drift on a noisy machine hits both; the median counts.
    const rounds: {
      people: number;
      letters: number;
      combinedLetters: number;
      obligationsSatisfied: Record<string, number>;
      messagesReceived: number;
      peopleWithMoreThanOneLetter: number;
      baselineMsgsPerSec: number;
      msgsPerSec: number;
      ratio: number;
      lost: number;
      duplicates: number;
      historyEvents: number;
      runs: number;
      rssMB: ReturnType<typeof quartiles>;
      rssTimeline: { at: number; rssMB: number }[];
    }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Baseline: the same notice through a raw nodemailer loop on the same pool, 5 in flight.
      const t0 = performance.now();
      await rawLoop(n, `r${round}-person`);
      const baselineSeconds = (performance.now() - t0) / 1000;
      const baselineStats = await sink.stats();
      if (baselineStats.recipients !== n) throw new Error(`baseline delivered ${baselineStats.recipients} of ${n}`);
      await sink.reset();

      // The engine: workflow → batch activity → store → SMTP → evidence.
      const roundIncident = `${incidentId}-${round}`;
      const notice = fixtures.massNotice(roundIncident);
      const mailer = createMailer({ smtpUrl: sink.url, outboxDir: dir });
      const activities = createActivities({
        db,
        ledger: createLedger(db),
        mailer,
        renderer,
        rules: ruleSet,
        holidays,
        plans: loadPlan,
        clock: () => new Date(),
      });
      const harness = await createDevServerHarness({ activities, startTime: new Date('2026-03-02T09:15:00Z') });
      // One round of letters over two approved obligations: everyone gets one letter, a third of them combined.
      const workflowId = `${roundIncident}/letters/1`;
      const parts = fixtures.letterParts(roundIncident);
      const t1 = performance.now();
      timeline = [];
      roundStart = t1;
      lastSample = 0;
      const handle = await harness.client.workflow.start('notifyRecipients', {
        workflowId,
        taskQueue: harness.taskQueue,
        args: [
          {
            incidentId: roundIncident,
            noticeId: workflowId,
            audience: [],
            notice,
            letters: { parts, blocked: [], from: notice.from, replyTo: notice.replyTo },
            batchSize: 500,
            // Diagnostic: memory per workflow run (continue-as-new sooner); unset = the engine's default.
            ...(process.env.BENCH_BATCHES_PER_RUN ? { batchesPerRun: Number(process.env.BENCH_BATCHES_PER_RUN) } : {}),
          },
        ],
      });
      const summary = (await handle.result()) as {
        sent: number;
        total: number;
        letters: {
          people: number;
          letters: number;
          combined: number;
          obligations: { noticeId: string; sent: number }[];
        };
      };
      const seconds = (performance.now() - t1) / 1000;
      const rssTimeline = timeline;
      timeline = null;
      if (summary.total !== n)
        throw new Error(`round ${round}: campaign saw ${summary.total} recipients, expected ${n}`);
      const chain = await harness.runs(workflowId);
      const historyEvents = chain.reduce((sum, r) => sum + r.historyLength, 0);
      const runs = chain.length;
      await harness.teardown();
      mailer.close();
      const { recipients: delivered, duplicates, messages } = await sink.stats();
      await sink.reset();
      rounds.push({
        people: summary.letters.people,
        letters: summary.letters.letters,
        combinedLetters: summary.letters.combined,
        obligationsSatisfied: Object.fromEntries(summary.letters.obligations.map((o) => [o.noticeId, o.sent])),
        messagesReceived: messages,
        // Nobody two letters: every address received exactly one message.
        peopleWithMoreThanOneLetter: duplicates,
        baselineMsgsPerSec: Math.round(n / baselineSeconds),
        msgsPerSec: Math.round(n / seconds),
        ratio: +(n / seconds / (n / baselineSeconds)).toFixed(3),
        lost: n - delivered,
        duplicates,
        historyEvents,
        runs,
        rssMB: quartiles(rssTimeline, seconds * 1000),
        // Thinned to at most ~40 points for the results file.
        rssTimeline: rssTimeline.filter((_, i) => i % Math.max(1, Math.ceil(rssTimeline.length / 40)) === 0),
      });
    }
    const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];
    return {
      recipients: n,
      workload: 'letters: GDPR (everyone) + California (a third of the people), one letter per person',
      people: median.people,
      letters: median.letters,
      combinedLetters: median.combinedLetters,
      obligationsSatisfied: median.obligationsSatisfied,
      peopleWithMoreThanOneLetter: Math.max(...rounds.map((r) => r.peopleWithMoreThanOneLetter)),
      store: db.kind,
      rounds: rounds.length,
      msgsPerSec: median.msgsPerSec,
      baselineMsgsPerSec: median.baselineMsgsPerSec,
      baseline: 'raw nodemailer sendMail loop, same pool options, 5 in flight, same sink (a separate process)',
      ratio: median.ratio,
      lost: Math.max(...rounds.map((r) => r.lost)),
      duplicates: Math.max(...rounds.map((r) => r.duplicates)),
      historyEventsPer100k: Math.round((median.historyEvents * 100_000) / n),
      historyBackend: 'real histories from the in-process dev server (all runs of the continue-as-new chain)',
      runs: median.runs,
      peakRssMB: Math.round(peakRss / 1_048_576),
      // The median round's RSS at 25/50/75/100 % of its duration: flat memory means these stay level.
      rssDuringRunMB: median.rssMB,
      memoryMB: {
        beforeStore: Math.round(rssBeforeStore / 1_048_576),
        withStore: Math.round(rssWithStore / 1_048_576),
        atPeak: Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, Math.round(v / 1_048_576)])),
      },
      perRound: rounds,
      targets: {
        ratio: '>= 0.9',
        lost: 0,
        duplicates: 0,
        peopleWithMoreThanOneLetter: 0,
        historyEventsPer100k: '<= 2000',
        peakRssMB: '<= 350',
      },
    };
  } finally {
    clearInterval(sampler);
    await db.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
