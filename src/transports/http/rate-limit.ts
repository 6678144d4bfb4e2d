/** Token buckets per client: `perMinute` requests a minute, bursts up to a minute's worth, bounded memory. */
export interface RateLimiter {
  /** Takes one token for `key`; when none is left, says how many seconds until one is. */
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Clients currently tracked (for tests). */
  size(): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A token-bucket limiter holding at most `maxClients` buckets. */
export function createRateLimiter(perMinute: number, maxClients = 10_000): RateLimiter {
  const capacity = perMinute;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();
  // Date.now() can step back (a clock set by NTP): time that runs backwards adds no tokens and takes none.
  const refill = (b: Bucket, now: number) => {
    b.tokens = Math.min(capacity, b.tokens + Math.max(0, now - b.at) * perMs);
    b.at = now;
  };

  // A bucket that has refilled completely is the same as no bucket, so dropping it loses nothing.
  const evict = (now: number) => {
    for (const [key, b] of buckets) {
      refill(b, now);
      if (b.tokens >= capacity) buckets.delete(key);
    }
    // Still nearly full (many busy clients): drop the least recently used, a tenth at a time so the sweep stays rare;
    // at worst such a client starts again with a fresh bucket.
    for (const key of buckets.keys()) {
      if (buckets.size < maxClients * 0.9) break;
      buckets.delete(key);
    }
  };

  return {
    take(key, now = Date.now()) {
      let bucket = buckets.get(key);
      if (bucket) {
        buckets.delete(key); // re-inserted below: Map order doubles as least-recently-used order
        refill(bucket, now);
      } else {
        if (buckets.size >= maxClients) evict(now);
        bucket = { tokens: capacity, at: now };
      }
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
    size: () => buckets.size,
  };
}
