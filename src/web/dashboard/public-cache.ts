/**
 * Public dashboard responses kept per process for a short time, with their ETag. Time comes from the app's
 * clock, so tests control it; a failed computation is not kept.
 */
import { createHash } from 'node:crypto';

export interface PublicBody {
  type: string;
  body: string | Uint8Array;
  etag: string;
}

export function publicResponseCache(now: () => Date, keepMs: number) {
  const cache = new Map<string, { until: number; response: Promise<PublicBody> }>();
  return function publicBody(
    key: string,
    type: string,
    produce: () => Promise<string | Uint8Array>,
  ): Promise<PublicBody> {
    const at = now().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > at) return hit.response;
    // The promise itself is kept, so requests arriving while it is computed share one computation.
    const response = produce().then((body) => ({
      type,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    }));
    cache.set(key, { until: at + keepMs, response });
    response.catch(() => cache.delete(key));
    return response;
  };
}
