/**
 * A `VirusScanner` backed by ClamAV's daemon, speaking clamd's INSTREAM protocol over TCP (man clamd(8)):
 * `zINSTREAM\0`, then chunks each prefixed by its length as a 4-byte unsigned big-endian integer, then a
 * zero-length chunk; clamd answers one `\0`-terminated line and closes the connection.
 */
import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import {
  type ScanFailureReason,
  type ScanResult,
  type VirusScanner,
  VirusScanUnavailableError,
} from './virus-scan.ts';

export interface ClamdOptions {
  host: string;
  port: number;
  /**
   * How long the connection may go without any progress — connecting, clamd reading our bytes, or clamd's
   * verdict — before the scan fails with a `timeout`. Waiting for the verdict includes clamd's scan of the
   * whole file, so allow for the largest upload.
   */
  timeoutMs: number;
  /** Largest chunk sent in one frame; longer source chunks are split. Default 64 KiB. */
  maxChunkBytes?: number;
}

export interface ClamdScanner extends VirusScanner {
  /** Resolves when clamd answers PING with PONG; rejects with `VirusScanUnavailableError` otherwise. */
  ping(): Promise<void>;
}

const DEFAULT_MAX_CHUNK_BYTES = 64 * 1024;
const MAX_FRAME_BYTES = 0xffff_ffff;
/** clamd answers with one short line; anything longer without its `\0` is not clamd. */
const MAX_REPLY_BYTES = 4096;

// The `z` prefix makes clamd read the command up to `\0` and end its reply with `\0` as well (man clamd(8)).
const INSTREAM_COMMAND = Buffer.from('zINSTREAM\0');
const PING_COMMAND = Buffer.from('zPING\0');
const END_OF_STREAM = Buffer.alloc(4);

/** One INSTREAM frame: the chunk's length as a 4-byte unsigned big-endian integer, then the chunk. */
export function frameChunk(chunk: Uint8Array): Buffer {
  // A zero length is the end-of-stream marker: clamd would scan what came before and never see the rest.
  if (chunk.length === 0) throw new RangeError('an empty INSTREAM chunk would end the stream');
  if (chunk.length > MAX_FRAME_BYTES)
    throw new RangeError(`an INSTREAM chunk holds at most ${MAX_FRAME_BYTES} bytes`);
  const frame = Buffer.allocUnsafe(4 + chunk.length);
  frame.writeUInt32BE(chunk.length, 0);
  frame.set(chunk, 4);
  return frame;
}

/** Reads clamd's answer to INSTREAM (without its `\0`); throws when it is not a verdict. */
export function parseScanReply(reply: string): ScanResult {
  if (reply === 'stream: OK') return { clean: true };
  const found = /^stream: (\S.*) FOUND$/.exec(reply);
  if (found?.[1]) return { clean: false, signature: found[1] };
  if (reply === 'INSTREAM size limit exceeded. ERROR') throw unavailable('size-limit', reply);
  if (reply.endsWith(' ERROR')) throw unavailable('scan-error', reply);
  throw unavailable('bad-reply', `unexpected reply ${quote(reply)}`);
}

/** Creates a scanner that sends every stream to clamd at `host`:`port`, one connection per scan. */
export function createClamdScanner(options: ClamdOptions): ClamdScanner {
  const maxChunkBytes = options.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES;
  if (!Number.isInteger(maxChunkBytes) || maxChunkBytes < 1 || maxChunkBytes > MAX_FRAME_BYTES) {
    throw new RangeError(`maxChunkBytes must be an integer from 1 to ${MAX_FRAME_BYTES}`);
  }
  return {
    async scan(source) {
      const readable = source instanceof Uint8Array ? undefined : source;
      // An error of the source while we connect would have no listener yet and crash the process; the
      // sending loop still sees it, since the stream keeps it.
      readable?.on('error', ignore);
      try {
        const connection = await ClamdConnection.open(options);
        // A stalled source must not outlive the connection: destroying it ends the sending loop.
        connection.onSettled(() => readable?.destroy());
        try {
          const complete = await sendStream(connection, source, maxChunkBytes);
          const result = parseScanReply(await connection.reply);
          // clamd gives its verdict only after the end marker; a clean one before it covers part of the file.
          if (result.clean && !complete)
            throw unavailable('bad-reply', 'clean verdict before the end of the stream');
          return result;
        } finally {
          connection.close();
        }
      } finally {
        readable?.off('error', ignore);
        readable?.destroy();
      }
    },

    async ping() {
      const connection = await ClamdConnection.open(options);
      try {
        await connection.write(PING_COMMAND);
        const reply = await connection.reply;
        if (reply !== 'PONG') throw unavailable('bad-reply', `PING answered with ${quote(reply)}`);
      } finally {
        connection.close();
      }
    },
  };
}

/**
 * Sends the INSTREAM command, the source's frames and the end marker. Returns false when clamd's reply or a
 * failure of the connection came first (clamd answers early when the stream passes its StreamMaxLength).
 */
async function sendStream(connection: ClamdConnection, source: Readable | Uint8Array, maxChunkBytes: number) {
  try {
    await connection.write(INSTREAM_COMMAND);
    for await (const chunk of chunksOf(source, maxChunkBytes)) {
      if (connection.settled) return false;
      await connection.write(frameChunk(chunk));
    }
  } catch (error) {
    // Once the connection is settled, the source was destroyed on purpose: its premature end is no news.
    if (connection.settled) return false;
    throw error;
  }
  if (connection.settled) return false;
  await connection.write(END_OF_STREAM);
  return true;
}

/** The source's bytes in pieces of at most `max` bytes, without copying; empty chunks are dropped. */
async function* chunksOf(source: Readable | Uint8Array, max: number): AsyncGenerator<Uint8Array> {
  const chunks: AsyncIterable<unknown> | Iterable<unknown> = source instanceof Uint8Array ? [source] : source;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (!(bytes instanceof Uint8Array)) throw new TypeError('a scanned stream must deliver bytes or strings');
    for (let at = 0; at < bytes.length; at += max) yield bytes.subarray(at, at + max);
  }
}

/**
 * One connection to clamd: writes that respect the socket's backpressure, and its single `\0`-terminated
 * reply. The connection is settled by that reply or by its first failure; after that, writes do nothing.
 */
class ClamdConnection {
  settled = false;
  failure: VirusScanUnavailableError | undefined;
  /** clamd's reply without the `\0`; rejects with `failure`. */
  readonly reply: Promise<string>;
  private resolveReply!: (reply: string) => void;
  private rejectReply!: (error: Error) => void;
  private readonly received: Buffer[] = [];
  private receivedBytes = 0;
  private drained: (() => void) | undefined;
  private readonly settledListeners: Array<() => void> = [];

  private constructor(private readonly socket: Socket) {
    this.reply = new Promise<string>((resolve, reject) => {
      this.resolveReply = resolve;
      this.rejectReply = reject;
    });
    // Settled before anyone awaits it (e.g. while the source is still being read): not an unhandled rejection.
    this.reply.catch(() => {});
    socket.on('data', (data: Buffer) => this.receive(data));
    socket.on('drain', () => this.drained?.());
    socket.on('timeout', () => this.fail('timeout', 'no progress within the timeout'));
    socket.on('error', (error) => this.fail('connection-closed', error.message, error));
    socket.on('end', () =>
      this.receivedBytes > 0
        ? this.fail('bad-reply', `reply ended without \\0: ${quote(Buffer.concat(this.received).toString())}`)
        : this.fail('connection-closed', 'clamd closed the connection without a reply'),
    );
    socket.on('close', () => this.fail('connection-closed', 'connection closed'));
  }

  /** Connects, failing with `unreachable` or `timeout`. */
  static open(options: ClamdOptions): Promise<ClamdConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port });
      socket.setTimeout(options.timeoutMs);
      const failed = (reason: ScanFailureReason, detail: string, cause?: Error) => {
        socket.destroy();
        reject(unavailable(reason, `${options.host}:${options.port}: ${detail}`, cause));
      };
      const onError = (error: Error) => failed('unreachable', error.message, error);
      const onTimeout = () => failed('timeout', `no connection within ${options.timeoutMs} ms`);
      socket.once('error', onError);
      socket.once('timeout', onTimeout);
      socket.once('connect', () => {
        socket.off('error', onError);
        socket.off('timeout', onTimeout);
        resolve(new ClamdConnection(socket));
      });
    });
  }

  onSettled(listener: () => void): void {
    this.settledListeners.push(listener);
  }

  /** Writes `bytes`, then waits while the socket's buffer is full, so a large file is never held in memory. */
  async write(bytes: Buffer): Promise<void> {
    if (this.settled) return;
    if (this.socket.write(bytes)) return;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
    });
    this.drained = undefined;
  }

  close(): void {
    this.fail('connection-closed', 'closed by the client');
  }

  private receive(data: Buffer): void {
    if (this.settled) return;
    const end = data.indexOf(0);
    const part = end === -1 ? data : data.subarray(0, end);
    this.received.push(part);
    this.receivedBytes += part.length;
    if (this.receivedBytes > MAX_REPLY_BYTES) {
      this.fail('bad-reply', `no \\0 within ${MAX_REPLY_BYTES} bytes of reply`);
    } else if (end !== -1) {
      this.settle();
      this.resolveReply(Buffer.concat(this.received).toString());
    }
  }

  private fail(reason: ScanFailureReason, detail: string, cause?: Error): void {
    if (this.settled) return;
    this.failure = unavailable(reason, detail, cause);
    this.settle();
    this.rejectReply(this.failure);
  }

  /** Ends the connection (a reply is the last thing clamd sends) and releases a writer waiting for `drain`. */
  private settle(): void {
    this.settled = true;
    this.socket.destroy();
    this.drained?.();
    for (const listener of this.settledListeners) listener();
  }
}

function ignore(): void {}

function unavailable(reason: ScanFailureReason, detail: string, cause?: Error): VirusScanUnavailableError {
  return new VirusScanUnavailableError(reason, detail, cause ? { cause } : undefined);
}

/** A reply for an error message: escaped and cut short, since it may be anything a wrong server sent. */
function quote(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
