/**
 * The clamd adapter against a protocol-level clamd (helpers/fake-clamd.ts): verdicts, EICAR across chunk
 * boundaries, a large stream that is never held in memory, clamd's size limit, and each way clamd can fail to
 * give a verdict — which must end in VirusScanUnavailableError, never in "clean" and never in a hang.
 */
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { type TestContext, test } from 'node:test';
import { type ClamdOptions, createClamdScanner } from '../src/documents/clamd.ts';
import { type ScanFailureReason, VirusScanUnavailableError } from '../src/documents/virus-scan.ts';
import { SAMPLE_PDF } from './helpers/client.ts';
import { EICAR, EICAR_SIGNATURE, type FakeClamdOptions, startFakeClamd } from './helpers/fake-clamd.ts';

const MiB = 1024 * 1024;
/** Long enough never to fire on a working connection here; the timeout test sets its own. */
const TIMEOUT_MS = 10_000;
/** Guards every test against a hang: a failure, not a timing assertion. */
const GUARD = { timeout: 20_000 };

/** A fake clamd for this test, closed after it, and a scanner pointed at it. */
async function setup(t: TestContext, fake: FakeClamdOptions = {}, options: Partial<ClamdOptions> = {}) {
  const server = await startFakeClamd(fake);
  t.after(() => server.close());
  const scanner = createClamdScanner({
    host: '127.0.0.1',
    port: server.port,
    timeoutMs: TIMEOUT_MS,
    ...options,
  });
  return { server, scanner };
}

/** Passes when `promise` rejects with VirusScanUnavailableError for one of `reasons`. */
async function assertUnavailable(promise: Promise<unknown>, ...reasons: ScanFailureReason[]): Promise<void> {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof VirusScanUnavailableError, String(error));
    assert.ok(reasons.includes(error.reason), `${error.reason} is not one of ${reasons.join(', ')}`);
    return true;
  });
}

/** `size` bytes of filler with `tail` at the end, generated in chunks only as they are read. */
function generated(size: number, tail = '', onChunk = (_produced: number) => {}): Readable {
  return Readable.from(
    (function* () {
      const filler = Buffer.alloc(64 * 1024, 'A');
      let produced = 0;
      while (produced < size) {
        onChunk(produced);
        const chunk = filler.subarray(0, Math.min(filler.length, size - produced));
        produced += chunk.length;
        yield chunk;
      }
      if (tail) yield Buffer.from(tail);
    })(),
  );
}

/** A port on which nothing listens: taken from the system, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

test('a clean PDF is clean, as bytes and as a stream', GUARD, async (t) => {
  const { scanner } = await setup(t);
  assert.deepEqual(await scanner.scan(SAMPLE_PDF), { clean: true });
  assert.deepEqual(await scanner.scan(Readable.from([SAMPLE_PDF])), { clean: true });
});

test('EICAR is found and named', GUARD, async (t) => {
  const { scanner } = await setup(t);
  const infected = Buffer.concat([SAMPLE_PDF, Buffer.from(EICAR)]);
  assert.deepEqual(await scanner.scan(infected), { clean: false, signature: EICAR_SIGNATURE });
});

test('EICAR split across chunk boundaries is still found', GUARD, async (t) => {
  const { server, scanner } = await setup(t, {}, { maxChunkBytes: 7 });
  const eicar = Buffer.from(EICAR);
  for (const cut of [1, 13, 34, eicar.length - 1]) {
    // Cut by the source and again by the adapter's 7-byte frames, so no frame holds the whole string.
    const source = Readable.from([Buffer.from('%PDF-1.4\n'), eicar.subarray(0, cut), eicar.subarray(cut)]);
    assert.deepEqual(
      await scanner.scan(source),
      { clean: false, signature: EICAR_SIGNATURE },
      `cut at ${cut}`,
    );
  }
  assert.equal(server.receivedBytes, 4 * (9 + eicar.length), 'every byte arrived, none twice');
});

test('empty chunks in a stream do not end it early', GUARD, async (t) => {
  const { scanner } = await setup(t);
  const source = Readable.from([Buffer.from('%PDF-1.4\n'), Buffer.alloc(0), Buffer.from(EICAR)]);
  assert.deepEqual(await scanner.scan(source), { clean: false, signature: EICAR_SIGNATURE });
});

test('a 5 MB stream is scanned to its end without being held in memory', GUARD, async (t) => {
  const { server, scanner } = await setup(t);
  // The adapter's socket, to see how much of the stream sits in user space: read from the source but not yet
  // taken by the kernel (which, on loopback, takes about 4 MB by itself).
  let socket: Socket | undefined;
  const onSocket = (message: unknown) => {
    socket = (message as { socket: Socket }).socket;
  };
  subscribe('net.client.socket', onSocket);
  t.after(() => unsubscribe('net.client.socket', onSocket));
  let peakHeld = 0;
  const size = 5 * MiB;
  const source = generated(size, EICAR, (produced) => {
    if (!socket) return;
    const takenByKernel = socket.bytesWritten - socket.writableLength;
    peakHeld = Math.max(peakHeld, produced - takenByKernel);
  });
  assert.deepEqual(await scanner.scan(source), { clean: false, signature: EICAR_SIGNATURE });
  assert.equal(server.receivedBytes, size + EICAR.length);
  assert.ok(socket, 'the adapter’s socket was seen');
  // Chunks of 64 KiB: one in hand, one in Node's write buffer (16 KiB high-water mark), a little slack.
  assert.ok(peakHeld <= 256 * 1024, `held at most ${peakHeld} bytes`);
});

test('a stream over clamd’s StreamMaxLength is refused by clamd as too large', GUARD, async (t) => {
  const { scanner } = await setup(t, { streamMaxLength: 1000 }, { maxChunkBytes: 400 });
  // Small enough to be sent in full before clamd answers, so its answer is read, not cut off.
  await assertUnavailable(scanner.scan(Buffer.alloc(1001, 'A')), 'size-limit');
  const { scanner: exact } = await setup(t, { streamMaxLength: 1000 }, { maxChunkBytes: 400 });
  assert.deepEqual(await exact.scan(Buffer.alloc(1000, 'A')), { clean: true }, 'exactly the limit is fine');
});

test(
  'clamd closing on its size limit while we still send fails the scan and releases the source',
  GUARD,
  async (t) => {
    const { scanner } = await setup(t, { streamMaxLength: 256 * 1024 });
    const source = generated(5 * MiB);
    // clamd answers and closes at once; whether its answer or its reset reaches us first is up to the kernel.
    await assertUnavailable(scanner.scan(source), 'size-limit', 'connection-closed');
    assert.equal(source.destroyed, true);
  },
);

test('an unreachable clamd fails the scan and the ping at once', GUARD, async () => {
  const port = await freePort();
  const scanner = createClamdScanner({ host: '127.0.0.1', port, timeoutMs: TIMEOUT_MS });
  await assertUnavailable(scanner.scan(SAMPLE_PDF), 'unreachable');
  await assertUnavailable(scanner.ping(), 'unreachable');
});

test('a clamd that never answers times out instead of hanging', GUARD, async (t) => {
  const { scanner } = await setup(t, { fault: 'never-answer' }, { timeoutMs: 300 });
  const source = Readable.from([SAMPLE_PDF]);
  await assertUnavailable(scanner.scan(source), 'timeout');
});

test('a clamd that closes the connection at once fails the scan', GUARD, async (t) => {
  const { scanner } = await setup(t, { fault: 'close-immediately' });
  await assertUnavailable(scanner.scan(generated(MiB)), 'connection-closed');
  await assertUnavailable(scanner.scan(SAMPLE_PDF), 'connection-closed');
});

test('garbage instead of a verdict fails the scan', GUARD, async (t) => {
  for (const answer of ['HTTP/1.1 400 Bad Request\r\n\r\n', 'stream: PERHAPS\0', 'x'.repeat(10_000)]) {
    const { scanner } = await setup(t, { fault: { answer } });
    await assertUnavailable(scanner.scan(SAMPLE_PDF), 'bad-reply');
  }
  const { scanner } = await setup(t, { fault: { answer: "stream: Can't allocate memory ERROR\0" } });
  await assertUnavailable(scanner.scan(SAMPLE_PDF), 'scan-error');
});

test('a clean verdict before the end of the stream is not trusted', GUARD, async (t) => {
  const { scanner } = await setup(t, { fault: { answer: 'stream: OK\0', early: true } });
  // A source that delivers one chunk and then waits: the verdict comes while the rest is still unsent.
  const source = new Readable({ read() {} });
  source.push(SAMPLE_PDF);
  await assertUnavailable(scanner.scan(source), 'bad-reply');
  assert.equal(source.destroyed, true);
});

test('a failing source fails the scan with its own error, whenever it fails', GUARD, async (t) => {
  const { scanner } = await setup(t);
  const broken = new Error('upload aborted');
  const early = new Readable({ read() {} });
  queueMicrotask(() => early.destroy(broken)); // while the adapter is still connecting
  await assert.rejects(scanner.scan(early), broken);
  const midway = Readable.from(
    (function* () {
      yield SAMPLE_PDF;
      throw broken;
    })(),
  );
  await assert.rejects(scanner.scan(midway), broken);
});

test('ping gets PONG, and anything else is an error', GUARD, async (t) => {
  const { scanner } = await setup(t);
  await scanner.ping();
  const { scanner: wrong } = await setup(t, { fault: { answer: 'HELLO\0', early: true } });
  await assertUnavailable(wrong.ping(), 'bad-reply');
});
