import type { Need } from './needs.js';

/** One row of the skill's selection matrix, as data. `requirement` is the row's text in SKILL.md. */
export interface MatrixRow {
  requirement: string;
  recommended: string[];
  /** The row applies when any of these needs is present... */
  any: Need[];
  /** ...and, when set, at least one of these too (the justification the row demands). */
  justifiedBy?: Need[];
  why: string;
  caveats: string[];
  /** When the row's `any` needs are present but its justification is not: what to say and do instead. */
  unjustified?: { why: string; instead: string[] };
}

export const MATRIX: MatrixRow[] = [
  {
    requirement: 'Simple CRUD API',
    recommended: ['api-rest', 'arch-mvc'],
    any: ['crud'],
    why: 'Resources with create/read/update/delete map directly onto HTTP methods, and MVC keeps a small app to three well-known roles.',
    caveats: [
      'Keep controllers thin; when business rules outgrow validation and persistence, move them into a service layer (Layered Architecture).',
    ],
  },
  {
    requirement: 'Complex business logic',
    recommended: ['arch-layered'],
    any: ['complex_domain'],
    why: 'Business rules live in a domain/service layer that HTTP and the database depend on, so they can be tested and changed in isolation.',
    caveats: [
      'Layers that only pass calls through add cost without isolation; keep the layer count to what the domain needs.',
      'If the core must also swap frameworks or vendors, Hexagonal Architecture makes those seams explicit.',
    ],
  },
  {
    requirement: 'Database abstraction',
    recommended: ['db-repository'],
    any: ['data_access'],
    why: 'A repository per aggregate hides queries behind a collection-like interface, so services are tested against an in-memory implementation and SQL stays in one place.',
    caveats: [
      'Do not build a generic repository that leaks a query builder; give each repository the operations the use cases need.',
    ],
  },
  {
    requirement: 'Real-time features',
    recommended: ['arch-websocket-events'],
    any: ['realtime'],
    why: 'Clients hold a connection and the server pushes events as they happen instead of clients polling.',
    caveats: [
      'If updates only flow server to client, Server-Sent Events are simpler than WebSockets.',
      'With more than one instance, fan events out through a shared bus (Redis pub/sub, NATS) and plan for reconnects.',
    ],
  },
  {
    requirement: 'High scalability',
    recommended: ['arch-microservices'],
    any: ['scale', 'distributed_architecture', 'team_boundaries', 'independent_deployment'],
    justifiedBy: ['team_boundaries', 'independent_deployment'],
    why: 'Separate services let separate teams own, deploy and scale their part independently, which is what the requirements state.',
    caveats: [
      'Each service owns its data; cross-service changes need events (Outbox) and compensations instead of one transaction.',
      'Budget for network failures (timeouts, retries, circuit breakers), correlation ids and per-service metrics from day one.',
      'Split along team and domain boundaries, not technical layers; start from a modular monolith and extract a service when a boundary has proven stable.',
    ],
    unjustified: {
      why: 'Neither clear team boundaries nor an independent deployment need is stated, and scale or fashion alone does not justify microservices: a well-built monolith scales horizontally behind a load balancer, and splitting without clear team boundaries or an independent deployment need adds network failures, distributed data and operational cost with no benefit.',
      instead: ['arch-layered', 'db-indexing', 'db-n-plus-one', 'obs-red-use-metrics', 'sec-rate-limiting'],
    },
  },
];

/** A catalogue pattern that supports the design when a need is present. */
export interface SupportRule {
  id: string;
  any: Need[];
  why: string;
}

export const SUPPORT: SupportRule[] = [
  {
    id: 'api-rest',
    any: ['rest_style'],
    why: 'REST is the stated style: resources and HTTP methods, correct status codes, cacheable GETs and conditional writes.',
  },
  {
    id: 'sec-rate-limiting',
    any: ['public_api', 'abuse', 'user_accounts'],
    why: 'Public APIs must be rate limited (an absolute constraint of the skill), and login endpoints throttled per account and per address: per-client quotas, 429 with Retry-After.',
  },
  {
    id: 'api-request-validation',
    any: ['public_api', 'input_handling', 'crud'],
    why: 'Validate every request body, query and header at the boundary, server-side, and reject what does not fit the schema.',
  },
  {
    id: 'api-error-model',
    any: ['public_api', 'crud'],
    why: 'One machine-readable error format with stable codes and correct status codes, never raw database errors.',
  },
  {
    id: 'sec-authn-authz-boundary',
    any: ['public_api', 'user_accounts', 'authorization'],
    why: 'Authenticate once at the edge, authorize every action against the resource it touches.',
  },
  {
    id: 'api-versioning',
    any: ['public_api', 'api_evolution'],
    why: 'Clients you do not control need a versioning and deprecation policy before the first breaking change.',
  },
  {
    id: 'api-idempotency-keys',
    any: ['payments', 'webhooks', 'client_retries'],
    why: 'Clients and webhook senders retry; an Idempotency-Key (or the delivery id) makes a retried payment, order or delivery take effect once.',
  },
  {
    id: 'db-transaction-boundaries',
    any: ['payments', 'complex_domain', 'atomic_writes'],
    why: 'Money and multi-row invariants need one transaction per use case, with the right isolation level.',
  },
  {
    id: 'db-soft-delete-audit',
    any: ['audit', 'payments'],
    why: 'Financial and regulated data needs an append-only history of who changed what and when.',
  },
  {
    id: 'api-webhook-signatures',
    any: ['webhooks'],
    why: 'Sign webhooks with HMAC over the timestamp and raw body, and verify before parsing, so receivers can reject forged or replayed calls.',
  },
  {
    id: 'rel-retries-backoff',
    any: ['webhooks', 'unreliable_dependency', 'transient_failures'],
    why: 'Transient failures are retried with capped exponential backoff and jitter, only for idempotent operations.',
  },
  {
    id: 'rel-timeouts',
    any: ['unreliable_dependency'],
    why: 'Every outbound call gets a timeout from a deadline budget, so a slow dependency cannot hang your requests.',
  },
  {
    id: 'rel-circuit-breaker',
    any: ['unreliable_dependency'],
    why: 'When the dependency keeps failing, fail fast and degrade instead of queueing threads and retries behind it.',
  },
  {
    id: 'rel-outbox',
    any: ['events_after_write'],
    why: 'Write the event to an outbox table in the same transaction as the change and relay it afterwards: no lost or phantom events from a dual write.',
  },
  {
    id: 'rel-dead-letter-queue',
    any: ['async_messaging', 'webhooks'],
    why: 'Messages that keep failing are set aside after a bounded number of attempts, with an alert and a replay path, instead of blocking the queue.',
  },
  {
    id: 'sec-password-storage',
    any: ['user_accounts'],
    why: 'Store passwords only as argon2id (or scrypt/bcrypt) hashes with per-user salts.',
  },
  {
    id: 'sec-secrets-management',
    any: ['secrets', 'public_api', 'payments'],
    why: 'Keys and credentials come from the environment or a secret manager, never from code, and are rotated.',
  },
  {
    id: 'api-pagination',
    any: ['list_endpoints'],
    why: 'Lists are paged with a cursor and a maximum page size, with whitelisted filters and a stable sort.',
  },
  {
    id: 'db-indexing',
    any: ['query_performance', 'list_endpoints'],
    why: 'Indexes that match the filters and sort order keep list and lookup queries fast as tables grow.',
  },
  {
    id: 'db-n-plus-one',
    any: ['query_performance'],
    why: 'Load related rows in one query or one batch per request instead of one query per row.',
  },
  {
    id: 'db-schema-constraints',
    any: ['data_access', 'payments'],
    why: 'NOT NULL, UNIQUE, CHECK and foreign keys keep the data valid whatever code path writes it.',
  },
  {
    id: 'db-migrations',
    any: ['schema_changes'],
    why: 'Change the schema in backward-compatible expand/contract steps so old and new code run side by side.',
  },
  {
    id: 'db-unit-of-work',
    any: ['complex_domain'],
    why: 'Collect the changes of one business operation and commit them together.',
  },
  {
    id: 'api-graphql',
    any: ['flexible_queries'],
    why: 'Clients with different data needs query one typed schema; budget for query cost limits and batching.',
  },
  { id: 'api-rpc', any: ['internal_rpc'], why: 'Typed contracts, deadlines and streaming between internal services.' },
  {
    id: 'arch-hexagonal',
    any: ['ports_adapters'],
    why: 'Ports and adapters keep the core independent of frameworks and vendors, with in-memory adapters for tests.',
  },
  {
    id: 'obs-correlation-ids',
    any: ['distributed_tracing', 'team_boundaries', 'independent_deployment'],
    why: 'Propagate a request id and W3C trace context across services and queues so one request can be followed end to end.',
  },
  {
    id: 'obs-structured-logging',
    any: ['production_monitoring', 'distributed_tracing'],
    why: 'JSON logs with stable fields and the request id make production problems searchable.',
  },
  {
    id: 'obs-red-use-metrics',
    any: ['production_monitoring', 'scale'],
    why: 'Rate, errors and duration per endpoint tell you when users are hurting and what to scale.',
  },
  {
    id: 'sec-threat-checklist',
    any: ['security_review'],
    why: 'Walk the OWASP Top 10 and API Top 10 areas before release.',
  },
  {
    id: 'rel-outbox',
    any: ['team_boundaries', 'independent_deployment'],
    why: "Services that own their data share changes through events; the outbox keeps those events consistent with each service's writes.",
  },
];
