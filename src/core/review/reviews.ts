/**
 * The named reviews: which patterns' checklists each draws on, in the order a reviewer walks them. Data
 * only: the checklist text lives in the documents, and a review is assembled from them when asked for.
 * Every id must exist in the built-in catalogue (a test checks it); with a user catalogue, ids it lacks
 * are left out of the review and named in its `missing`.
 */
export const REVIEWS = {
  api: {
    title: 'API review',
    patterns: [
      'api-error-model',
      'api-request-validation',
      'api-rest',
      'api-pagination',
      'api-versioning',
      'api-idempotency-keys',
      'api-http-caching',
      'api-contract-first',
      'sec-rate-limiting',
    ],
  },
  database: {
    title: 'Database review',
    patterns: [
      'db-schema-constraints',
      'db-indexing',
      'db-n-plus-one',
      'db-transaction-boundaries',
      'db-optimistic-locking',
      'db-migrations',
      'db-connection-pooling',
      'db-backups-pitr',
    ],
  },
  security: {
    title: 'Security review',
    patterns: [
      'sec-threat-checklist',
      'sec-authn-authz-boundary',
      'sec-injection-prevention',
      'sec-password-storage',
      'sec-jwt',
      'sec-secrets-management',
      'sec-security-headers',
      'sec-ssrf-prevention',
      'sec-sensitive-data',
      'sec-rate-limiting',
    ],
  },
  reliability: {
    title: 'Reliability review',
    patterns: [
      'rel-timeouts',
      'rel-retries-backoff',
      'rel-circuit-breaker',
      'rel-bulkhead',
      'rel-load-shedding',
      'rel-outbox',
      'rel-idempotent-consumer',
      'rel-dead-letter-queue',
    ],
  },
  'production-readiness': {
    title: 'Production readiness review',
    patterns: [
      'rel-health-checks',
      'rel-graceful-shutdown',
      'rel-timeouts',
      'arch-configuration',
      'sec-secrets-management',
      'obs-structured-logging',
      'obs-correlation-ids',
      'obs-red-use-metrics',
      'obs-slo-alerting',
      'rel-safe-deployments',
      'db-backups-pitr',
    ],
  },
  'multi-tenancy': {
    title: 'Multi-tenancy review',
    patterns: [
      'sec-tenant-isolation',
      'sec-authorization-models',
      'sec-authn-authz-boundary',
      'sec-rate-limiting',
      'db-partitioning-sharding',
      'obs-structured-logging',
    ],
  },
} as const satisfies Record<string, { title: string; patterns: readonly string[] }>;

export type ReviewName = keyof typeof REVIEWS;
export const REVIEW_NAMES = Object.keys(REVIEWS) as [ReviewName, ...ReviewName[]];
