/**
 * An SMTP sink in its own process, so its parsing cost and memory do not count against what is
 * measured. It prints its URL, then answers "count" / "reset" / "stats" lines on stdin.
 */
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';

const perRecipient = new Map<string, number>();
let messages = 0;
const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, session, cb) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      messages++;
      for (const r of session.envelope.rcptTo) perRecipient.set(r.address, (perRecipient.get(r.address) ?? 0) + 1);
      cb(null, `queued ${messages}`);
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`url smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'reset') {
    perRecipient.clear();
    messages = 0;
    process.stdout.write('ok\n');
  }
  if (line === 'stats') {
    const duplicates = [...perRecipient.values()].reduce((d, c) => d + (c - 1), 0);
    process.stdout.write(`stats ${JSON.stringify({ messages, recipients: perRecipient.size, duplicates })}\n`);
  }
  if (line === 'quit') server.close(() => process.exit(0));
});
