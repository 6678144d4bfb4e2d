import { describe, expect, it } from 'vitest';
import { loadScenarios, SCENARIO_SETS, scenarioFailures } from '../../bench/scenarios.js';
import type { ExplicitNeeds } from '../../src/core/selection/select.js';
import { shippedEngine } from '../helpers/engine.js';

interface Scenario {
  name: string;
  requirements: string;
  needs?: ExplicitNeeds;
  /** Must be among the recommendations (matrix rows). */
  recommend?: string[];
  /** Must not be recommended. */
  forbid?: string[];
  /** Must be among recommendations or supporting patterns. */
  include?: string[];
  /** Must be declined with a reason. */
  reject?: string[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'plain CRUD app',
    requirements: 'A simple CRUD API for a todo list app',
    recommend: ['api-rest', 'arch-mvc'],
    forbid: ['arch-microservices', 'arch-hexagonal'],
  },
  {
    name: 'admin back office',
    requirements: 'Internal admin panel to manage product records in PostgreSQL',
    // A database named in passing is not the matrix's "testable data access layer" row.
    recommend: ['api-rest', 'arch-mvc'],
    forbid: ['arch-microservices'],
  },
  {
    name: 'blog',
    requirements: 'Blog with posts and comments, server rendered, a single developer',
    recommend: ['arch-mvc'],
    forbid: ['arch-microservices', 'arch-websocket-events'],
  },
  {
    name: 'complex domain',
    requirements: 'Insurance underwriting with complex business rules and approval workflows',
    recommend: ['arch-layered'],
    forbid: ['arch-microservices'],
    include: ['db-transaction-boundaries'],
  },
  {
    name: 'pricing rules',
    requirements: 'An order system whose pricing rules and discounts are complex domain logic',
    recommend: ['arch-layered'],
  },
  {
    name: 'testable data access',
    requirements: 'We need a testable data access layer so services can be unit tested without the database',
    recommend: ['db-repository'],
  },
  {
    name: 'orm data layer',
    requirements: 'Service persisting customers in MySQL through an ORM',
    recommend: ['db-repository'],
    include: ['db-schema-constraints'],
  },
  {
    name: 'real-time notifications',
    requirements: 'Real-time notifications when an order ships',
    recommend: ['arch-websocket-events'],
    forbid: ['arch-microservices'],
  },
  { name: 'chat', requirements: 'A chat feature with presence and live updates', recommend: ['arch-websocket-events'] },
  {
    name: 'live dashboard',
    requirements: 'Live dashboard streaming metrics to browsers',
    recommend: ['arch-websocket-events'],
  },
  {
    name: 'no real-time wanted',
    requirements: 'Reporting API, no real-time updates needed, nightly batch is fine',
    forbid: ['arch-websocket-events'],
  },
  {
    name: 'scale alone',
    requirements: 'The API must scale to millions of users with high traffic',
    forbid: ['arch-microservices'],
    reject: ['arch-microservices'],
    include: ['obs-red-use-metrics', 'db-indexing'],
  },
  {
    name: 'scale, one small team',
    requirements: 'High scalability needed; we are a team of four engineers shipping one product',
    forbid: ['arch-microservices'],
    reject: ['arch-microservices'],
  },
  {
    name: 'teams and independent deploys',
    requirements:
      'Five teams own separate domains (billing, catalog, shipping) and each team must deploy independently',
    recommend: ['arch-microservices'],
    include: ['obs-correlation-ids', 'rel-outbox'],
  },
  {
    name: 'team boundaries with scale',
    requirements: 'High scalability with clear team boundaries: several teams, each owning its service',
    recommend: ['arch-microservices'],
  },
  {
    name: 'independent deployment via needs',
    requirements: 'Platform for an online shop',
    needs: { team_boundaries: true, independent_deployment: true },
    recommend: ['arch-microservices'],
  },
  {
    name: 'needs can rule out',
    requirements: 'Several teams own parts of a large scalable shop',
    needs: { team_boundaries: false },
    forbid: ['arch-microservices'],
    reject: ['arch-microservices'],
  },
  {
    name: 'microservices wanted without reason',
    requirements: 'We want to use microservices because they are modern, for a small startup MVP',
    forbid: ['arch-microservices'],
  },
  {
    name: 'public api',
    requirements: 'A public API for third-party developers',
    include: ['sec-rate-limiting', 'api-versioning', 'api-request-validation', 'api-error-model'],
  },
  {
    name: 'payments',
    requirements: 'Checkout that charges cards through a payment provider and issues refunds',
    include: ['api-idempotency-keys', 'rel-timeouts', 'rel-circuit-breaker', 'db-transaction-boundaries'],
  },
  {
    name: 'webhooks out',
    requirements: 'Send webhooks to customer endpoints when invoices are paid',
    include: ['api-webhook-signatures', 'rel-retries-backoff', 'api-idempotency-keys'],
  },
  {
    name: 'webhooks in',
    requirements: 'Receive webhooks from Stripe and update orders',
    include: ['api-webhook-signatures', 'api-idempotency-keys'],
  },
  {
    name: 'flaky dependency',
    requirements: 'Our service calls a flaky third-party shipping API that sometimes times out',
    include: ['rel-timeouts', 'rel-retries-backoff', 'rel-circuit-breaker'],
    forbid: ['arch-microservices'],
  },
  {
    name: 'events after a write',
    requirements: 'After saving an order we must publish an OrderPlaced event to Kafka',
    include: ['rel-outbox', 'rel-dead-letter-queue'],
  },
  {
    name: 'queue consumers',
    requirements: 'Background workers consume jobs from a RabbitMQ queue; some messages fail repeatedly',
    include: ['rel-dead-letter-queue'],
  },
  {
    name: 'login',
    requirements: 'Users sign up and log in with email and password',
    include: ['sec-password-storage', 'sec-authn-authz-boundary'],
  },
  {
    name: 'multi-tenant',
    requirements: 'Multi-tenant SaaS where users must only see their own tenant data',
    include: ['sec-authn-authz-boundary'],
  },
  {
    name: 'slow queries',
    requirements: 'List pages are slow: too many queries and a full table scan on orders',
    include: ['db-n-plus-one', 'db-indexing'],
  },
  {
    name: 'schema evolution',
    requirements: 'We need zero downtime schema migrations while the service keeps running',
    include: ['db-migrations'],
  },
  {
    name: 'flexible clients',
    requirements: 'Mobile and web clients need different nested shapes of the same data; over-fetching hurts',
    include: ['api-graphql'],
  },
  {
    name: 'internal rpc',
    requirements: 'Low latency service to service calls with protobuf contracts',
    include: ['api-rpc'],
  },
  {
    name: 'swap vendors',
    requirements: 'Core billing logic must not depend on the payment provider or the database; we may swap vendors',
    include: ['arch-hexagonal'],
  },
  {
    name: 'audit',
    requirements: 'Regulated ledger: keep an audit trail of every change and never hard delete',
    include: ['db-soft-delete-audit'],
  },
  {
    name: 'secrets',
    requirements: 'The service needs API keys for three vendors and a database connection string',
    include: ['sec-secrets-management'],
  },
  {
    name: 'resellers get an API',
    requirements: 'Expose our product catalogue to resellers over HTTPS',
    include: ['sec-rate-limiting', 'api-versioning'],
  },
  {
    name: 'provider events in',
    requirements: 'Integrate with Stripe events',
    include: ['api-webhook-signatures', 'api-idempotency-keys'],
  },
  {
    name: 'failing internal dependency',
    requirements: 'The inventory service we call sometimes returns 500 errors',
    include: ['rel-timeouts', 'rel-retries-backoff', 'rel-circuit-breaker'],
  },
  {
    name: 'unpredictable vendor latency',
    requirements: 'Our checkout depends on a fraud-scoring vendor whose latency is unpredictable',
    include: ['rel-timeouts', 'rel-circuit-breaker'],
  },
  {
    name: 'write then message',
    requirements: 'Save the user and then send a welcome email through the queue reliably',
    include: ['rel-outbox'],
  },
  {
    name: 'client retries on create',
    requirements: 'Handle retries from clients safely when creating bookings',
    include: ['api-idempotency-keys'],
  },
  {
    name: 'logs across services',
    requirements: 'Logs from 5 services must be searchable by request',
    include: ['obs-correlation-ids', 'obs-structured-logging'],
  },
  {
    name: 'different data shapes',
    requirements: 'Mobile app and web need different shapes of the same data',
    include: ['api-graphql'],
  },
  {
    name: 'a negation ends with its sentence',
    requirements: 'No payments. Real-time updates for users',
    recommend: ['arch-websocket-events'],
  },
  {
    name: 'a negation written with a typographic apostrophe',
    requirements: 'An internal dashboard for staff. It doesn’t need real-time updates.',
    forbid: ['arch-websocket-events'],
  },
  {
    name: 'a phrase stays within its sentence',
    requirements: 'Staff see a live list. Updates come nightly in a batch.',
    forbid: ['arch-websocket-events'],
  },
  {
    name: 'traffic peaks alone',
    requirements: 'We want to go microservices to handle Black Friday traffic',
    forbid: ['arch-microservices'],
    reject: ['arch-microservices'],
  },
];

describe('select_pattern scenarios', () => {
  const engine = shippedEngine();
  it('has at least 25 scenarios', () => expect(SCENARIOS.length).toBeGreaterThanOrEqual(25));

  it.each(SCENARIOS)('$name', (s) => {
    const result = engine.select(s.requirements, s.needs);
    const recommended = result.recommendations.map((r) => r.id);
    const all = [...recommended, ...result.supporting.map((r) => r.id)];
    for (const id of s.recommend ?? []) expect(recommended, `recommend ${id}`).toContain(id);
    for (const id of s.forbid ?? []) expect(recommended, `forbid ${id}`).not.toContain(id);
    for (const id of s.include ?? []) expect(all, `include ${id}`).toContain(id);
    for (const id of s.reject ?? []) {
      const r = result.rejected.find((x) => x.id === id);
      expect(r?.why, `reject ${id}`).toMatch(/team boundaries|independent deployment/);
      expect(r?.instead.length).toBeGreaterThan(0);
    }
    for (const r of result.recommendations) {
      expect(r.why.length).toBeGreaterThan(20);
      expect(engine.catalogue.skill.matrix.map((m) => m.requirement)).toContain(r.requirement);
    }
    // Every constraint of the skill, in its order, each naming the document that explains it.
    expect(result.constraints.map((c) => c.replace(/ \(how: [a-z-]+\)$/, ''))).toEqual(
      engine.catalogue.skill.constraints,
    );
  });

  it('names what a clause of the requirements finds with confidence, and nothing for an unrelated system', () => {
    const known = engine.select('RFC 9457 problem details');
    expect(known.needs).toEqual([]);
    expect(known.supporting.map((r) => r.id)).toContain('api-error-model');
    const unknown = engine.select('Build a recommendation engine for movies');
    expect([...unknown.recommendations, ...unknown.supporting]).toEqual([]);
    expect(unknown.constraints.length).toBeGreaterThan(0);
  });

  it('treats a stated or ruled-out no_backend as the text saying so, and keeps the needs stated beside it', () => {
    const supporting = (requirements: string, needs: ExplicitNeeds) =>
      engine.select(requirements, needs).supporting.map((r) => r.id);
    // The text says "static site", the caller rules it out: the clauses are searched again.
    expect(engine.select('A static site. Errors use RFC 9457 problem details').supporting).toEqual([]);
    expect(supporting('A static site. Errors use RFC 9457 problem details', { no_backend: false })).toContain(
      'api-error-model',
    );
    // The caller states it, the text is silent: as if the text had said it.
    expect(supporting('Errors use RFC 9457 problem details', { no_backend: true })).not.toContain('api-error-model');
    const stated = engine.select('A static site for the shop', { no_backend: true, payments: true });
    expect(stated.needs.map((n) => n.need).sort()).toEqual(['no_backend', 'payments']);
  });

  it('ranks one list by strength and quotes the requirements as evidence', () => {
    const r = engine.select(
      'Public REST API for partners; our payments endpoint is retried by clients after timeouts, and the same card must never be charged twice.',
    );
    const strengths = r.supporting.map((s) => s.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect(r.supporting[0]?.id).toBe('api-idempotency-keys');
    expect(r.supporting[0]?.why).toMatch(/"payments"/);
  });
});

// Written by people who never saw the selection code (bench/scenarios.ts scores them). When they arrived:
// scenarios-blind.json 24 of 30 and -2 26 of 30 (first-hit phrase rules), -3 8 of 45 (counted strictly: an empty
// `expected` means nothing may be named); -4 19 of 58 and -5 19 of 77 on the same rules. -3 and then -4 were
// used to tune the selection data; -5 (written after the redesign) never was. The floors are today's figures.
const SCENARIO_FLOORS: Record<string, number> = {
  'scenarios-blind.json': 30,
  'scenarios-blind-2.json': 30,
  'scenarios-blind-3.json': 44,
  'scenarios-blind-4.json': 54,
  'scenarios-blind-5.json': 45,
};

describe('select_pattern blind scenarios', () => {
  const engine = shippedEngine();
  it.each(SCENARIO_SETS)('%s passes at least its floor', (name) => {
    const scenarios = loadScenarios(name);
    const failing = scenarios.map((s) => ({ s, why: scenarioFailures(engine, s) })).filter((f) => f.why.length > 0);
    const report = failing.map((f) => `${f.s.requirements.slice(0, 80)}: ${f.why.join('; ')}`).join('\n');
    expect(scenarios.length - failing.length, report).toBeGreaterThanOrEqual(SCENARIO_FLOORS[name] ?? Infinity);
  });
});
