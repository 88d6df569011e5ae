import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClamdScanner, frameChunk, parseScanReply } from './clamd.ts';
import { VirusScanUnavailableError } from './virus-scan.ts';

test('a frame is the chunk length as 4 bytes, big-endian, followed by the chunk', () => {
  assert.deepEqual(frameChunk(Buffer.from('abc')), Buffer.from([0, 0, 0, 3, 0x61, 0x62, 0x63]));
  const frame = frameChunk(new Uint8Array(0x01_02_03));
  assert.deepEqual(frame.subarray(0, 4), Buffer.from([0x00, 0x01, 0x02, 0x03]));
  assert.equal(frame.length, 4 + 0x01_02_03);
});

test('an empty chunk is refused, since a zero length would end the stream early', () => {
  assert.throws(() => frameChunk(new Uint8Array(0)), RangeError);
});

test('clamd’s replies become verdicts', () => {
  assert.deepEqual(parseScanReply('stream: OK'), { clean: true });
  assert.deepEqual(parseScanReply('stream: Eicar-Test-Signature FOUND'), {
    clean: false,
    signature: 'Eicar-Test-Signature',
  });
  assert.deepEqual(parseScanReply('stream: Win.Test.EICAR_HDB-1 FOUND'), {
    clean: false,
    signature: 'Win.Test.EICAR_HDB-1',
  });
});

/** Asserts that `reply` is no verdict but a VirusScanUnavailableError with `reason`. */
function assertUnavailable(reply: string, reason: string): void {
  assert.throws(
    () => parseScanReply(reply),
    (error) => error instanceof VirusScanUnavailableError && error.reason === reason,
    reply,
  );
}

test('errors and anything unexpected are no verdict', () => {
  assertUnavailable('INSTREAM size limit exceeded. ERROR', 'size-limit');
  assertUnavailable("stream: Can't allocate memory ERROR", 'scan-error');
  assertUnavailable('Error processing command. ERROR', 'scan-error');
  assertUnavailable('stream: OK ', 'bad-reply');
  assertUnavailable('stream:  FOUND', 'bad-reply');
  assertUnavailable('PONG', 'bad-reply');
  assertUnavailable('', 'bad-reply');
});

test('maxChunkBytes must fit in a frame', () => {
  const options = { host: '127.0.0.1', port: 3310, timeoutMs: 1000 };
  for (const maxChunkBytes of [0, -1, 1.5, 2 ** 32]) {
    assert.throws(() => createClamdScanner({ ...options, maxChunkBytes }), RangeError, String(maxChunkBytes));
  }
  assert.doesNotThrow(() => createClamdScanner({ ...options, maxChunkBytes: 1 }));
});
