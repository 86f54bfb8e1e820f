import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, LIMITS, renderBlocks, SHARE_ACTION_ID } from '../../src/answer/blocks.ts';
import type { Answer, AnswerItem, Citation } from '../../src/answer/model.ts';
import { expectWithinLimits, texts } from '../helpers/block-kit.ts';

const citation = (quote: string, highlights: Citation['highlights'] = [], title = 'Amazon erwägt Beteiligung', url: string | null = null): Citation => ({
  article: '003_74890980bce22e95.txt',
  outlet: 'wallstreet-online',
  date: '2026-01-30',
  title,
  url,
  quote,
  highlights,
});

const answerOf = (items: AnswerItem[], extra: Partial<Answer> = {}): Answer => ({
  command: 'news',
  title: 'News for “Indiana”',
  items,
  notes: [],
  json: { command: 'news', query: 'Indiana', hits: [] },
  ...extra,
});

const HOSTILE = ['<!channel>', '<!here>', '<@U123>', '<https://evil|bank>'];

describe('renderBlocks', () => {
  it('renders a header, a section per item and a context block per citation with the highlight in bold', () => {
    const quote = 'Bereits im Oktober eröffnete Amazon in Indiana ein Rechenzentrum.';
    const start = quote.indexOf('Indiana');
    const { blocks, text } = renderBlocks(answerOf([{ text: 'Amazon erwägt Beteiligung', detail: 'reported', citations: [citation(quote, [[start, start + 7]])] }]));
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect((blocks[0] as any).text).toEqual({ type: 'plain_text', text: 'News for “Indiana”', emoji: false });
    expect((blocks[1] as any).text.text).toBe('*Amazon erwägt Beteiligung*\nreported');
    const cite = (blocks[2] as any).elements[0];
    expect(cite.text).toBe(
      '“Bereits im Oktober eröffnete Amazon in *Indiana* ein Rechenzentrum.”\n— wallstreet-online · 2026-01-30 · Amazon erwägt Beteiligung',
    );
    expect(cite.verbatim).toBe(true);
    expect(text).toContain('News for “Indiana”');
  });

  it('links the title to the article, with the URL and the title escaped; a source without outlet or date says so', () => {
    const linked = citation('Amazon invests.', [], 'Deals | <!channel> & more', 'https://example.com/a?x=1&y=2|<evil>');
    const first = (renderBlocks(answerOf([{ text: 'x', citations: [linked] }])).blocks[2] as any).elements[0].text;
    expect(first).toBe('“Amazon invests.”\n— wallstreet-online · 2026-01-30 · <https://example.com/a?x=1&amp;y=2%7C%3Cevil%3E|Deals ∣ &lt;!channel&gt; &amp; more>');
    const unknown = { ...citation('Amazon invests.'), outlet: null, date: null, url: 'javascript:alert(1)' };
    const second = (renderBlocks(answerOf([{ text: 'x', citations: [unknown] }])).blocks[2] as any).elements[0].text;
    expect(second).toBe('“Amazon invests.”\n— outlet unknown · undated · Amazon erwägt Beteiligung');
  });

  it('cuts 60 items to at most 50 blocks and says how many more there are', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ text: `Deal ${i}`, citations: [citation(`Sentence ${i}.`)] }));
    const { blocks } = renderBlocks(answerOf(items, { notes: ['a note'] }), { share: { line: '/news Indiana', id: 'a1' } });
    expectWithinLimits(blocks);
    expect(blocks).toHaveLength(50);
    const shownItems = blocks.filter((b) => b.type === 'section').length;
    const more = texts(blocks).find((t) => t.text.startsWith('… and '));
    expect(more?.text).toBe(`… and ${60 - shownItems} more`);
    // notes and the share button survive the cut, at the end
    expect(blocks.at(-1)!.type).toBe('actions');
    expect(texts(blocks).some((t) => t.text === 'a note')).toBe(true);
  });

  it('does not add "… and N more" when everything fits', () => {
    const items = Array.from({ length: 24 }, (_, i) => ({ text: `Deal ${i}`, citations: [citation(`Sentence ${i}.`)] }));
    const { blocks } = renderBlocks(answerOf(items));
    expect(blocks).toHaveLength(49);
    expect(texts(blocks).some((t) => t.text.startsWith('… and'))).toBe(false);
  });

  it('keeps a 10,000-character quote, a long title and a long item under the limits, cut with "…"', () => {
    const quote = `${'Amazon & OpenAI <deal> '.repeat(435)}end`; // ~10,000 chars, expands when escaped
    expect(quote.length).toBeGreaterThan(10_000);
    const { blocks } = renderBlocks(
      answerOf([{ text: 'x'.repeat(5000), detail: 'y'.repeat(5000), citations: [citation(quote, [[0, 6], [9000, 9006]], 't'.repeat(4000))] }], {
        title: 'T'.repeat(400),
        notes: ['n'.repeat(4000)],
      }),
    );
    expectWithinLimits(blocks);
    const cite = texts(blocks).find((t) => t.text.startsWith('“'))!.text;
    expect(cite).toMatch(/^“\*Amazon\* &amp; OpenAI &lt;deal&gt; /);
    expect(cite).toContain('…”\n— ');
    expect(cite).not.toMatch(/&[a-z]*…/); // never an entity cut in half
    expect((blocks[0] as any).text.text).toMatch(/^T+…$/);
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    const { blocks } = renderBlocks(answerOf([], { title: `${'a'.repeat(148)}😀😀` }));
    const header = (blocks[0] as any).text.text as string;
    expect(header.length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(header).toBe(`${'a'.repeat(148)}…`);
  });

  it.each(HOSTILE)('escapes %s in the query, the title, the item and the article quote', (hostile) => {
    const quote = `Analysts said ${hostile} that Amazon invests $50bn.`;
    const amount = quote.indexOf('$50bn');
    const answer = answerOf([{ text: `Item ${hostile}`, detail: `detail ${hostile}`, citations: [citation(quote, [[amount, amount + 5]], `Title ${hostile}`)] }], {
      title: `News for “${hostile}”`,
      notes: [`note ${hostile}`],
    });
    const { blocks, text } = renderBlocks(answer, { share: { line: `/news ${hostile}`, id: 'a1' } });
    const escaped = hostile.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const mrkdwn = texts(blocks).filter((t) => t.type === 'mrkdwn');
    for (const t of [...mrkdwn, { text }]) {
      expect(t.text).not.toContain('<');
      expect(t.text).not.toContain('>');
    }
    const all = mrkdwn.map((t) => t.text).join('\n');
    expect(all).toContain(`*Item ${escaped}*`);
    expect(all).toContain(`detail ${escaped}`);
    expect(all).toContain(`Analysts said ${escaped} that Amazon invests *$50bn*.`);
    expect(all).toContain(`Title ${escaped}`);
    expect(all).toContain(`note ${escaped}`);
    expect(text).toContain(`News for “${escaped}”`);
    // plain_text is never parsed for mentions or links: the header shows the query as typed
    expect((blocks[0] as any).text).toMatchObject({ type: 'plain_text', text: `News for “${hostile}”` });
  });

  it('escapes & so a literal "&amp;" stays visible as "&amp;", in the query and in the article', () => {
    const quote = 'AT&T and R&amp;D: OpenAI raises $40bn.';
    const amount = quote.indexOf('$40bn');
    const { blocks, text } = renderBlocks(answerOf([{ text: 'R&amp;D', citations: [citation(quote, [[0, 4], [amount, amount + 5]], 'Q&amp;A')] }], { title: 'News for “R&amp;D”' }));
    const all = texts(blocks).map((t) => t.text).join('\n');
    expect(all).toContain('*R&amp;amp;D*');
    expect(all).toContain('“*AT&amp;T* and R&amp;amp;D: OpenAI raises *$40bn*.”');
    expect(all).toContain('Q&amp;amp;A');
    expect(text).toContain('News for “R&amp;amp;D”');
  });

  it('neutralises * so article text cannot open or close bold, and bolds whole words only', () => {
    const quote = 'A *rumour* says Rechenzentrumscampus costs 11*2 billion.';
    const part = quote.indexOf('zentrum'); // a highlight inside a word
    const { blocks } = renderBlocks(answerOf([{ text: '*bold?*', citations: [citation(quote, [[part, part + 7], [200, 300]])] }]));
    const all = texts(blocks).map((t) => t.text).join('\n');
    expect(all).toContain('*∗bold?∗*');
    expect(all).toContain('“A ∗rumour∗ says *Rechenzentrumscampus* costs 11∗2 billion.”');
  });

  it('merges touching highlights and never emits empty bold', () => {
    const quote = 'OpenAI raises 40 billion.';
    const { blocks } = renderBlocks(answerOf([{ text: 'x', citations: [citation(quote, [[14, 16], [16, 17], [17, 24], [5, 5]])] }]));
    expect(texts(blocks).map((t) => t.text).join('\n')).toContain('“OpenAI raises *40 billion*.”');
  });

  it('shows at most five citations per item and counts the rest', () => {
    const citations = Array.from({ length: 8 }, (_, i) => citation(`Source ${i}.`));
    const { blocks } = renderBlocks(answerOf([{ text: 'Amazon → OpenAI', detail: 'up to $50bn', citations }]));
    expect(blocks.filter((b) => b.type === 'context')).toHaveLength(5);
    expect((blocks[1] as any).text.text).toBe('*Amazon → OpenAI*\nup to $50bn · + 3 more sources');
  });

  it('puts up to ten notes in one context block, the overflow joined into the last element', () => {
    const notes = Array.from({ length: 13 }, (_, i) => `note ${i}`);
    const { blocks } = renderBlocks(answerOf([], { notes }));
    const context = blocks.at(-1) as any;
    expect(context.elements).toHaveLength(10);
    expect(context.elements[9].text).toBe('note 9\nnote 10\nnote 11\nnote 12');
  });

  it('adds a share button carrying the kept answer’s id and the command line as JSON, a long line cut to fit', () => {
    const shared = renderBlocks(answerOf([]), { share: { line: '/news Indiana <!channel>', id: 'k1' } }).blocks.at(-1) as any;
    expect(shared.type).toBe('actions');
    expect(shared.elements[0]).toMatchObject({ type: 'button', action_id: SHARE_ACTION_ID, text: { type: 'plain_text', text: 'Share in channel' } });
    expect(JSON.parse(shared.elements[0].value)).toEqual({ line: '/news Indiana <!channel>', id: 'k1' });

    const long = renderBlocks(answerOf([]), { share: { line: `/news ${'"'.repeat(3000)}`, id: 'k2' } }).blocks.at(-1) as any;
    expect(long.elements[0].value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(JSON.parse(long.elements[0].value).id).toBe('k2');
  });

  it('says who shared an answer with a real user mention (ours, not escaped)', () => {
    const { blocks } = renderBlocks(answerOf([]), { sharedBy: 'U42' });
    expect((blocks.at(-1) as any).elements[0].text).toBe('Shared by <@U42>');
  });

  it('cannot be made to break out of the "Shared by" mention, and skips empty notes', () => {
    const { blocks } = renderBlocks(answerOf([], { notes: ['', '  '] }), { sharedBy: 'U1> <!channel' });
    expect(blocks).toHaveLength(2);
    // Only a Slack user id becomes a mention; anything else is text.
    expect((blocks[1] as any).elements[0].text).toBe('Shared by U1&gt; &lt;!channel');
  });

  it('renders an answer without items, notes or title', () => {
    const { blocks } = renderBlocks(answerOf([], { title: '   ' }));
    expect(blocks).toEqual([{ type: 'header', text: { type: 'plain_text', text: 'Dealdesk', emoji: false } }]);
  });
});

describe('escapeMrkdwn', () => {
  it('escapes the three control characters and neutralises *', () => {
    expect(escapeMrkdwn('<!here> & <@U1> *x*')).toBe('&lt;!here&gt; &amp; &lt;@U1&gt; ∗x∗');
  });
});
