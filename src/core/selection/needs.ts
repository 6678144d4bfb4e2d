/**
 * What a set of requirements can call for, and the phrases that reveal each need in free text.
 * Phrases are matched on stemmed words, in order with up to two words between, and ignored when negated ("no real-time").
 * Stemming joins more than forms of a word: "production" is "product" and "logs" is "log" (as in "log in"),
 * so such words appear only inside longer phrases.
 */
export const NEEDS = {
  crud: {
    description: 'Mostly create/read/update/delete over records, forms or admin screens',
    signals: ['crud', 'create read update delete', 'simple api', 'simple web app', 'admin panel', 'admin dashboard', 'back office', 'todo app', 'blog', 'internal tool', 'manage records', 'forms', 'basic rest api', 'standard web application', 'catalog of products', 'inventory list', 'add update delete', 'add update remove', 'add edit delete', 'create edit delete', 'create update delete', 'list create edit', 'standard web app', 'simple as possible', 'keep it simple', 'straightforward crud', 'listings'],
  },
  complex_domain: {
    description: 'Complex business rules or workflows that must be isolated from I/O',
    signals: ['complex business logic', 'complex business rules', 'business rules', 'domain logic', 'complex domain', 'domain complexity', 'workflow', 'workflows', 'pricing rules', 'approval', 'state machine', 'invariants', 'underwriting', 'insurance', 'claims processing', 'tax calculation', 'order fulfilment', 'order fulfillment', 'domain driven', 'rules change', 'pricing logic', 'logic isolated', 'isolated from', 'eligibility', 'surcharges', 'rules that differ', 'many rules', 'hazmat'],
  },
  data_access: {
    description: 'Reads and writes a database; data access should be testable',
    signals: ['database', 'postgres', 'postgresql', 'mysql', 'sql', 'sqlite', 'mongodb', 'orm', 'persist', 'persistence', 'store data', 'data access', 'data layer', 'queries', 'repository', 'tables', 'records', 'crud', 'testable data access', 'mock the database', 'unit test without database', 'swap database', 'without a real database', 'unit testable', 'mockable', 'in memory fake', 'fake repository', 'without the database'],
  },
  realtime: {
    description: 'Live updates pushed to clients: notifications, chat, dashboards, presence',
    signals: ['real time', 'realtime', 'live updates', 'live update', 'push notifications', 'notifications', 'notify users', 'chat', 'websocket', 'websockets', 'server sent events', 'sse', 'live dashboard', 'presence', 'collaborative editing', 'instant updates', 'streaming updates', 'multiplayer', 'live feed', 'ticker', 'live status', 'live tracking', 'in real time', 'instantly', 'the moment', 'as it happens', 'without refreshing', 'without polling', 'push updates', 'typing indicators', 'pushed to', 'push to', 'status changes'],
  },
  scale: {
    description: 'High load or growth is expected',
    signals: ['scale', 'scalability', 'scalable', 'high traffic', 'millions of users', 'million users', 'high load', 'heavy load', 'large scale', 'handle growth', 'requests per second', 'rps', 'throughput', 'web scale', 'horizontal scaling', 'spikes in traffic'],
  },
  distributed_architecture: {
    description: 'Microservices or splitting into services is being considered',
    signals: ['microservices', 'microservice', 'micro services', 'split into services', 'split the monolith', 'break up the monolith', 'service oriented', 'soa', 'separate services', 'distributed system'],
  },
  team_boundaries: {
    description: 'Several teams own separate parts of the system (clear team boundaries)',
    signals: ['team boundaries', 'multiple teams', 'several teams', 'many teams', 'separate teams', 'different teams', 'teams own', 'team owns', 'each team', 'team per', 'teams per', 'autonomous teams', 'independent teams', 'org structure', 'conway', 'engineers across', 'owned by separate teams'],
  },
  independent_deployment: {
    description: 'Parts of the system must be deployed, released or scaled independently',
    signals: ['independent deployment', 'independently deploy', 'deploy independently', 'deployed independently', 'independent release', 'release independently', 'independent deploys', 'deploy separately', 'separate deployment', 'own release cycle', 'release cadence', 'scale independently', 'independently scalable', 'deploy on their own schedule'],
  },
  public_api: {
    description: 'An API exposed to third parties, partners, mobile apps or the internet',
    signals: ['public api', 'public apis', 'partners', 'partner api', 'external developers', 'developer platform', 'open api', 'exposed to the internet', 'internet facing', 'mobile app', 'mobile clients', 'customers integrate', 'api keys', 'saas api', 'public endpoint', 'public facing', 'third party developers', 'third party integrators', 'external clients', 'opening our api', 'open our api', 'b2b api', 'developer portal', 'integrators', 'resellers', 'expose our api', 'exposed to customers', 'external customers', 'b2b', 'api consumers', 'customers call our api'],
  },
  payments: {
    description: 'Money moves: payments, refunds, orders, transfers, billing',
    signals: ['payment', 'payments', 'pay', 'charge', 'charges', 'refund', 'refunds', 'billing', 'invoice', 'invoices', 'checkout', 'money', 'wallet', 'ledger', 'subscription billing', 'stripe', 'place order', 'purchase', 'double charge', 'charged twice', 'credit card', 'paid', 'payout', 'payouts', 'payment provider', 'card payments', 'debit card', 'bank transfer', 'money transfer', 'wire transfer', 'transfer funds'],
  },
  webhooks: {
    description: 'Webhooks are sent to or received from other systems',
    signals: ['webhook', 'webhooks', 'callback url', 'callbacks', 'event notifications to customers', 'notify external systems', 'receive events from', 'http callbacks', 'stripe events', 'github events', 'inbound events', 'incoming events', 'events from stripe', 'callback'],
  },
  unreliable_dependency: {
    description: 'Calls to a slow, flaky or rate-limited dependency (third-party API, another service)',
    signals: ['flaky', 'unreliable', 'third party api', 'external api', 'external service', 'downstream', 'slow service', 'times out', 'timeouts', 'timeout', 'goes down', 'outage', 'outages', 'intermittent', 'transient errors', 'legacy system', 'payment provider', 'payment gateway', 'calls another service', 'remote service', 'partner api', 'cascading failure', 'sometimes fails', 'unstable', 'often slow', 'is slow', 'returns 503', '503', '502', '504', 'hangs', 'unavailable', 'upstream', 'vendor api', 'external provider', 'keep hammering', 'pile up', 'rate limited by', 'service we call', 'api we call', 'sometimes returns', 'returns 500', '500 errors', '5xx', 'latency is unpredictable', 'unpredictable latency', 'external dependency', 'downstream dependency', 'flaky dependency', 'unreliable dependency', 'slow dependency', 'third party dependency'],
  },
  events_after_write: {
    description: 'An event or message must be published when data changes, without losing or inventing it',
    signals: ['publish event', 'publish events', 'publish an event', 'emit event', 'emit events', 'send event', 'domain events', 'event after', 'events after', 'notify other services', 'message broker', 'kafka', 'rabbitmq', 'sqs', 'event driven', 'dual write', 'after saving', 'after commit', 'on order placed', 'integration events', 'send email after', 'then send', 'then publish', 'then emit', 'reliably send', 'reliably emit', 'reliably publish', 'must be told', 'without losing events', 'lost events'],
  },
  async_messaging: {
    description: 'Background jobs or queue consumers process messages',
    signals: ['queue', 'queues', 'consumer', 'consumers', 'background job', 'background jobs', 'worker', 'workers', 'message broker', 'kafka', 'rabbitmq', 'sqs', 'pub sub', 'pubsub', 'poison message', 'messages fail', 'async processing', 'asynchronous processing', 'job queue'],
  },
  transient_failures: {
    description: 'Operations fail transiently and should be tried again',
    signals: ['retry', 'retries', 'retried', 'retrying', 'transient', 'try again', 'temporary failures', 'temporarily unavailable', 'flaky network', 'flaky networks', 'resend', 'resends'],
  },
  atomic_writes: {
    description: 'Several writes must succeed or fail together',
    signals: ['commit or roll back', 'roll back together', 'rollback', 'atomic', 'atomically', 'all or nothing', 'transaction', 'transactions', 'half applied', 'half written', 'partially applied', 'partial updates', 'must commit', 'consistent state'],
  },
  rest_style: {
    description: 'The API is stated to be REST (resources over HTTP with JSON)',
    signals: ['rest api', 'rest apis', 'rest endpoints', 'rest service', 'http api', 'json api'],
  },
  client_retries: {
    description: 'Clients may send the same write twice (retries, double submits) and it must take effect once',
    signals: ['client retries', 'retries from clients', 'clients retry', 'clients may retry', 'clients may resend', 'duplicate requests', 'duplicate submissions', 'duplicate orders', 'double submit', 'double click', 'same request twice', 'exactly once', 'safe to retry', 'retry safely', 'retried safely', 'charged twice', 'processed twice', 'applied twice'],
  },
  abuse: {
    description: 'Clients may abuse the service: brute force, scraping, floods, noisy neighbours',
    signals: ['brute force', 'credential stuffing', 'login attempts', 'password guessing', 'abuse', 'abusive', 'noisy clients', 'noisy neighbour', 'noisy neighbor', 'scraping', 'scrapers', 'bots', 'spam', 'ddos', 'flood', 'too many requests', 'throttle', 'throttling', 'rate limit', 'rate limits', 'quota', 'quotas', 'fair usage'],
  },
  user_accounts: {
    description: 'Users sign up and log in with passwords',
    signals: ['login', 'log in', 'sign up', 'signup', 'user accounts', 'passwords', 'password', 'registration', 'authentication', 'authenticate', 'credentials', 'sign in', 'signs up', 'sign ups', 'email and password'],
  },
  authorization: {
    description: 'Different users may see or do different things (roles, tenants, ownership)',
    signals: ['authorization', 'permissions', 'roles', 'rbac', 'abac', 'access control', 'multi tenant', 'multitenant', 'tenants', 'tenant', 'admin users', 'only their own', 'ownership', 'private data', 'acl'],
  },
  secrets: {
    description: 'Credentials, API keys or tokens must be configured',
    signals: ['secret', 'secrets', 'api key', 'api keys', 'credentials', 'tokens', 'connection string', 'environment variables', 'env vars', 'configuration', 'vault', 'private key'],
  },
  list_endpoints: {
    description: 'Endpoints return long lists that need paging, filtering or sorting',
    signals: ['list endpoint', 'list endpoints', 'pagination', 'paginate', 'paging', 'large lists', 'infinite scroll', 'filtering', 'sorting', 'search results', 'browse', 'thousands of records', 'millions of rows', 'feed', 'all orders page', 'list page', 'loads every row'],
  },
  query_performance: {
    description: 'Slow queries, too many queries, or large tables',
    signals: ['slow queries', 'slow query', 'query performance', 'too many queries', 'n 1', '1 n', 'n plus one', 'lazy loading', 'full table scan', 'seq scan', 'large tables', 'slow page', 'slow endpoint', 'index', 'indexes', 'millions of rows', 'queries per request', 'hundreds of queries', 'query per row', 'one query per', 'become slow', 'getting slow', 'slow list', 'slow report', 'slow reports', 'takes seconds', 'over 30 seconds', 'loads every row'],
  },
  audit: {
    description: 'History, audit trail, compliance or restore of deleted data',
    signals: ['audit', 'audit trail', 'audit log', 'history of changes', 'compliance', 'regulated', 'gdpr', 'soft delete', 'undo delete', 'restore deleted', 'who changed', 'sox', 'hipaa', 'pci', 'ledger'],
  },
  schema_changes: {
    description: 'The database schema evolves while the service stays up',
    signals: ['migration', 'migrations', 'schema change', 'schema changes', 'zero downtime', 'without downtime', 'rename column', 'add column', 'backfill', 'evolve the schema', 'no downtime', 'rolling deploy', 'rolling deploys', 'old and new versions', 'old and new app versions', 'side by side', 'new column', 'drop column', 'split column', 'change column', 'column type', 'large table', 'big table'],
  },
  api_evolution: {
    description: 'The API changes over time while old clients keep working',
    signals: ['versioning', 'version the api', 'api versions', 'breaking changes', 'backward compatible', 'backwards compatible', 'deprecate', 'deprecation', 'old clients', 'mobile app versions', 'long lived clients'],
  },
  flexible_queries: {
    description: 'Clients need flexible, nested data shapes from one endpoint',
    signals: ['graphql', 'flexible queries', 'over fetching', 'overfetching', 'under fetching', 'many client types', 'nested data', 'client chooses fields', 'aggregate many sources', 'backend for frontend', 'bff', 'different shapes', 'different data shapes', 'different fields', 'mobile and web', 'each client needs'],
  },
  internal_rpc: {
    description: 'Low-latency calls between internal services with typed contracts',
    signals: ['grpc', 'rpc', 'service to service', 'internal services', 'internal api', 'protobuf', 'protocol buffers', 'low latency internal', 'streaming between services', 'json rpc'],
  },
  ports_adapters: {
    description: 'Core logic must outlive or swap its frameworks, databases or vendors',
    signals: ['hexagonal', 'ports and adapters', 'clean architecture', 'swap vendors', 'swap providers', 'framework independent', 'replace the database', 'multiple adapters', 'test business logic in isolation', 'vendor lock in', 'onion architecture'],
  },
  distributed_tracing: {
    description: 'Requests cross several services or queues and must be traced end to end',
    signals: ['trace requests', 'tracing', 'distributed tracing', 'correlation id', 'correlation ids', 'request id', 'across services', 'debug across services', 'follow a request', 'microservices logs', 'searchable by request', 'logs from', 'multiple services', 'several services', 'many services', 'trace a request', 'which service'],
  },
  production_monitoring: {
    description: 'The service runs in production and needs logs, metrics and alerts',
    signals: ['monitoring', 'observability', 'metrics', 'alerts', 'alerting', 'slo', 'slos', 'sla', 'dashboards', 'on call', 'debugging production', 'incident', 'production incidents', 'production issues', 'production traffic', 'production ready', 'running in production', 'the logs', 'logs show', 'log aggregation', 'centralized logging', 'central logging', 'structured logging'],
  },
  security_review: {
    description: 'A security review, threat model or hardening pass',
    signals: ['security review', 'threat model', 'threat modelling', 'threat modeling', 'owasp', 'pentest', 'penetration test', 'hardening', 'secure the api', 'security audit', 'attack surface', 'vulnerabilities'],
  },
  input_handling: {
    description: 'Accepts user input, uploads or untrusted payloads',
    signals: ['user input', 'form input', 'untrusted input', 'validate input', 'validation', 'uploads', 'file upload', 'json body', 'request body', 'user generated content', 'comments', 'sanitize', 'xss', 'injection'],
  },
} as const satisfies Record<string, { description: string; signals: readonly string[] }>;

export type Need = keyof typeof NEEDS;
export const NEED_KEYS = Object.keys(NEEDS) as Need[];
