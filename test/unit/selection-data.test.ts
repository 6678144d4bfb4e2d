import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/core/engine.js';
import { loadWithTeams } from '../../src/core/store/teams.js';
import { bek, bekWith } from '../helpers/cli.js';
import { shippedEngine } from '../helpers/engine.js';
import { connectInProcess } from '../helpers/mcp.js';
import { teamDoc, teamFolder } from '../helpers/team.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/valid');

describe('selection data travels with a catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bek-selection-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a user catalogue selects with its own needs and rows, over a real MCP client', async () => {
    const { engine } = loadEngine(FIXTURE);
    expect(engine).toBeDefined();
    const { client, close } = await connectInProcess('modern', engine);
    try {
      const result = await client.callTool({
        name: 'select_pattern',
        arguments: { requirements: 'Staff edit records all day; the partner keeps failing.' },
      });
      const s = result.structuredContent as {
        recommendations: { id: string; requirement: string }[];
        needs: { need: string }[];
      };
      expect(s.needs.map((n) => n.need).sort()).toEqual(['flaky_partner', 'forms']);
      expect(s.recommendations.map((r) => `${r.id} ${r.requirement}`)).toContain('fix-alpha Simple CRUD API');
      const unknown = await client.callTool({
        name: 'select_pattern',
        arguments: { requirements: 'anything at all', needs: ['payments'] },
      });
      expect(unknown.isError).toBe(true);
      expect(JSON.stringify(unknown.content)).toMatch(/Unknown need: payments\. The needs are: forms, flaky_partner/);
    } finally {
      await close();
    }
  });

  it('a broken rule file is refused with its file and field, by validate and by the server', async () => {
    cpSync(FIXTURE, dir, { recursive: true });
    const write = (weight: number) =>
      writeFileSync(
        join(dir, 'skill/selection.json'),
        JSON.stringify({
          needs: { forms: { description: 'Records edited through forms', evidence: { forms: weight } } },
          rows: [
            {
              requirement: 'Simple CRUD API',
              recommended: ['fix-zeta'],
              when: ['nope'],
              why: 'Because of the forms.',
              caveats: [],
            },
          ],
          support: [],
        }),
      );
    write(2); // a weight above 1
    const r = await bek('validate', dir, '--json');
    expect(r.code).toBe(1);
    const problems = (JSON.parse(r.stdout) as { problems: { file: string; field: string }[] }).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'skill/selection.json', field: 'needs.forms.evidence.forms' }),
    );
    write(1); // valid JSON and schema, but naming what does not exist
    const fields = loadEngine(dir).problems.map((p) => `${p.file} ${p.field}: ${p.message}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'skill/selection.json rows.0.when: unknown need "nope"',
        'skill/selection.json rows.0.recommended: unknown pattern id "fix-zeta"',
        expect.stringMatching(/^skill\/selection\.json rows: the matrix row "Complex business logic"/),
      ]),
    );
    const serve = await bekWith({ BEK_CATALOGUE_DIR: dir, BEK_CACHE_DIR: 'off' }, 'serve');
    expect(serve.code).toBe(1);
    expect(serve.stdout).toBe('');
    expect(serve.stderr).toMatch(/skill\/selection\.json: rows\.0\.when: unknown need "nope"/);
  });
});

describe("a team folder's selection data", () => {
  const selection = (support: unknown[], rows: unknown[] = []) =>
    JSON.stringify({
      needs: {
        ledger_close: {
          description: 'The books are closed at month end',
          evidence: { 'month end close': 1, 'close the books': 1 },
        },
        // A built-in need: the team's phrases join its evidence.
        payments: { description: 'Money moves', evidence: { 'settlement run': 1 } },
      },
      rows,
      support,
    });
  const team = (json: string) => {
    const dir = teamFolder({ 'team-ledger-close': teamDoc('team-ledger-close') });
    writeFileSync(join(dir, 'selection.json'), json);
    return dir;
  };

  it("takes part in select_pattern: the team's needs, and its evidence for a built-in need", async () => {
    const dir = team(
      selection([{ pattern: 'team-ledger-close', when: ['ledger_close'], why: 'How we close the books here.' }]),
    );
    const loaded = loadWithTeams(shippedEngine(), [dir]);
    expect(loaded.problems).toEqual([]);
    const { client, close } = await connectInProcess('legacy', loaded.engine);
    try {
      const result = await client.callTool({
        name: 'select_pattern',
        arguments: {
          requirements: 'Finance must close the books on the first working day; the settlement run pays sellers.',
        },
      });
      const s = result.structuredContent as { needs: { need: string }[]; supporting: { id: string }[] };
      expect(s.needs.map((n) => n.need)).toEqual(expect.arrayContaining(['ledger_close', 'payments']));
      expect(s.supporting.map((p) => p.id)).toContain('team-ledger-close');
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the description of a need whose name an object inherits ("constructor")', () => {
    const dir = team(
      JSON.stringify({
        needs: {
          constructor: { description: 'A building contractor is a party', evidence: { 'building contractor': 1 } },
        },
        rows: [],
        support: [{ pattern: 'team-ledger-close', when: ['constructor'], why: 'How we pay contractors here.' }],
      }),
    );
    try {
      const loaded = loadWithTeams(shippedEngine(), [dir]);
      expect(loaded.problems).toEqual([]);
      const s = loaded.engine?.select('Every building contractor sends invoices each month.');
      expect(s?.needs.find((n) => n.need === 'constructor')?.because).toBe(
        '"building contractor": A building contractor is a party',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused with its file and field when a rule names what does not exist or adds a matrix row', () => {
    const dir = team(
      selection(
        [{ pattern: 'team-nothing', when: ['ledger_close', 'nope'], why: 'A rule with two mistakes.' }],
        [
          {
            requirement: 'Simple CRUD API',
            recommended: ['api-rest'],
            when: ['payments'],
            why: 'A team row.',
            caveats: [],
          },
        ],
      ),
    );
    const problems = loadWithTeams(shippedEngine(), [dir]).problems.map((p) => `${p.file} ${p.field}: ${p.message}`);
    const file = join(dir, 'selection.json');
    expect(problems).toEqual([
      `${file} rows: a team folder adds no matrix rows: the matrix is the skill's`,
      `${file} support.0.when: unknown need "nope"`,
      `${file} support.0.pattern: unknown pattern id "team-nothing"`,
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('selection reads word senses, not words', () => {
  const engine = shippedEngine();
  const named = (requirements: string) => {
    const r = engine.select(requirements);
    return [...r.recommendations, ...r.supporting].map((p) => p.id);
  };
  it.each([
    [
      'Pay attention to latency on the search page; it must answer within 200 ms.',
      ['api-idempotency-keys', 'db-transaction-boundaries'],
    ],
    ['A product site of five static pages, hosted on a CDN.', ['api-pagination']],
    ['Our engineers get paged by alerts at night for problems that fix themselves.', ['api-pagination']],
    ['We want an engineering blog on Medium, written by volunteers.', ['api-rest', 'arch-mvc']],
    [
      'Send the release notes to our mailing list of 40 people from Mailchimp.',
      ['api-rest', 'arch-mvc', 'api-pagination'],
    ],
    ['Employees log in through our Okta single sign-on; nobody has a password with us.', ['sec-password-storage']],
    ["Prepare the slide deck summarising each team's goals for the quarter.", ['arch-microservices']],
  ])('%s', (requirements, wrong) => {
    const got = named(requirements);
    for (const id of wrong) expect(got, id).not.toContain(id);
  });
});
