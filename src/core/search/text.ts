import { stemmer } from 'stemmer';

// Words that carry no meaning for matching a pattern. "pattern" itself is here
// because half the titles end with it ("Outbox Pattern"), so it ranks nothing.
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can cannot could did do does doing down during each few for from further had has have having he her here hers him his
  how i if in into is it its itself just me more most my no nor not of off on once only or other our ours out over own
  same she should so some such than that the their theirs them then there these they this those through to too under
  until up very was we were what when where which while who whom why will with would you your yours
  pattern patterns use using used want need needs way ways best practice practices good proper properly should
  implement implementing implementation handle handling make making get getting something thing things keep keeps
  e g eg etc vs via`.split(/\s+/),
);

// Abbreviations and spellings people type, mapped to the words the documents use. A Map, as a query word
// such as "constructor" must not find Object.prototype's members.
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    db: 'database',
    dbs: 'database',
    authn: 'authentication',
    authz: 'authorization',
    auth: 'authentication',
    msg: 'message',
    msgs: 'message',
    req: 'request',
    reqs: 'request',
    resp: 'response',
    ws: 'websocket',
    websockets: 'websocket',
    realtime: 'real time',
    dlq: 'dead letter queue',
    dlqs: 'dead letter queue',
    cb: 'circuit breaker',
    ddd: 'domain driven design',
    uow: 'unit of work',
    pwd: 'password',
    pw: 'password',
    passwd: 'password',
    creds: 'credentials',
    env: 'environment',
    config: 'configuration',
    perf: 'performance',
    idempotent: 'idempotency',
    ratelimit: 'rate limit',
    ratelimiting: 'rate limiting',
    microservice: 'microservices',
    paging: 'pagination',
    paginate: 'pagination',
    paginated: 'pagination',
  }),
);

/** Lower-cases, strips accents and splits text into word tokens. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

/**
 * Longer than any word the catalogue holds ("internationalization" is 20): such a "word" is a pasted
 * token, a hash or an attack. It is kept as it is: not stemmed, split or matched fuzzily, whose costs
 * grow with its length.
 */
export const MAX_WORD = 40;

const stemCache = new Map<string, string>();
/** Porter stem of one lower-case word, memoised (the vocabulary is small and repeats). */
export function stem(word: string): string {
  if (word.length > MAX_WORD) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 100_000) stemCache.set(word, s);
  }
  return s;
}

/** The index-side term of one word: stemmed, or undefined for a stop word. */
export const indexTerm = (word: string): string | undefined => (STOP_WORDS.has(word) ? undefined : stem(word));

/** One word of a query as typed, and its term. */
export interface QueryTerm {
  word: string;
  term: string;
}

/** A query's words as typed and as terms: abbreviations expanded, stop words dropped (kept if nothing else is left), stemmed, unique by term. */
export function queryTerms(query: string): QueryTerm[] {
  const expanded = words(query).flatMap((w) => (ABBREVIATIONS.get(w) ?? w).split(' '));
  const meaningful = expanded.filter((w) => !STOP_WORDS.has(w));
  const unique = new Map<string, string>();
  for (const word of meaningful.length > 0 ? meaningful : expanded) {
    const term = stem(word);
    if (!unique.has(term)) unique.set(term, word);
  }
  return [...unique].map(([term, word]) => ({ word, term }));
}
