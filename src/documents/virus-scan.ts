/** The virus-scan port: uploads are checked by a `VirusScanner` before they become documents. */
import type { Readable } from 'node:stream';
import type { Text } from '../forms/types.ts';

/** A verdict on the scanned bytes. `signature` is the scanner's name for what it found, e.g. `Eicar-Test-Signature`. */
export type ScanResult = { clean: true } | { clean: false; signature: string };

export interface VirusScanner {
  /**
   * Scans all bytes of `source`. A `Readable` is read to its end, or destroyed when the scan ends early;
   * its own errors reject the scan unchanged. Rejects with `VirusScanUnavailableError` when no verdict could be had.
   */
  scan(source: Readable | Uint8Array): Promise<ScanResult>;
}

/**
 * Why a scan gave no verdict:
 * - `unreachable`: no connection to the scanner (refused, unknown host);
 * - `timeout`: nothing sent or received for the configured time (connecting, sending or waiting for the verdict);
 * - `connection-closed`: the scanner closed the connection before its verdict — clamd does this, among other
 *   times, when a stream passes its StreamMaxLength while we are still sending;
 * - `size-limit`: the scanner said the stream is longer than it accepts (clamd's StreamMaxLength); the upload
 *   limit is larger than the scanner's, which is a deployment error;
 * - `scan-error`: the scanner answered with an error of its own (e.g. out of memory, temporary file);
 * - `bad-reply`: the scanner answered something we do not understand.
 */
export type ScanFailureReason =
  | 'unreachable'
  | 'timeout'
  | 'connection-closed'
  | 'size-limit'
  | 'scan-error'
  | 'bad-reply';

/**
 * The scanner gave no verdict. The caller must refuse the upload with `text` and delete what it stored:
 * keeping a file nobody scanned would defeat the scan, and the citizen can simply try again later.
 */
export class VirusScanUnavailableError extends Error {
  override name = 'VirusScanUnavailableError';
  readonly code = 'VIRUS_SCAN_UNAVAILABLE';
  readonly statusCode = 503;
  readonly text: Text = {
    de: 'Die Datei konnte gerade nicht auf Schadsoftware geprüft werden und wurde deshalb nicht gespeichert. Bitte versuchen Sie es in einigen Minuten noch einmal.',
    en: 'The file could not be checked for malware just now, so it was not saved. Please try again in a few minutes.',
  };

  constructor(
    readonly reason: ScanFailureReason,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`virus scan unavailable (${reason}): ${detail}`, options);
  }
}

/**
 * A scanner that scans nothing and calls every file clean, for installations without a virus scanner
 * (CLAMAV_HOST unset). It does not read a `Readable` but destroys it, so a file handle behind it is released.
 */
export function createNoopScanner(): VirusScanner {
  return {
    async scan(source) {
      if (!(source instanceof Uint8Array)) source.destroy();
      return { clean: true };
    },
  };
}
