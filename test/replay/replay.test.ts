/**
 * The stored histories (test/replay/histories, made by record.ts) replay against today's
 * workflows/: a change that would break running incidents fails here, before it ships.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EncryptionCodec } from '../../worker/codec';
import { readHistoryFile, replayHistories } from '../../worker/replay';
import { BUNDLE_ENV, workflowBundlePath } from '../harness/bundle';
import { installTestRuntime } from '../harness/runtime';
import { REPLAY_KEY } from './key';

const root = join(__dirname, '..', '..');
const dir = join(__dirname, 'histories');
installTestRuntime();
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const dataConverter = { payloadCodecs: [new EncryptionCodec(REPLAY_KEY)] };
const source = async () => ({ workflowBundle: { codePath: process.env[BUNDLE_ENV] ?? (await workflowBundlePath()) } });

describe('stored workflow histories replay on the current workflow code', () => {
  it('keeps an incident across EU and US laws and a mass notification across continue-as-new', () => {
    expect(files.some((f) => f.startsWith('INC-replay.run'))).toBe(true);
    expect(files.filter((f) => f.startsWith('INC-replay-can_notify')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)(
    '%s replays',
    async (file) => {
      const history = readHistoryFile(join(dir, file));
      expect(await replayHistories([history], dataConverter, await source())).toEqual([]);
    },
    60_000,
  );

  it('a history the code no longer produces fails with the reason', async () => {
    const history = readHistoryFile(join(dir, 'INC-replay.run1.json'));
    const scheduled = history.history.events!.find((e) => e.activityTaskScheduledEventAttributes)!;
    scheduled.activityTaskScheduledEventAttributes!.activityType = { name: 'somethingElse' };
    const failures = await replayHistories([history], dataConverter, await source());
    expect(failures).toEqual([{ workflowId: 'INC-replay', message: expect.stringMatching(/[Nn]ondetermini/) }]);
  }, 60_000);

  it('npm run replay replays an exported history file and says so', () => {
    const file = join(
      dir,
      files.find((f) => f.startsWith('INC-replay-can'))!,
    );
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(root, 'cli/replay.ts'), file], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { PATH: process.env.PATH ?? '', PAYLOAD_KEY: REPLAY_KEY.toString('hex') },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok {3}INC-replay-can\/notify\/gdpr:individuals:DE \(\d+ events\)$/m);
    expect(r.status).toBe(0);
  }, 120_000);
});
