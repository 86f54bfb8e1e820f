/** Date expressions in article text, resolved against the article's own date (`findDates`). */
import { describe, expect, it } from 'vitest';
import { findDates, type DateMention } from '../../src/extract/dates.ts';

/** The article's date in these cases: Tuesday, 10 February 2026. */
const NOW = '2026-02-10';

interface Case {
  text: string;
  /** The value of the date found in `text`, and what part of it was read. */
  value: string;
  covers: string;
  role?: DateMention['role'];
}

/** The one mention in `text` that covers `part` (there must be exactly one). */
function mentionOf(text: string, part: string, articleDate: string | null = NOW): DateMention {
  const found = findDates(text, articleDate).filter((d) => text.slice(d.start, d.end).includes(part));
  expect(found, `${part} in ${text}`).toHaveLength(1);
  return found[0]!;
}

const cases = (list: Case[]) => list.map((c) => ({ ...c, role: c.role ?? 'at' }));

describe('findDates', () => {
  it.each(
    cases([
      // Explicit dates: as precise as the text.
      { text: 'Im Januar 2023 investierte Microsoft.', value: '2023-01', covers: 'Januar 2023' },
      { text: 'In September 2023 Amazon invested.', value: '2023-09', covers: 'September 2023' },
      { text: 'Der Vertrag wurde am 6. Januar 2023 unterzeichnet.', value: '2023-01-06', covers: '6. Januar 2023' },
      { text: 'Stand: Sept. 2024.', value: '2024-09', covers: 'Sept. 2024' },
      { text: 'The round closed in Jan 2024.', value: '2024-01', covers: 'Jan 2024' },
      { text: 'The fund invested heavily in 2017.', value: '2017', covers: '2017' },
      { text: 'Der Fonds investierte 2017 rund 98,6 Milliarden Dollar.', value: '2017', covers: '2017' },
    ]),
  )('explicit: $text → $value', ({ text, value, covers, role }) => {
    expect(mentionOf(text, covers)).toMatchObject({ value, role });
  });

  it.each(
    cases([
      // A month without a year: the latest such month not after the article.
      { text: 'Im Februar stieg der Umsatz.', value: '2026-02', covers: 'Februar' },
      { text: 'Im Oktober wurde OpenAI neu bewertet.', value: '2025-10', covers: 'Oktober' },
      { text: 'The deal closed in October.', value: '2025-10', covers: 'October' },
      { text: 'Im Mai kündigte Nvidia an …', value: '2025-05', covers: 'Mai' },
      // Weekdays: the article's own day, else the one before it.
      { text: 'Am Dienstag kündigte Amazon an …', value: '2026-02-10', covers: 'Dienstag' },
      { text: 'Anthropic said on Tuesday …', value: '2026-02-10', covers: 'Tuesday' },
      { text: 'Am Montag wurde bekannt …', value: '2026-02-09', covers: 'Montag' },
      { text: 'Nvidia announced last Friday …', value: '2026-02-06', covers: 'Friday' },
      // Years relative to the article's.
      { text: 'Earlier this year, OpenAI raised money.', value: '2026', covers: 'this year' },
      { text: 'Dieses Jahr will Meta mehr investieren.', value: '2026', covers: 'Jahr' },
      { text: 'Im Vorjahr lag der Umsatz niedriger.', value: '2025', covers: 'Vorjahr' },
      { text: 'Revenue doubled last year.', value: '2025', covers: 'last year' },
      { text: 'Next year the plant opens.', value: '2027', covers: 'year' },
      { text: 'Nächstes Jahr soll das Werk öffnen.', value: '2027', covers: 'Jahr' },
      // Quarters: named, numbered, and the one before the article's.
      { text: 'Revenue rose in the fourth quarter.', value: '2025-Q4', covers: 'fourth quarter' },
      { text: 'Im dritten Quartal stieg der Umsatz.', value: '2025-Q3', covers: 'dritten Quartal' },
      { text: 'Revenue in Q1 was strong.', value: '2026-Q1', covers: 'Q1' },
      { text: 'Revenue in Q2 was weak.', value: '2025-Q2', covers: 'Q2' },
      { text: 'Im vergangenen Quartal sank der Gewinn.', value: '2025-Q4', covers: 'vergangenen Quartal' },
      { text: 'Profit fell last quarter.', value: '2025-Q4', covers: 'last quarter' },
      // This week: the article's month.
      { text: 'Diese Woche meldete Amazon Zahlen.', value: '2026-02', covers: 'Woche' },
      { text: 'Amazon reported this week.', value: '2026-02', covers: 'this week' },
      // Last month: the month before the article's.
      { text: 'Last month ElevenLabs raised $100 million.', value: '2026-01', covers: 'Last month' },
      { text: 'Im vergangenen Monat hat SpaceX xAI übernommen.', value: '2026-01', covers: 'vergangenen Monat' },
    ]),
  )('relative: $text → $value', ({ text, value, covers, role }) => {
    expect(mentionOf(text, covers)).toMatchObject({ value, role });
  });

  it.each([
    { text: 'Im dritten Quartal 2025 stieg der Umsatz.', value: '2025-Q3' },
    { text: 'Revenue in Q4 2025 was $68 billion.', value: '2025-Q4' },
    { text: 'Revenue in the fourth quarter of 2024 fell.', value: '2024-Q4' },
  ])('a quarter with its year: $text → $value', ({ text, value }) => {
    expect(findDates(text, NOW).map((d) => d.value)).toContain(value);
  });

  it.each(
    cases([
      { text: 'Amazon hat seit 2023 acht Milliarden investiert.', value: '2023', covers: '2023', role: 'since' },
      { text: 'Amazon has invested $8 billion since 2023.', value: '2023', covers: '2023', role: 'since' },
      { text: 'Bezos leitet das Unternehmen seit November 2025.', value: '2025-11', covers: 'November 2025', role: 'since' },
      { text: 'KI könnte bis 2045 acht Billionen Dollar schaffen.', value: '2045', covers: '2045', role: 'until' },
      { text: 'AI could create $8 trillion by 2045.', value: '2045', covers: '2045', role: 'until' },
      { text: 'Das Werk soll bis zum März 2027 fertig sein.', value: '2027-03', covers: 'März 2027', role: 'until' },
    ]),
  )('spans: $text → $role $value', ({ text, value, covers, role }) => {
    expect(mentionOf(text, covers)).toMatchObject({ value, role });
  });

  it.each([
    'Der Umsatz stieg um 2030 Prozent.',
    'Revenue grew 2030 percent.',
    'Das Unternehmen hat 2.025 Mitarbeiter.',
    'Die Kennung lautet 20255.',
    'Amazon reported strong results.',
  ])('no date in %s', (text) => {
    expect(findDates(text, NOW)).toEqual([]);
  });

  it('every mention points at its own words, in text order', () => {
    const text = 'Microsoft investierte im Januar 2023 zehn Milliarden, im Oktober weitere, und seit 2024 wächst der Umsatz.';
    const found = findDates(text, NOW);
    expect(found.map((d) => d.value)).toEqual(['2023-01', '2025-10', '2024']);
    expect(found.map((d) => text.slice(d.start, d.end).trim())).toEqual(['Januar 2023', 'im Oktober', 'seit 2024']);
  });

  describe('without a full article date', () => {
    it('no date: only explicit years and months; nothing relative is guessed', () => {
      expect(findDates('Microsoft investierte 2019 und im Oktober, am Montag, in diesem Jahr.', null).map((d) => d.value)).toEqual(['2019']);
      expect(findDates('Im Januar 2023 investierte Microsoft.', null).map((d) => d.value)).toEqual(['2023-01']);
    });

    it.each([
      { articleDate: '2026', text: 'im Oktober', value: '2026-10' },
      { articleDate: '2026', text: 'this year', value: '2026' },
      { articleDate: '2026-02', text: 'im Oktober', value: '2025-10' },
      { articleDate: '2026-02', text: 'im Februar', value: '2026-02' },
    ])('an article of $articleDate: $text → $value', ({ articleDate, text, value }) => {
      expect(findDates(text, articleDate).map((d) => d.value)).toEqual([value]);
    });

    it.each(['2026', '2026-02'])('an article of %s: a weekday cannot be placed', (articleDate) => {
      expect(findDates('am Montag', articleDate)).toEqual([]);
    });
  });
});
