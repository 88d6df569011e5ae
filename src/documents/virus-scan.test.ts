import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { createNoopScanner, VirusScanUnavailableError } from './virus-scan.ts';

test('the no-op scanner calls everything clean and releases a stream without reading it', async () => {
  const scanner = createNoopScanner();
  assert.deepEqual(await scanner.scan(Buffer.from('anything')), { clean: true });
  let pulled = false;
  const stream = new Readable({
    read() {
      pulled = true;
      this.push(null);
    },
  });
  assert.deepEqual(await scanner.scan(stream), { clean: true });
  assert.equal(stream.destroyed, true);
  assert.equal(pulled, false);
});

test('an unavailable scanner says why, and what to tell the citizen', () => {
  const cause = new Error('connect ECONNREFUSED 127.0.0.1:3310');
  const error = new VirusScanUnavailableError('unreachable', 'clamd:3310: refused', { cause });
  assert.equal(error.reason, 'unreachable');
  assert.equal(error.code, 'VIRUS_SCAN_UNAVAILABLE');
  assert.equal(error.statusCode, 503);
  assert.equal(error.cause, cause);
  assert.match(error.message, /unreachable.*refused/);
  assert.match(error.text.de, /nicht gespeichert/);
});
