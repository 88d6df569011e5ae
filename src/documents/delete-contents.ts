/** Deleting file contents whose records are already gone: a failure there never undoes or fails the change. */
import type { BlobStore } from './blob-store.ts';

/** Told of contents that could not be deleted: the file stays in the store, no record refers to it. */
export type OnOrphan = (error: unknown, storageKey: string) => void;

/** For callers without a logger of their own: Node's warning channel (stderr unless a listener takes it). */
const warn: OnOrphan = (error, storageKey) =>
  process.emitWarning(
    `file contents ${storageKey} left in the store: ${error instanceof Error ? error.message : String(error)}`,
    'OrphanedFileWarning',
  );

/**
 * Deletes the contents of records the caller has just deleted and committed. Every key is tried; a failure is
 * reported to `onOrphan`, not thrown: the change is done (a case submitted, a file removed), and a retry would
 * not find the records again, so throwing would only turn a success into an error page. The file is then left
 * orphaned in the store; nothing sweeps the store for such files yet (the nightly draft expiry could, by
 * comparing the store's keys with the documents table).
 */
export async function deleteContents(
  store: BlobStore,
  storageKeys: readonly string[],
  onOrphan: OnOrphan = warn,
): Promise<void> {
  for (const key of storageKeys) {
    try {
      await store.delete(key);
    } catch (error) {
      onOrphan(error, key);
    }
  }
}

/** Reports orphaned contents to a pino logger (a request's `log`, the app's). */
export const logOrphans =
  (log: { error(details: object, message: string): void }): OnOrphan =>
  (error, storageKey) =>
    log.error({ err: error, storageKey }, 'file contents left in the store: deleting them failed');
