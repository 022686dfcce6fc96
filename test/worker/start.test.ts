import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Payload } from '@temporalio/common';
import { EncryptionCodec, parseKey, resolvePayloadKey } from '../../worker/codec';
import { loadConfig } from '../../worker/config';
import { devTokens } from '../../worker/tokens';

const root = join(__dirname, '..', '..');

/** `npm start`, as a user runs it, with the given environment (nothing inherited that could reach Temporal). */
function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bre-start-'));
  return spawnSync(process.execPath, ['--require', 'tsx/cjs', join(root, 'cli/start.ts')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      DATA_DIR: join(dir, 'data'),
      OUTBOX_DIR: join(dir, 'outbox'),
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
}

describe('npm start fails fast, with one clear line', () => {
  it('NODE_ENV=production without TEMPORAL_ADDRESS: exit 2, no fallback', () => {
    const r = start({ NODE_ENV: 'production' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'breach-response-engine: configuration error: TEMPORAL_ADDRESS: required when NODE_ENV=production',
    );
  });

  it('NODE_ENV=production without API_TOKENS: exit 2, no development tokens', () => {
    const r = start({ NODE_ENV: 'production', TEMPORAL_ADDRESS: '127.0.0.1:9' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'breach-response-engine: configuration error: API_TOKENS: required when NODE_ENV=production (at least one admin; more with `cli tokens create`)',
    );
  });

  it('with an unreachable TEMPORAL_ADDRESS', () => {
    const r = start({ TEMPORAL_ADDRESS: '127.0.0.1:9' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot reach Temporal at TEMPORAL_ADDRESS=127\.0\.0\.1:9/);
  }, 90_000);

  it('with bad configuration: exit 2 naming the variable', () => {
    const r = start({ PORT: 'eighty' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^breach-response-engine: configuration error: PORT: /);
  }, 90_000);
});

describe('configuration', () => {
  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a postgres:\/\/ URL/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL/],
    [{ API_TOKENS: 'short=alice:manager' }, /API_TOKENS: .*token=person:role/],
    [{ API_TOKENS: 'aaaaaaaaaaaaaaaaaaaa=alice:overlord' }, /API_TOKENS/],
    [
      { SMTP_DKIM_DOMAIN: 'example.org' },
      /SMTP_DKIM_DOMAIN: set SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR and SMTP_DKIM_PRIVATE_KEY_FILE together/,
    ],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('has working defaults and parses tokens', () => {
    const c = loadConfig({
      API_TOKENS: 'aaaaaaaaaaaaaaaaaaaa=alice@example.org:manager, bbbbbbbbbbbbbbbbbbbb=bob:auditor',
    });
    expect(c).toMatchObject({ PORT: 3000, TEMPORAL_NAMESPACE: 'default', DATA_DIR: './data', OUTBOX_DIR: './outbox' });
    expect(c.TEMPORAL_ADDRESS).toBeUndefined();
    expect(c.API_TOKENS?.get('bbbbbbbbbbbbbbbbbbbb')).toEqual({ id: 'bob', role: 'auditor' });
  });

  it('generates development tokens once, one per role', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bre-tokens-'));
    const first = devTokens(dir);
    const again = devTokens(dir);
    expect([...first.tokens.values()].map((a) => a.role).sort()).toEqual([
      'admin',
      'auditor',
      'legal',
      'manager',
      'responder',
    ]);
    expect([...again.tokens.keys()]).toEqual([...first.tokens.keys()]);
  });
});

describe('payload encryption (AES-256-GCM)', () => {
  const payload: Payload = {
    metadata: { encoding: Buffer.from('json/plain') },
    data: Buffer.from('{"nature":"secret"}'),
  };

  it('round-trips, and the ciphertext does not contain the plaintext', async () => {
    const codec = new EncryptionCodec(parseKey('11'.repeat(32)));
    const [enc] = await codec.encode([payload]);
    expect(Buffer.from(enc.data!).toString()).not.toContain('secret');
    expect(Buffer.from(enc.metadata!.encoding!).toString()).toBe('binary/encrypted');
    const [dec] = await codec.decode([enc]);
    expect(Buffer.from(dec.data!).toString()).toBe('{"nature":"secret"}');
  });

  it('detects tampering and a wrong key', async () => {
    const codec = new EncryptionCodec(parseKey('11'.repeat(32)));
    const [enc] = await codec.encode([payload]);
    const tampered = { ...enc, data: Buffer.from(enc.data!).map((b, i) => (i === 20 ? b ^ 1 : b)) };
    await expect(codec.decode([tampered])).rejects.toThrow();
    await expect(new EncryptionCodec(parseKey('22'.repeat(32))).decode([enc])).rejects.toThrow();
  });

  it('generates a key once into the data folder, with a warning', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bre-key-')), 'payload.key');
    const warnings: string[] = [];
    const k1 = resolvePayloadKey(undefined, file, (m) => warnings.push(m));
    const k2 = resolvePayloadKey(undefined, file, (m) => warnings.push(m));
    expect(k1.equals(k2)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(() => parseKey('too-short')).toThrow(/32 bytes/);
  });
});
