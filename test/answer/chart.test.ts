import { describe, expect, it } from 'vitest';
import { chartSpec, renderChart, type ChartPoint, type ChartRequest } from '../../src/answer/chart.ts';

const VALUATIONS: ChartPoint[] = [
  { date: '2023-05', value: 4.1e9, label: '$4.1B', source: 'TechCrunch' },
  { date: '2024-03-01', value: 18.4e9, label: '$18.4B', source: 'Reuters' },
  { date: '2025-03-03', value: 61.5e9, label: '$61.5B', source: 'Bloomberg' },
  { date: '2025-11-18', value: 350e9, label: '$350B', source: 'Reuters' },
];
const LINE: ChartRequest = { kind: 'line', title: 'Anthropic valuation over time', yTitle: 'USD', points: VALUATIONS };
const BAR: ChartRequest = { kind: 'bar', title: 'Anthropic rounds', yTitle: 'USD', points: VALUATIONS };

/** What the tests read of a spec (`TopLevelSpec` is a union too wide to read fields from directly). */
interface SpecView {
  data: { values: ChartPoint[] };
  layer: { mark: { type: string }; encoding: { color?: { field: string } } }[];
}
const view = (request: ChartRequest) => chartSpec(request) as unknown as SpecView;

/** Checks the PNG signature and reads the IHDR chunk's width and height (big-endian, at bytes 16 and 20). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function expectSaneChart(png: Buffer): void {
  const { width, height } = pngSize(png);
  expect(width).toBeGreaterThanOrEqual(600);
  expect(width).toBeLessThanOrEqual(2000);
  expect(height).toBeGreaterThanOrEqual(300);
  expect(height).toBeLessThanOrEqual(1200);
  expect(png.length).toBeGreaterThan(5_000);
  expect(png.length).toBeLessThan(2_000_000);
}

describe('chartSpec', () => {
  it('holds exactly the points of a line chart, inline, with the points coloured by source', () => {
    const spec = view(LINE);
    expect(spec.data.values).toEqual(VALUATIONS);
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['line', 'point', 'text']);
    expect(spec.layer[1]?.encoding.color?.field).toBe('source');
  });

  it('holds exactly the points of a bar chart, the bars coloured by source', () => {
    const spec = view(BAR);
    expect(spec.data.values).toEqual(VALUATIONS.map((p) => ({ ...p, bar: `${p.date} · ${p.label}` })));
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['bar', 'text']);
    expect(spec.layer[0]?.encoding.color?.field).toBe('source');
  });

  it('puts bars in date order, one each: two deals of one month stand side by side, never summed', () => {
    const deals: ChartPoint[] = [
      { date: '2026-01', value: 30e9, label: '$30B', source: 'Reuters', name: 'Nvidia → OpenAI' },
      { date: '2025-03', value: 40e9, label: '$40B', source: 'FT', name: 'SoftBank → OpenAI' },
      { date: '2026-01', value: 30e9, label: '$30B', source: 'Bloomberg', name: 'Nvidia → OpenAI' },
    ];
    const bars = (view({ ...BAR, points: deals }).data.values as unknown as { bar: string }[]).map((v) => v.bar);
    expect(bars).toEqual(['2025-03 · SoftBank → OpenAI', '2026-01 · Nvidia → OpenAI', '2026-01 · Nvidia → OpenAI (2)']);
  });

  it('leaves out the value labels once there are too many points to read them', () => {
    const spec = view({ ...LINE, points: manyPoints(200) });
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['line', 'point']);
  });

  it('throws on no points, a date that is not ISO and a value that is not a number', () => {
    expect(() => chartSpec({ ...LINE, points: [] })).toThrow(/at least one point/);
    expect(() => chartSpec({ ...LINE, points: [{ ...VALUATIONS[0]!, date: 'March 2025' }] })).toThrow(/date/);
    expect(() => chartSpec({ ...LINE, points: [{ ...VALUATIONS[0]!, value: Number.NaN }] })).toThrow(/value/);
  });
});

describe('renderChart', () => {
  it('renders a line and a bar chart to PNGs of a sane size', async () => {
    expectSaneChart(await renderChart(LINE));
    expectSaneChart(await renderChart(BAR));
  });

  it('draws its text: another title gives other pixels', async () => {
    const other = await renderChart({ ...LINE, title: 'OpenAI valuation over time' });
    expect(other.equals(await renderChart(LINE))).toBe(false);
  });

  it('renders one point', async () => {
    expectSaneChart(await renderChart({ ...LINE, points: [VALUATIONS[0]!] }));
    expectSaneChart(await renderChart({ ...BAR, points: [VALUATIONS[0]!] }));
  });

  it('renders umlauts, quotes, emoji and markup characters in the title, labels and sources', async () => {
    const odd: ChartPoint[] = [
      { date: '2025-01-02', value: 2e9, label: '€2 Mrd. "über" <b>', source: 'Süddeutsche Zeitung' },
      { date: '2025-02-03', value: 3e9, label: "$3B 🚀 & 'more'", source: 'L\'Écho & "Co" </svg>' },
    ];
    const title = 'Mistral — Bewertung „2025“ 🇫🇷 <&>';
    expectSaneChart(await renderChart({ ...LINE, title, points: odd }));
    expectSaneChart(await renderChart({ ...BAR, points: odd }));
  });

  it('renders 200 points, and one chart well under a second once warm', async () => {
    expectSaneChart(await renderChart({ ...BAR, points: manyPoints(200) }));
    await renderChart(LINE);
    const start = performance.now();
    await renderChart(LINE);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('rejects a request with no points', async () => {
    await expect(renderChart({ ...BAR, points: [] })).rejects.toThrow(/at least one point/);
  });
});

/** `n` weekly points from 2020 on, over three sources. */
function manyPoints(n: number): ChartPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.UTC(2020, 0, 1 + 7 * i)).toISOString().slice(0, 10),
    value: (i + 1) * 1e9,
    label: `$${i + 1}B`,
    source: ['Reuters', 'Bloomberg', 'The Information'][i % 3] ?? 'Reuters',
  }));
}
