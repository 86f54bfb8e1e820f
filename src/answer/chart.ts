/**
 * Charts of facts (`/number … chart`, `/deal … chart`, the Monday digest): a Vega-Lite spec rendered in
 * process to SVG by vega, then to PNG by resvg. No browser, no network. The renderers (about a third of a
 * second to load) are loaded on the first chart, so that nothing else pays for them.
 */
import type { Loader } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/** One point of a chart: when, how much, and which source says so (outlet shown beside the point / in the legend). */
export interface ChartPoint {
  /** ISO 'YYYY-MM-DD' or 'YYYY-MM'. */
  date: string;
  value: number;
  /** The value as the answer prints it, e.g. "$350B": shown above the point. */
  label: string;
  /** The outlet, e.g. "Reuters": the point's colour and legend entry. */
  source: string;
  /** What the point is, for a bar's axis label beside its date ("Amazon → OpenAI"). */
  name?: string;
}

export interface ChartRequest {
  /**
   * line: a value over time (valuations), on a time axis; bar: deals by date and size, one bar each in date
   * order (several deals of one month stand side by side instead of stacking into a sum no source gave).
   */
  kind: 'line' | 'bar';
  /** E.g. "Anthropic valuation over time". */
  title: string;
  /** E.g. "USD". */
  yTitle: string;
  points: ChartPoint[];
}

/** The whole image, axes, title and legend included (autosize `fit`), sized for a slide in the weekly meeting. */
const WIDTH = 800;
const HEIGHT = 400;

/** Past this many points the value labels would overprint one another, so only the colours and the axis remain. */
const MAX_LABELLED_POINTS = 30;

/**
 * Sans-serif families tried in order. resvg maps the generic `sans-serif` to Arial, which a Linux server rarely has,
 * and then falls back to whichever system font it found first (a serif or monospace face, as likely as not), so the
 * sans-serif fonts that Debian and most distributions ship are named first.
 */
const FONT = 'DejaVu Sans, Liberation Sans, Noto Sans, Arial, Helvetica, sans-serif';

/** The layers of a layered spec, as vega-lite's public types have them. */
type Layers = Extract<TopLevelSpec, { layer: unknown }>['layer'];

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/**
 * The y axis in compact SI units with B for billions (d3's `~s` writes G, as in gigabytes): 350000000000 → "350B".
 * Lower units (k, M, T) already read as money does.
 */
const COMPACT_LABEL = "replace(format(datum.value, '~s'), 'G', 'B')";

/** The Vega-Lite spec for a request (exported so tests can assert the points it holds). */
export function chartSpec(request: ChartRequest): TopLevelSpec {
  checkPoints(request.points);
  const { kind, title, yTitle, points } = request;
  // One date alone would be labelled by its month only ("May"): name the year too.
  const xAxis = new Set(points.map((p) => p.date)).size === 1 ? { format: '%b %Y' } : {};
  // Dates are read as UTC (JavaScript parses ISO dates so) and shown as UTC, so that a server west of Greenwich does
  // not print 2025-01-01 as December. The padding keeps the first and last bar (and label) inside the plot.
  const x = { field: 'date', type: 'temporal', title: null, scale: { type: 'utc', padding: 28 }, axis: xAxis } as const;
  // Headroom above the highest point for its label (the axis then rounds up to a nice value).
  const highest = Math.max(...points.map((p) => p.value));
  const yScale = highest > 0 ? { domainMax: highest * 1.1 } : {};
  const yAxis = { labelExpr: COMPACT_LABEL };
  const y = { field: 'value', type: 'quantitative', title: yTitle, scale: yScale, axis: yAxis } as const;
  const color = { field: 'source', type: 'nominal', title: 'Source' } as const;
  // A bar on a time axis has no band to fill: give it a width that shrinks as the bars crowd.
  const bars = { field: 'bar', type: 'ordinal', title: null, sort: null, axis: { labelAngle: -30, labelLimit: 260 } } as const;
  const layer: Layers =
    kind === 'line'
      ? // One series: the line is neutral and its points carry their source's colour (a coloured line would split up).
        [
          { mark: { type: 'line', color: '#9aa5b1' }, encoding: { x, y } },
          { mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y, color } },
        ]
      : [{ mark: { type: 'bar' }, encoding: { x: bars, y, color } }];
  if (points.length <= MAX_LABELLED_POINTS) {
    layer.push({ mark: { type: 'text', dy: -10, fontSize: 11 }, encoding: { x: kind === 'line' ? x : bars, y, text: { field: 'label' } } });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: WIDTH,
    height: HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 12,
    // Opaque, so the chart reads the same in Slack's dark theme.
    background: 'white',
    config: { font: FONT },
    data: { values: kind === 'line' ? points.map(plain) : [...points].sort((a, b) => a.date.localeCompare(b.date)).map((p, i, all) => ({ ...plain(p), bar: barLabel(p, i, all) })) },
    layer,
  };
}

/** A point's data row: what the marks read. */
const plain = ({ date, value, label, source }: ChartPoint) => ({ date, value, label, source });

/** A bar's axis label: its date and name, made unique (an ordinal axis would merge two equal ones into one bar). */
function barLabel(point: ChartPoint, index: number, all: readonly ChartPoint[]): string {
  const text = (p: ChartPoint) => `${p.date} · ${p.name ?? p.label}`;
  const twins = all.slice(0, index).filter((p) => text(p) === text(point)).length;
  return twins ? `${text(point)} (${twins + 1})` : text(point);
}

/**
 * Refuses every load: a chart's data is inline, so any request for a URL (from a spec gone wrong) must fail here
 * rather than reach the network.
 */
const refuse = (what: string) => Promise.reject(new Error(`charts load nothing, refused: ${what}`));
const OFFLINE: Loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

/**
 * Renders the request to PNG bytes, in process: vega-lite → vega → SVG → PNG with resvg.
 * No browser, no network; the text is drawn with the machine's own fonts (see `FONT`).
 */
export async function renderChart(request: ChartRequest): Promise<Buffer> {
  const [{ compile }, vega, { Resvg }] = await Promise.all([import('vega-lite'), import('vega'), import('@resvg/resvg-js')]);
  const { spec } = compile(chartSpec(request));
  const view = new vega.View(vega.parse(spec), { renderer: 'none', loader: OFFLINE });
  try {
    const svg = await view.toSVG();
    return new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng();
  } finally {
    view.finalize();
  }
}

/** Throws on what would give an empty or silently wrong chart: no points, a date vega cannot read, no number. */
function checkPoints(points: readonly ChartPoint[]): void {
  if (points.length === 0) throw new Error('A chart needs at least one point');
  for (const { date, value } of points) {
    if (!ISO_DATE.test(date)) throw new Error(`A chart point's date must be YYYY-MM-DD or YYYY-MM, not "${date}"`);
    if (!Number.isFinite(value)) throw new Error(`A chart point's value must be a finite number, not ${value}`);
  }
}
