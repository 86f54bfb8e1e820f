/**
 * The JSON contracts (src/answer/contracts.ts) against the README and against real answers:
 *   - every key the README's "JSON contracts" block names is in the schema of that line;
 *   - every command the README shows, run on the seed corpus, prints JSON its schema accepts;
 *   - the schemas name every key the commands emit (a key added to a command is added to its contract).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answer } from '../../commands/index.ts';
import type { CommandContext } from '../../src/context.ts';
import { CONTRACTS, contractName, digestJsonSchema, type AnswerJson, type ContractName } from '../../src/answer/contracts.ts';
import { collectDigest } from '../../src/digest/collect.ts';
import { digestAnswer } from '../../src/digest/compose.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { ROOT, seedContext, tempDir } from '../helpers/corpus.ts';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

// -------------------------------------------------------------------------------------------------------
// The README's contract notation: `name {"key":value,"key",…}` with `…` for "anything", `|` for
// alternatives, `[x]` for a list of x, `{…}` for an object whose keys are not spelled out. Continuation
// lines are indented; text after the closing brace is a comment.

type Node =
  | { kind: 'object'; members: { key: string; value?: Node }[] }
  | { kind: 'array'; element?: Node }
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'alt'; options: Node[] };

interface ContractLine {
  name: string;
  shape: Node;
}

/** The fenced block after the heading "### JSON contracts". */
function contractBlock(readme: string): string {
  const heading = readme.search(/^### JSON contracts/m);
  if (heading < 0) throw new Error('README has no "### JSON contracts" heading');
  const fence = /^```[^\n]*\n([\s\S]*?)^```/m.exec(readme.slice(heading));
  if (!fence) throw new Error('no fenced block after "### JSON contracts"');
  return fence[1]!;
}

/** One entry per contract: a line starting at column 0, plus the indented lines after it. */
function parseContracts(block: string): ContractLine[] {
  const entries: string[] = [];
  for (const line of block.split('\n')) {
    if (!line.trim()) continue;
    if (/^\s/.test(line) && entries.length) entries[entries.length - 1] += ` ${line.trim()}`;
    else entries.push(line);
  }
  return entries.map((entry) => {
    const brace = entry.indexOf('{');
    if (brace < 0) throw new Error(`contract line without a JSON shape: ${entry}`);
    const parser = new ShapeParser(entry.slice(brace));
    return { name: entry.slice(0, brace).trim().replace(/\s+/g, ' '), shape: parser.object() };
  });
}

class ShapeParser {
  private tokens: string[];
  private at = 0;

  constructor(text: string) {
    this.tokens = text.match(/"[^"]*"|[{}[\],:|]|[^\s{}[\],:|"]+/g) ?? [];
  }

  private peek(): string | undefined {
    return this.tokens[this.at];
  }

  private take(expected?: string): string {
    const token = this.tokens[this.at++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error(`expected ${expected ?? 'a token'} at token ${this.at - 1}, got ${token ?? 'the end'}`);
    }
    return token;
  }

  value(): Node {
    const options = [this.single()];
    while (this.peek() === '|') {
      this.take('|');
      options.push(this.single());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private single(): Node {
    const token = this.peek();
    if (token === '{') return this.object();
    if (token === '[') {
      this.take('[');
      const element = this.peek() === ']' ? undefined : this.value();
      this.take(']');
      return { kind: 'array', element };
    }
    const text = this.take();
    return text.startsWith('"') ? { kind: 'string', value: text.slice(1, -1) } : { kind: 'word', value: text };
  }

  object(): Node & { kind: 'object' } {
    this.take('{');
    const members: { key: string; value?: Node }[] = [];
    while (this.peek() !== '}') {
      const token = this.take();
      if (token.startsWith('"')) {
        const key = token.slice(1, -1);
        if (this.peek() === ':') {
          this.take(':');
          members.push({ key, value: this.value() });
        } else members.push({ key });
      } // else `…`: keys not spelled out
      if (this.peek() === ',') this.take(',');
      else if (this.peek() !== '}') throw new Error(`expected , or } after "${token}", got ${this.peek() ?? 'the end'}`);
    }
    this.take('}');
    return { kind: 'object', members };
  }
}

// -------------------------------------------------------------------------------------------------------
// Walking a zod schema

/** The schema inside `.nullable()` / `.optional()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** What the README names at `where` but the schema lacks or rejects; empty when they agree. */
function mismatches(node: Node, schema: z.ZodType, where: string): string[] {
  switch (node.kind) {
    case 'alt':
      return node.options.flatMap((option) => mismatches(option, schema, where));
    case 'string':
      return schema.safeParse(node.value).success ? [] : [`${where}: the schema does not accept "${node.value}"`];
    case 'word': {
      const literal = ({ null: null, true: true, false: false } as Record<string, unknown>)[node.value];
      if (literal === undefined) return []; // `…`, `index…`: not specified
      return schema.safeParse(literal).success ? [] : [`${where}: the schema does not accept ${node.value}`];
    }
    case 'array': {
      const inner = unwrap(schema);
      if (!(inner instanceof z.ZodArray)) return [`${where}: a list in the README, not in the schema`];
      return node.element ? mismatches(node.element, inner.element as z.ZodType, `${where}[]`) : [];
    }
    case 'object': {
      const inner = unwrap(schema);
      if (!(inner instanceof z.ZodObject)) return [`${where}: an object in the README, not in the schema`];
      const shape = inner.shape as Record<string, z.ZodType>;
      return node.members.flatMap(({ key, value }) => {
        const at = `${where}.${key}`;
        if (!(key in shape)) return [`${at}: named in the README, missing from the schema`];
        return value ? mismatches(value, shape[key]!, at) : [];
      });
    }
  }
}

/** Every disagreement between a README contract block and CONTRACTS. */
function checkBlock(block: string): string[] {
  const problems: string[] = [];
  for (const { name, shape } of parseContracts(block)) {
    const schema = (CONTRACTS as Record<string, z.ZodType>)[name];
    if (!schema) problems.push(`${name}: no schema of that name in src/answer/contracts.ts`);
    else problems.push(...mismatches(shape, schema, name));
  }
  return problems;
}

/** Keys of `value` that its schema does not name, as paths (the schemas are open, so parse() passes them). */
function unnamedKeys(value: unknown, schema: z.ZodType, where: string): string[] {
  const inner = unwrap(schema);
  if (value === null || value === undefined) return [];
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unnamedKeys(item, inner.element as z.ZodType, `${where}[${i}]`));
  }
  if (inner instanceof z.ZodObject && typeof value === 'object') {
    const shape = inner.shape as Record<string, z.ZodType>;
    return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
      key in shape ? unnamedKeys(v, shape[key]!, `${where}.${key}`) : [`${where}.${key}`],
    );
  }
  return [];
}

// -------------------------------------------------------------------------------------------------------

describe('the README contract block', () => {
  const block = contractBlock(README);
  const lines = parseContracts(block);

  it('documents news, deal, number, check, help, every digest and watch action and errors, each once', () => {
    const names = lines.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(CONTRACTS).sort());
  });

  it('names only keys (and values) that the schemas have', () => {
    expect(checkBlock(block)).toEqual([]);
  });

  it('reads the nested keys, not just the top level', () => {
    const deal = lines.find((l) => l.name === 'deal')!.shape as Node & { kind: 'object' };
    const deals = deal.members.find((m) => m.key === 'deals')!.value as Node & { kind: 'array' };
    const row = deals.element as Node & { kind: 'object' };
    expect(row.members.map((m) => m.key)).toEqual(expect.arrayContaining(['investor', 'amount', 'status', 'citations']));
  });

  it.each([
    ['news', '"snippet","score"', '"snippet","score","rank"', 'news.hits[].rank'],
    ['deal', '"status","date",', '"status","date","currency",', 'deal.deals[].currency'],
    ['deal', '"citations":[{"article","outlet","date","title","url","quote"}]', '"citations":[{"article","outlet","date","title","url","quote","page"}]', 'deal.deals[].citations[].page'],
    ['deal', '"qualifier"}|null', '"qualifier","unit"}|null', 'deal.deals[].amount.unit'],
    ['number', '"conflicts":[{"subject",', '"conflicts":[{"subject","values",', 'number.conflicts[].values'],
    ['number', '{"command":"number",', '{"command":"number","total",', 'number.total'],
    ['error', '"error":…}', '"error":…,"usage":…}', 'error.usage'],
    ['check', '"not_a_claim",', '"not_a_claim"|"unclear",', 'check.verdict'],
  ])('a key or value added to the %s line without the schema fails (%s → %s)', (_name, from, to, expected) => {
    expect(block).toContain(from);
    const problems = checkBlock(block.replace(from, to));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${expected.replace(/[.[\]]/g, '\\$&')}:`));
  });

  it('a contract line without a schema fails', () => {
    expect(checkBlock(`${block}ingest {"command":"ingest","added"}\n`)).toEqual(['ingest: no schema of that name in src/answer/contracts.ts']);
  });
});

// -------------------------------------------------------------------------------------------------------

/** Every command the README shows: the "ask | get" table, the `ask --` examples, the sample session. */
function readmeExamples(readme: string): string[] {
  const examples = new Set<string>();
  const table = /^\| ask \| get \|\n\|[^\n]*\n((?:\|[^\n]*\n)+)/m.exec(readme);
  for (const row of table?.[1]!.split('\n').filter(Boolean) ?? []) {
    const [ask, get] = row.split(' | ');
    for (const [, code] of ask!.matchAll(/`([^`]+)`/g)) examples.add(code!);
    for (const [, code] of (get ?? '').matchAll(/`(\/[a-z]+ [^`]+)`/g)) examples.add(code!);
  }
  for (const [, line] of readme.matchAll(/npm run --silent ask -- "([^"]+)"/g)) examples.add(line!);
  for (const [, line] of readme.matchAll(/^dealdesk> (.+)$/gm)) if (line !== 'exit') examples.add(line!);
  return [...examples];
}

/** The seed corpus with a fresh state store, so /digest works without touching DATA_DIR. */
function contextWithStore(): CommandContext {
  return { ...seedContext(), store: new FileStateStore(tempDir('dealdesk-contracts-state-')) };
}

/** The JSON as `ask --json` prints it (undefined keys dropped), checked against its contract. */
async function contractOf(line: string, ctx: CommandContext): Promise<{ name: ContractName | undefined; json: unknown }> {
  const result = await answer(line, ctx);
  const json = JSON.parse(JSON.stringify(result.json)) as AnswerJson;
  return { name: contractName(json), json };
}

function expectValid(name: ContractName | undefined, json: unknown, line: string): void {
  expect(name, line).toBeDefined();
  const schema: z.ZodType = CONTRACTS[name!];
  const parsed = schema.safeParse(json);
  expect(parsed.success, `${line}: ${parsed.error?.message}`).toBe(true);
  expect(unnamedKeys(json, schema, name!), `${line}: keys the ${name} schema does not name`).toEqual([]);
}

describe('real answers', () => {
  const examples = readmeExamples(README);

  it('the README examples are found', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        '/deal openai',
        '/deal microsoft openai 2023',
        '/number anthropic valuation',
        '/number Amazon Investitionen 2026',
        '/news Rechenzentrum',
        '/check Amazon will invest $50bn in OpenAI',
        '/digest on 08:00 Europe/Berlin',
        'how much is Amazon putting into OpenAI?',
        'Wie hoch ist die Bewertung von Anthropic?',
        '/deal anthropic',
      ]),
    );
  });

  it('every README example, run on the seed corpus, prints JSON its contract accepts', async () => {
    const ctx = contextWithStore();
    for (const line of examples) {
      const { name, json } = await contractOf(line, ctx);
      expect(name, line).not.toBe('error');
      expectValid(name, json, line);
    }
  });

  it('every contract is met by real answers: each digest action, errors, empty results, unknown commands', async () => {
    const ctx = contextWithStore();
    const lines = [
      '/news Rechenzentrum',
      '/news xyzzyplugh',
      '/deal openai',
      '/deal microsoft openai 2023',
      '/deal prometheus',
      '/number Amazon Investitionen 2026',
      '/number Nvidia Umsatz 1999',
      '/facts 003_74890980bce22e95.txt',
      '/facts Amazon',
      '/facts',
      '/check Amazon will invest $80bn in OpenAI',
      '/check Apple invests $5bn in Mistral',
      'source? Amazon investiert in Anthropic',
      '/help',
      '/frobnicate',
      '/digest status',
      '/digest off',
      '/digest now',
      '/digest on 08:00 Europe/Berlin quiet',
      '/digest status',
      '/digest now',
      '/digest off',
      '/digest status',
      '/digest',
      '/deal',
      '/deal antropik',
      '/news',
      '/news der die das',
      '/number',
      '/check',
      '/digest weekly',
      '/watch anthropic',
      '/watch deals over $1B',
      '/watch list',
      '/watch off 1',
      '/watch off 99',
      '/watch acme gizmo',
      '/corrections',
      '/corrections undo 1',
    ];
    const seen = new Set<ContractName>();
    for (const line of lines) {
      const { name, json } = await contractOf(line, ctx);
      expectValid(name, json, line);
      seen.add(name!);
    }
    expect([...seen].sort()).toEqual(Object.keys(CONTRACTS).sort());
  });

  it('the composed digest (what the runner posts) has its contract too, with facts and conflicts', () => {
    const ctx = seedContext();
    const arrivals = ctx.corpus.articles.map((a) => ({ article: a.id, url: a.url, textHash: null, source: 'folder', arrivedAt: '2026-02-10T08:00:00.000Z' }));
    const content = collectDigest(ctx.corpus, arrivals, new Date('2026-02-10T07:00:00Z'), ctx.now);
    const json = JSON.parse(JSON.stringify(digestAnswer(ctx.corpus, content, { channel: 'C1', timeZone: 'Europe/Berlin' }).json));
    for (const list of [json.articles, json.deals, json.figures, json.conflicts]) expect(list.length).toBeGreaterThan(0);
    expect(digestJsonSchema.parse(json)).toBeTruthy();
    expect(unnamedKeys(json, digestJsonSchema, 'digest')).toEqual([]);
  });
});
