/** A local feed server on 127.0.0.1 for ingestion tests: fixture feeds and every kind of bad response. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const FIVE_MB = 5 * 1024 * 1024;

export interface FeedServer {
  url(route: string): string;
  /** Requests seen per route. */
  hits: Map<string, number>;
  /** Serve `body` as XML at `route` from now on. */
  serve(route: string, body: string): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const custom = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const route = req.url ?? '/';
    hits.set(route, (hits.get(route) ?? 0) + 1);
    const xml = (body: string) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    if (custom.has(route)) return xml(custom.get(route)!);
    switch (route) {
      case '/rss.xml':
        return xml(fixture('rss.xml'));
      case '/atom.xml':
        return xml(fixture('atom.xml'));
      case '/garbage.xml':
        return xml('<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>no end');
      case '/page.html':
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>Login</title></head><body><p>Please log in</p></body></html>');
      case '/huge.xml': {
        // No Content-Length: the cap must hold while streaming.
        res.writeHead(200, { 'content-type': 'application/xml' });
        const chunk = 'x'.repeat(64 * 1024);
        for (let sent = 0; sent < FIVE_MB; sent += chunk.length) res.write(chunk);
        return res.end();
      }
      case '/huge-declared.xml':
        return res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(FIVE_MB) }).end('x'.repeat(FIVE_MB));
      case '/slow.xml':
        return; // never answers
      case '/missing.xml':
        return res.writeHead(404).end('not found');
      default:
        return res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (route) => `http://127.0.0.1:${port}${route}`,
    hits,
    serve: (route, body) => custom.set(route, body),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (connection refused). */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/feed.xml`;
}
