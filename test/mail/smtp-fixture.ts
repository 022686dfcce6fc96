/** A real SMTP server on 127.0.0.1 for the mailer tests: plain TCP, no TLS, optional auth. */
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface Received {
  raw: Buffer;
  mailFrom: string;
  rcptTo: string[];
}

export interface TestServer {
  url: string;
  port: number;
  received: Received[];
  close(): Promise<void>;
}

/** An SMTP error with a reply code, as smtp-server sends it. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export interface ServerBehaviour {
  /** Reply to RCPT TO for this address: undefined accepts, a [code, text] pair rejects. */
  rcpt?: (address: string) => [number, string] | undefined;
  /** Reply at the end of DATA for the n-th message (1-based, counting refused ones): a [code, text] pair refuses it. */
  data?: (n: number) => [number, string] | undefined;
  /** Drop every open connection, without a reply, when the n-th message's data has arrived. */
  dropAt?: (n: number) => boolean;
}

export async function startSmtpServer(behaviour: ServerBehaviour = {}): Promise<TestServer> {
  const received: Received[] = [];
  let dataCount = 0;
  const server: SMTPServer = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const reply = behaviour.rcpt?.(address.address);
      if (reply) return callback(smtpError(reply[0], reply[1]));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const n = ++dataCount;
        if (behaviour.dropAt?.(n)) {
          // What a crashed or overloaded server looks like from the client: the socket just goes.
          for (const c of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections)
            c._socket.destroy();
          return;
        }
        const refused = behaviour.data?.(n);
        if (refused) return callback(smtpError(refused[0], refused[1]));
        received.push({
          raw: Buffer.concat(chunks),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        });
        callback(null, `Message queued as Q${received.length}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client that dies mid-session (the crash test kills one) resets its socket: that is the
  // client's story, not a server failure, and must not end the test run as an unhandled error.
  server.removeAllListeners('error');
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err;
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}
