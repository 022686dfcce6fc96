import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const ENCODING = 'binary/encrypted';
const CIPHER = 'aes-256-gcm';
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/**
 * Encrypts every Temporal payload with AES-256-GCM, so the Temporal server and its history hold
 * ciphertext only. The key id travels in the metadata, ready for key rotation.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(
    private readonly key: Buffer,
    private readonly keyId = 'default',
  ) {
    if (key.length !== 32) throw new Error('PAYLOAD_KEY must be 32 bytes (64 hex characters or 44 base64 characters)');
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_LENGTH);
      const cipher = createCipheriv(CIPHER, this.key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCODING), 'encryption-key-id': Buffer.from(this.keyId) },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (Buffer.from(payload.metadata?.[METADATA_ENCODING_KEY] ?? []).toString() !== ENCODING) return payload;
      const keyId = Buffer.from(payload.metadata?.['encryption-key-id'] ?? []).toString();
      if (keyId !== this.keyId) throw new ValueError(`payload encrypted with unknown key id "${keyId}"`);
      const data = Buffer.from(payload.data ?? []);
      if (data.length < IV_LENGTH + TAG_LENGTH) throw new ValueError('encrypted payload is truncated');
      const decipher = createDecipheriv(CIPHER, this.key, data.subarray(0, IV_LENGTH));
      decipher.setAuthTag(data.subarray(data.length - TAG_LENGTH));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_LENGTH, data.length - TAG_LENGTH)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}

export function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('PAYLOAD_KEY must be 32 bytes, given as 64 hex characters or base64');
  return key;
}

/**
 * The key from PAYLOAD_KEY, or one generated once into the data folder (with a warning: whoever
 * loses that file loses every running incident's history).
 */
export function resolvePayloadKey(envKey: string | undefined, keyFile: string, warn: (msg: string) => void): Buffer {
  if (envKey) return parseKey(envKey);
  if (existsSync(keyFile)) return parseKey(readFileSync(keyFile, 'utf8'));
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString('hex') + '\n', { mode: 0o600 });
  warn(
    `PAYLOAD_KEY is not set: generated a payload encryption key in ${keyFile}. Back it up, or set PAYLOAD_KEY; without it running incidents cannot be read.`,
  );
  return key;
}
