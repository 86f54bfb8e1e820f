/**
 * Bilingual synonym groups for the domain: users write English about German text and vice versa.
 * Each group is a set of words or phrases that mean the same for search; a query word in a group also
 * searches every other member. Extend freely: plain data, folded and stemmed when loaded.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['investment', 'investments', 'invest', 'Investition', 'Investitionen', 'Beteiligung', 'Investment', 'Kapitalspritze', 'stake'],
  ['valuation', 'Bewertung', 'bewertet', 'valued'],
  ['revenue', 'revenues', 'sales', 'Umsatz', 'Umsätze', 'Erlös'],
  ['profit', 'earnings', 'net income', 'Gewinn', 'Überschuss'],
  ['data center', 'data centre', 'datacenter', 'Rechenzentrum', 'Rechenzentren'],
  ['jobs', 'job cuts', 'layoffs', 'Stellen', 'Arbeitsplätze', 'Stellenabbau', 'Entlassungen', 'Bürojobs'],
  ['billion', 'billions', 'Milliarde', 'Milliarden', 'bn'],
  // German `Billion(en)` is a trillion; a query `billion` is read as English (see the analyzer).
  ['trillion', 'Billionen'],
  ['million', 'Million', 'Millionen'],
  ['funding round', 'Finanzierungsrunde', 'round', 'raise'],
  ['talks', 'negotiations', 'Gespräche', 'Verhandlungen'],
  ['capex', 'capital expenditure', 'Kapitalinvestitionen', 'Investitionsausgaben', 'Ausgaben'],
  ['acquisition', 'takeover', 'Übernahme', 'Kauf'],
  ['IPO', 'Börsengang', 'listing'],
  ['fund', 'Fonds'],
  ['sovereign fund', 'sovereign wealth fund', 'Staatsfonds'],
  ['share', 'stock', 'Aktie'],
  ['chips', 'Chips', 'semiconductors', 'Halbleiter'],
  ['factory', 'factories', 'Fabrik', 'Fabriken'],
  ['manufacturing', 'Fertigung', 'Produktion'],
  ['AI', 'KI', 'artificial intelligence', 'künstliche Intelligenz'],
  ['cloud', 'Cloud'],
  ['robots', 'robotics', 'Roboter', 'Robotik'],
  ['growth', 'Wachstum'],
];
