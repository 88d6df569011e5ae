/**
 * A stand-in for clamd on 127.0.0.1 that speaks its protocol but knows one signature, EICAR. Debian's ClamAV
 * cannot download signatures here, so the clamd adapter is tested against this (docs: DESIGN.md).
 * It follows clamd 1.x (man clamd(8); clamd/server-th.c `handle_stream`): `z` commands end in `\0` and so do
 * replies; INSTREAM chunks carry a 4-byte big-endian length; a chunk longer than what is left of
 * StreamMaxLength is refused before its data is read, with `INSTREAM size limit exceeded. ERROR`, and the
 * connection is closed at once (unread input makes the kernel reset it, as with clamd).
 */
import { createServer, type Socket } from 'node:net';

// The EICAR test file: a harmless string that every virus scanner reports as a virus by design. Written out in
// one piece it would make scanners on developers' machines and in CI quarantine this file, so it is joined here.
export const EICAR = [
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$',
  'EICAR-STANDARD-',
  'ANTIVIRUS-TEST-FILE!',
  '$H+H*',
].join('');
export const EICAR_SIGNATURE = 'Eicar-Test-Signature';
/** clamd's default StreamMaxLength (100M, common/optparser.c). */
const DEFAULT_STREAM_MAX_LENGTH = 100 * 1024 * 1024;

/**
 * Faults to simulate: `never-answer` reads the whole stream but never replies; `close-immediately` closes each
 * connection as it opens; `{ answer }` replies `answer` (raw, add `\0` yourself) instead of the verdict and
 * then closes, or right after the command when `early` is set.
 */
export type FakeClamdFault = 'never-answer' | 'close-immediately' | { answer: string; early?: boolean };

export interface FakeClamdOptions {
  streamMaxLength?: number;
  fault?: FakeClamdFault;
}

export interface FakeClamd {
  port: number;
  /** Stream bytes received in INSTREAM chunks, over all connections so far. */
  readonly receivedBytes: number;
  /** Closes the server and every open connection. */
  close(): Promise<void>;
}

export async function startFakeClamd(options: FakeClamdOptions = {}): Promise<FakeClamd> {
  const sockets = new Set<Socket>();
  const stats = { receivedBytes: 0 };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (options.fault === 'close-immediately') {
      socket.destroy();
      return;
    }
    const session = new Session(socket, options, stats);
    socket.on('data', (data: Buffer) => session.receive(data));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake clamd has no TCP port');
  return {
    port: address.port,
    get receivedBytes() {
      return stats.receivedBytes;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** One connection: a command, then for INSTREAM the chunks, parsed from bytes as they arrive. */
class Session {
  private state: 'command' | 'length' | 'data' | 'done' = 'command';
  private pending: Buffer = Buffer.alloc(0);
  private quota: number;
  private chunkLeft = 0;
  private infected = false;
  /** The last bytes seen, so EICAR is found across chunk boundaries without keeping the stream. */
  private tail: Buffer = Buffer.alloc(0);

  constructor(
    private readonly socket: Socket,
    private readonly options: FakeClamdOptions,
    private readonly stats: { receivedBytes: number },
  ) {
    this.quota = options.streamMaxLength ?? DEFAULT_STREAM_MAX_LENGTH;
  }

  receive(data: Buffer): void {
    if (this.state === 'done') return;
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, data]) : data;
    let progress = true;
    // Every step that ends the session returns false.
    while (progress) {
      if (this.state === 'command') progress = this.readCommand();
      else if (this.state === 'length') progress = this.readLength();
      else progress = this.readData();
    }
  }

  private readCommand(): boolean {
    const end = this.pending.indexOf(0);
    if (end === -1) return false;
    const command = this.pending.subarray(0, end).toString();
    this.pending = this.pending.subarray(end + 1);
    const fault = this.options.fault;
    if (typeof fault === 'object' && fault.early) return this.finish(fault.answer);
    if (command === 'zPING') return this.finish('PONG\0');
    if (command !== 'zINSTREAM') return this.finish('UNKNOWN COMMAND\0');
    this.state = 'length';
    return true;
  }

  private readLength(): boolean {
    if (this.pending.length < 4) return false;
    const length = this.pending.readUInt32BE(0);
    this.pending = this.pending.subarray(4);
    if (length === 0) return this.reply();
    if (length > this.quota) {
      // clamd answers and shuts the socket without reading on (server-th.c); unread input turns into a reset.
      this.state = 'done';
      this.socket.write('INSTREAM size limit exceeded. ERROR\0');
      this.socket.destroy();
      return false;
    }
    this.quota -= length;
    this.chunkLeft = length;
    this.state = 'data';
    return true;
  }

  private readData(): boolean {
    if (this.pending.length === 0) return false;
    const piece = this.pending.subarray(0, this.chunkLeft);
    this.pending = this.pending.subarray(piece.length);
    this.chunkLeft -= piece.length;
    this.stats.receivedBytes += piece.length;
    const window = Buffer.concat([this.tail, piece]);
    if (window.includes(EICAR)) this.infected = true;
    this.tail = Buffer.from(window.subarray(Math.max(0, window.length - (EICAR.length - 1))));
    if (this.chunkLeft === 0) this.state = 'length';
    return true;
  }

  private reply(): boolean {
    const fault = this.options.fault;
    if (fault === 'never-answer') {
      this.state = 'done';
      return false;
    }
    if (typeof fault === 'object') return this.finish(fault.answer);
    return this.finish(this.infected ? `stream: ${EICAR_SIGNATURE} FOUND\0` : 'stream: OK\0');
  }

  /** Sends the last reply and half-closes; anything the client still sends is read and ignored. */
  private finish(reply: string): boolean {
    this.state = 'done';
    this.socket.end(reply);
    return false;
  }
}
