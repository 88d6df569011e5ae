import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, test } from 'node:test';
import { type BlobStore, BlobTooLargeError, createFileBlobStore } from './blob-store.ts';

let root: string;
let store: BlobStore;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'amtsweg-blob-store-'));
  store = createFileBlobStore(root);
});
after(() => rm(root, { recursive: true, force: true }));

/** Every file under the store's root, relative to it. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

/** A stream delivering `data` in chunks of `size` bytes, as an upload arrives. */
function chunked(data: Buffer, size = 1000): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) chunks.push(data.subarray(i, i + size));
  return Readable.from(chunks);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

test('put returns the size and the SHA-256 of the content, get returns the same bytes', async () => {
  const data = randomBytes(10_000);
  const blob = await store.put(chunked(data), 1024 * 1024);
  assert.match(blob.key, /^[0-9a-f-]{36}$/);
  assert.equal(blob.sizeBytes, data.length);
  assert.equal(blob.sha256, createHash('sha256').update(data).digest('hex'));
  assert.deepEqual(await readAll(store.get(blob.key)), data);
});

test('head holds the first bytes for sniffing, at most 4100 of them', async () => {
  const data = randomBytes(10_000);
  const blob = await store.put(chunked(data, 333), 1024 * 1024);
  assert.deepEqual(blob.head, data.subarray(0, 4100));

  const small = Buffer.from('%PDF-1.4\n');
  assert.deepEqual((await store.put(Readable.from([small]), 1024)).head, small);
});

test('a file of exactly maxBytes is accepted', async () => {
  const blob = await store.put(chunked(randomBytes(4096)), 4096);
  assert.equal(blob.sizeBytes, 4096);
});

test('one byte over maxBytes rejects with BlobTooLargeError and leaves no file behind', async () => {
  const before = await storedFiles();
  await assert.rejects(store.put(chunked(randomBytes(4097)), 4096), BlobTooLargeError);
  await assert.rejects(store.put(chunked(randomBytes(200_000), 16_384), 64 * 1024), BlobTooLargeError);
  const now = await storedFiles();
  assert.deepEqual(now, before);
  assert.ok(!now.some((f) => f.endsWith('.partial')));
});

test('a source that fails half-way leaves no file behind', async () => {
  const before = await storedFiles();
  async function* failing() {
    yield Buffer.alloc(2000);
    throw new Error('connection reset');
  }
  await assert.rejects(store.put(Readable.from(failing()), 1024 * 1024), /connection reset/);
  assert.deepEqual(await storedFiles(), before);
});

test('delete removes the content; deleting twice is harmless', async () => {
  const blob = await store.put(Readable.from([Buffer.from('weg damit')]), 1024);
  assert.equal(await text(store.get(blob.key)), 'weg damit');
  await store.delete(blob.key);
  await store.delete(blob.key);
  assert.ok(!(await storedFiles()).some((f) => f.includes(blob.key)));
});

test('keys that are not server-generated ids are refused, so no path leaves the root', async () => {
  for (const key of ['../x', '../../etc/passwd', '', 'abc', `${'a'.repeat(36)}/../x`, '/etc/passwd']) {
    assert.throws(() => store.get(key), /invalid blob key/, key);
    await assert.rejects(store.delete(key), /invalid blob key/, key);
  }
});
