/** Where file contents live. Filesystem by default; an S3 implementation can sit behind the same interface. */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  key: string;
  sizeBytes: number;
  sha256: string;
  /** The first bytes, for content sniffing. */
  head: Buffer;
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

export interface BlobStore {
  /** Streams `source` into the store; rejects with BlobTooLargeError as soon as `maxBytes` is passed. */
  put(source: Readable, maxBytes: number): Promise<StoredBlob>;
  get(key: string): Readable;
  delete(key: string): Promise<void>;
}

const HEAD_BYTES = 4100;

export function createFileBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    // Keys are server-generated UUIDs; refuse anything else so no path can escape the root.
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('invalid blob key');
    return join(root, key.slice(0, 2), key);
  };
  return {
    async put(source, maxBytes) {
      const key = randomUUID();
      const finalPath = pathOf(key);
      const partialPath = `${finalPath}.partial`;
      // A shard directory made just now must itself be durable in the root, or its file's entry is lost with it.
      const madeShard = await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      if (madeShard !== undefined) await syncDirectory(root);
      const hash = createHash('sha256');
      const headChunks: Buffer[] = [];
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new BlobTooLargeError(`larger than ${maxBytes} bytes`));
          if (size - chunk.length < HEAD_BYTES) headChunks.push(chunk);
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        // `flush` fsyncs the file before it is closed, and the directory is synced after the rename: the
        // database row that refers to this blob is committed only after put() returns, so after a power
        // failure a committed document never points at contents that were still in the page cache.
        await pipeline(source, meter, createWriteStream(partialPath, { flags: 'wx', flush: true }));
        await rename(partialPath, finalPath);
        await syncDirectory(join(root, key.slice(0, 2)));
      } catch (error) {
        await rm(partialPath, { force: true });
        throw error;
      }
      return {
        key,
        sizeBytes: size,
        sha256: hash.digest('hex'),
        head: Buffer.concat(headChunks).subarray(0, HEAD_BYTES),
      };
    },
    get(key) {
      return createReadStream(pathOf(key));
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
