/** The cleaner and sentence splitter on English text, and the Unicode normaliser's offsets. */
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/corpus/clean.ts';
import { normalizeWithOffsets, rawRange } from '../../src/corpus/normalize.ts';
import { detectLanguage } from '../../src/corpus/language.ts';

function cleaned(raw: string, title: string | null = null) {
  const { passages, firstSentence } = cleanArticle(raw, title);
  const sentences = passages.flatMap((p) => p.sentences);
  const headings = passages.map((p) => p.heading).filter((h): h is string => h !== null);
  return { passages, firstSentence, sentences, texts: sentences.map((s) => s.text), headings };
}

function expectOffsets(raw: string, sentences: { text: string; start: number; end: number }[]) {
  for (const s of sentences) expect(normalizeWithOffsets(raw.slice(s.start, s.end)).text).toBe(s.text);
}

const ENGLISH = [
  'Home › Technology › AI',
  '',
  'Acme AI raises $2 billion from U.S. investors',
  '',
  'By Jane Doe',
  '',
  'Acme AI Inc. said on Tuesday it raised $2 billion in a funding round led by U.S. investors, e.g. Sequoia and approx. ten family offices. The round values the company at about $30 billion.',
  '',
  'Read more: Why chip makers are betting on robots',
  '',
  'The company will spend most of the money on a new data center in Ohio. It employs approx. 400 people.',
  '',
  'Photo: Reuters/John Smith',
  '© Reuters',
  '',
  'Sign up for our AI newsletter to get the latest deals in your inbox',
  '',
  'Acme’s chief executive, Dr. Mary Major, said the investment would create 1,000 jobs by 2028. The data centre is expected to open in Sept. 2027.',
  '',
  'Related stories',
  '',
  'OpenAI talks with SoftBank stall',
  '',
  'Nvidia shares fall after earnings miss. Analysts were surprised.',
].join('\n');

describe('English boilerplate', () => {
  const result = cleaned(ENGLISH, 'Acme AI raises $2 billion from U.S. investors');
  const everything = [...result.texts, ...result.headings].join('\n');

  it('cuts breadcrumbs, bylines, teasers, photo credits, newsletter prompts and related stories', () => {
    for (const junk of ['Home', 'Jane Doe', 'Read more', 'chip makers', 'Reuters', 'newsletter', 'Related', 'SoftBank', 'Nvidia', 'Analysts']) {
      expect(everything, junk).not.toContain(junk);
    }
  });

  it('keeps every sentence of the story', () => {
    expect(result.texts).toEqual([
      'Acme AI Inc. said on Tuesday it raised $2 billion in a funding round led by U.S. investors, e.g. Sequoia and approx. ten family offices.',
      'The round values the company at about $30 billion.',
      'The company will spend most of the money on a new data center in Ohio.',
      'It employs approx. 400 people.',
      'Acme’s chief executive, Dr. Mary Major, said the investment would create 1,000 jobs by 2028.',
      'The data centre is expected to open in Sept. 2027.',
    ]);
    expectOffsets(ENGLISH, result.sentences);
  });

  it('a “Read more” line in the first half cuts only itself, one in the second half ends the article', () => {
    const early = cleaned('Read more: Unrelated story about cats\n\nThe deal was signed. It is worth $5 billion.\n\nMore text follows here, and it is long enough to matter.');
    expect(early.texts).toEqual(['The deal was signed.', 'It is worth $5 billion.', 'More text follows here, and it is long enough to matter.']);
    expect(early.headings).toEqual([]);
  });
});

describe('donation prompts, not prose', () => {
  it('drops a donation prompt but keeps a paragraph that merely says "unterstützen"', () => {
    const raw = [
      'Magic hat 515 Millionen Dollar eingesammelt. Die Werkzeuge sollen Developer nicht unterstützen, sondern ersetzen.',
      'Würdest du gerne watson und unseren Journalismus unterstützen? Mehr erfahren',
      'Unterstützen Sie uns mit einem Abo.',
    ].join('\n\n');
    const { passages } = cleanArticle(raw);
    expect(passages.flatMap((p) => p.sentences.map((s) => s.text))).toEqual(['Magic hat 515 Millionen Dollar eingesammelt.', 'Die Werkzeuge sollen Developer nicht unterstützen, sondern ersetzen.']);
  });
});

describe('sentence splitting', () => {
  const split = (text: string) => cleaned(text).texts;

  it('does not split after English abbreviations', () => {
    expect(split('The U.S. government backs Acme Inc. in its bid, e.g. with loans of approx. $2 billion. Then it stopped.')).toEqual([
      'The U.S. government backs Acme Inc. in its bid, e.g. with loans of approx. $2 billion.',
      'Then it stopped.',
    ]);
    expect(split('Mr. Smith met Dr. Jones on Jan. 5 in St. Louis. They agreed.')).toEqual([
      'Mr. Smith met Dr. Jones on Jan. 5 in St. Louis.',
      'They agreed.',
    ]);
  });

  it('does not split after German abbreviations or ordinal dates', () => {
    expect(split('Die Firma, z.B. Amazon, investiert ca. 5 Mrd. Dollar bzw. mehr. Am 6. Februar kam die Zusage. Sie gilt u.a. für KI.')).toEqual([
      'Die Firma, z.B. Amazon, investiert ca. 5 Mrd. Dollar bzw. mehr.',
      'Am 6. Februar kam die Zusage.',
      'Sie gilt u.a. für KI.',
    ]);
  });

  it('a name written in lower case ("xAI", "eBay") starts a sentence; a plain lower-case word continues one', () => {
    expect(split('X lieh sich 12,5 Milliarden US-Dollar. xAI brachte Anleihen unter. Das kostet ca. 5 Mio. jährlich.')).toEqual([
      'X lieh sich 12,5 Milliarden US-Dollar.',
      'xAI brachte Anleihen unter.',
      'Das kostet ca. 5 Mio. jährlich.',
    ]);
  });

  it('splits where a missing space glued two sentences, not inside names and addresses', () => {
    expect(split('Its IPO has shrunk markedly.Media reports say it priced at $40. Amazon.com and Character.AI grew.')).toEqual([
      'Its IPO has shrunk markedly.',
      'Media reports say it priced at $40.',
      'Amazon.com and Character.AI grew.',
    ]);
  });

  it('a round letter ends a sentence ("Series C."), an initial does not ("J. Smith")', () => {
    expect(split('It matched its $1.25 billion Series C. More recently, J. Smith left.')).toEqual([
      'It matched its $1.25 billion Series C.',
      'More recently, J. Smith left.',
    ]);
  });

  it('splits at ? ! and closing quotes, not inside decimals', () => {
    expect(split('Wer zahlt 6,2 Milliarden? Bezos! Er sagte: „Es lohnt sich.“ Dann ging er. Der Kurs lag bei 3.5 Prozent.')).toEqual([
      'Wer zahlt 6,2 Milliarden?',
      'Bezos!',
      'Er sagte: „Es lohnt sich.“',
      'Dann ging er.',
      'Der Kurs lag bei 3.5 Prozent.',
    ]);
  });

  it('a short line without closing punctuation is a heading of the next passage', () => {
    const result = cleaned('Bewertung nahe der Billionenmarke\n\nOpenAI strebt eine Finanzierungsrunde an.');
    expect(result.passages).toHaveLength(1);
    expect(result.passages[0]!.heading).toBe('Bewertung nahe der Billionenmarke');
    expect(result.firstSentence).toBe('OpenAI strebt eine Finanzierungsrunde an.');
  });
});

describe('normalisation with offsets', () => {
  it('maps NFKC changes, non-breaking hyphens and invisible characters back to the raw text', () => {
    const raw = 'Amazon\u2011CEO zahlt \uFB01x 50\u00A0Mrd. für KI\u00ADChips. U\u0308bernahme!';
    const norm = normalizeWithOffsets(raw);
    expect(norm.text).toBe('Amazon-CEO zahlt fix 50 Mrd. für KIChips. Übernahme!');
    const at = (word: string) => {
      const start = norm.text.indexOf(word);
      const [rs, re] = rawRange(norm, start, start + word.length);
      return raw.slice(rs, re);
    };
    expect(at('Amazon-CEO')).toBe('Amazon\u2011CEO');
    expect(at('fix')).toBe('\uFB01x');
    expect(at('KIChips')).toBe('KI\u00ADChips');
    expect(at('Übernahme')).toBe('U\u0308bernahme');
  });

  it('clean text keeps the identity mapping', () => {
    expect(normalizeWithOffsets('plain text').toRaw).toBeNull();
  });
});

describe('language detection', () => {
  it('tells German from English', () => {
    expect(detectLanguage('Der Konzern will die Investitionen in den kommenden Jahren deutlich erhöhen, sagte der Chef.')).toBe('de');
    expect(detectLanguage('The company said it will raise its investment in the coming years, the chief executive said.')).toBe('en');
  });
});
