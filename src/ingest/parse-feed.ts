/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom into plain items. Anything else — invalid XML, an HTML page, XML
 * of another kind — is a `FeedError`; an item without a title, link or text is left out.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedError } from './fetch-feed.ts';

export interface FeedItem {
  title: string | null;
  url: string | null;
  /** Stable id from the feed (guid / id), when given. */
  guid: string | null;
  /** ISO 8601 date (`YYYY-MM-DD`) when the feed gives a parseable one. */
  date: string | null;
  /** Body as HTML or text, the fullest the feed offers (content over summary). */
  html: string;
}

export interface Feed {
  title: string | null;
  /** `de` / `en` when the feed declares one of them. */
  lang: 'de' | 'en' | null;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

type Node = Record<string, unknown>;

export function parseFeed(xml: string): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError(`invalid XML (line ${valid.err.line}): ${valid.err.msg}`);
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new FeedError(`unreadable XML: ${(error as Error).message}`);
  }
  const rss = doc.rss as Node | undefined;
  if (rss) return fromRss(asNode(rss.channel), asNode(rss.channel).item);
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rdf) return fromRss(asNode(rdf.channel), rdf.item);
  const atom = doc.feed as Node | undefined;
  if (atom) return fromAtom(atom);
  const root = Object.keys(doc).find((key) => !key.startsWith('?')) ?? 'nothing';
  throw new FeedError(`not an RSS or Atom feed (root element <${root}>)`);
}

function fromRss(channel: Node, items: unknown): Feed {
  return {
    title: textOf(channel.title),
    lang: langOf(textOf(channel.language) ?? textOf(channel['dc:language'])),
    items: asList(items).flatMap((item) =>
      keepIfUseful({
        title: textOf(item.title),
        url: textOf(asList(item.link)[0]) ?? null,
        guid: textOf(item.guid),
        date: isoDate(textOf(item.pubDate) ?? textOf(item['dc:date'])),
        html: textOf(item['content:encoded']) ?? textOf(item.description) ?? '',
      }),
    ),
  };
}

function fromAtom(feed: Node): Feed {
  return {
    title: textOf(feed.title),
    lang: langOf(textOf(feed['@_xml:lang'])),
    items: asList(feed.entry).flatMap((entry) =>
      keepIfUseful({
        title: textOf(entry.title),
        url: atomLink(entry.link),
        guid: textOf(entry.id),
        date: isoDate(textOf(entry.published) ?? textOf(entry.updated)),
        html: textOf(entry.content) ?? textOf(entry.summary) ?? '',
      }),
    ),
  };
}

/** The `alternate` link (Atom's default), else the first link with an href. */
function atomLink(links: unknown): string | null {
  const list = asList(links);
  const alternate = list.find((link) => (link['@_rel'] ?? 'alternate') === 'alternate') ?? list[0];
  return textOf(alternate?.['@_href']);
}

function keepIfUseful(item: FeedItem): FeedItem[] {
  return item.title || item.url || item.html.trim() ? [item] : [];
}

/** Text of an element whether the parser gave a string, a number, or `{ '#text': … }` (attributes present). */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as Node)['#text']);
  return null;
}

function asNode(value: unknown): Node {
  return value && typeof value === 'object' ? (value as Node) : {};
}

function asList(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((entry) => (typeof entry === 'string' ? { '#text': entry } : asNode(entry)));
}

function isoDate(text: string | null): string | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

function langOf(text: string | null): 'de' | 'en' | null {
  const code = text?.slice(0, 2).toLowerCase();
  return code === 'de' || code === 'en' ? code : null;
}
