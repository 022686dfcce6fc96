/**
 * The outbox transport's file names (activities/mail/mailer.ts): `<ISO time, ':' → '-'>-<safe
 * Message-ID>.eml`, the safe id being the Message-ID without angle brackets, anything outside
 * [A-Za-z0-9._@-] replaced by '_'. A resend after a lost acknowledgement writes a second file
 * with the same Message-ID, so one message may have several files.
 */
import { readdir } from 'node:fs/promises';
import { safeMessageIdForFile } from '../mail';

const FILE_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?Z-(.+)\.eml$/;

export interface OutboxIndex {
  /** Files whose Message-ID is exactly this one. */
  byMessageId(messageId: string): string[];
  /** Files whose Message-ID's local part is this (any domain): messages whose id was never recorded. */
  byLocalPart(localPart: string): string[];
}

export async function indexOutbox(dir: string | undefined): Promise<OutboxIndex> {
  const bySafeId = new Map<string, string[]>();
  const byLocal = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  let names: string[] = [];
  if (dir) {
    try {
      names = await readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  for (const name of names) {
    const m = FILE_NAME.exec(name);
    if (!m) continue;
    add(bySafeId, m[1], name);
    add(byLocal, m[1].split('@')[0], name);
  }
  return {
    byMessageId: (id) => bySafeId.get(safeMessageIdForFile(id)) ?? [],
    byLocalPart: (local) => byLocal.get(local) ?? [],
  };
}
