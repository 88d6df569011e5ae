/**
 * Public dashboard results kept per process for a short time. Time comes from the app's clock, so tests
 * control it; a failed computation is not kept.
 */
import { createHash } from 'node:crypto';

export interface PublicBody {
  type: string;
  body: string | Uint8Array;
  etag: string;
}

export function withEtag(type: string, body: string | Uint8Array): PublicBody {
  return { type, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** `cached(key, produce)` returns the kept result for `key` while it is younger than `keepMs`. */
export function ttlCache(now: () => Date, keepMs: number) {
  const cache = new Map<string, { until: number; value: Promise<unknown> }>();
  return function cached<T>(key: string, produce: () => Promise<T>): Promise<T> {
    const at = now().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > at) return hit.value as Promise<T>;
    // The promise itself is kept, so requests arriving while it is computed share one computation.
    const value = produce();
    cache.set(key, { until: at + keepMs, value });
    value.catch(() => cache.delete(key));
    return value;
  };
}
