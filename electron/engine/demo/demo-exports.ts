/**
 * Analytics export files made from the demo world: the numbers come from the engine's own event views, so a
 * test knows what an import of them must show. Written in the dialects analysts have (English and Swedish,
 * BOM, UTF-16 tab text, grouped thousands, percentages, durations) and as a legacy (pre-2019) export.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChoices } from '../../../shared/dimensions';
import type { MetricId } from '../../../shared/metrics';
import { querySpecSchema } from '../../../shared/query';
import type { OverviewResult, TopResult } from '../../../shared/results';
import type { ExportContext } from '../ingest/analytics-export/export-types';
import { renderExport, type DocumentRow, type ExportDocument, type RenderStyle } from '../output/write-analytics-layout';
import type { PinsightEngine } from '../pinsight-engine';

const OVERVIEW_COLUMNS: MetricId[] = [
  'impressions',
  'engagements',
  'closeups',
  'saves',
  'link_clicks',
  'engagement_rate',
  'total_audience',
  'engaged_audience',
];
const VIDEO_COLUMNS: MetricId[] = [
  'impressions',
  'video_views',
  'avg_watch_time_s',
  'p95_views',
  'ten_second_views',
  'total_watch_time_min',
  'saves',
  'link_clicks',
];
const TOP_COLUMNS: MetricId[] = ['impressions', 'engagements', 'saves', 'closeups', 'link_clicks'];

const pick = (values: Partial<Record<MetricId, number | null>>, ids: MetricId[]): DocumentRow =>
  Object.fromEntries(ids.map((id) => [id, values[id] ?? null]));

export async function buildExportDocument(
  engine: PinsightEngine,
  context: ExportContext,
  kind: 'overview' | 'video',
): Promise<ExportDocument> {
  const filters = { ...context };
  const overview = (await engine.query(querySpecSchema.parse({ view: 'overview', filters }))) as OverviewResult;
  const columns = kind === 'video' ? VIDEO_COLUMNS : OVERVIEW_COLUMNS;
  const topView = kind === 'video' ? 'top-video-pins' : 'top-pins';
  const pins = (await engine.query(querySpecSchema.parse({ view: topView, filters, limit: 10 }))) as TopResult;
  const sections: ExportDocument['sections'] = [
    {
      kind: 'daily',
      columns: ['date', ...columns],
      rows: overview.series.map((p) => ({ date: p.date, ...pick(p, columns) })),
      total: pick(overview.totals, columns),
    },
  ];
  if (kind === 'overview') {
    const boards = (await engine.query(querySpecSchema.parse({ view: 'top-boards', filters, limit: 10 }))) as TopResult;
    sections.push({
      kind: 'topBoards',
      columns: ['board', ...TOP_COLUMNS],
      rows: boards.rows.map((r) => ({ board: r.name ?? r.board_id ?? '', ...pick(r, TOP_COLUMNS) })),
    });
  }
  sections.push({
    kind: kind === 'video' ? 'topVideoPins' : 'topPins',
    columns: ['pin_id', 'title', ...(kind === 'video' ? VIDEO_COLUMNS : TOP_COLUMNS)],
    rows: pins.rows.map((r) => ({ pin_id: r.pin_id, title: r.title ?? '', ...pick(r, kind === 'video' ? VIDEO_COLUMNS : TOP_COLUMNS) })),
  });
  return { report: kind === 'video' ? 'Video' : 'Overview', context, sections };
}

/** A legacy export of 2018: impressions, repins, clicks and daily/monthly viewers (deterministic numbers). */
export function legacyDocument(from = '2018-01-01', to = '2018-03-31'): ExportDocument {
  const rows: DocumentRow[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), i = 0; t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000, i++) {
    const impressions = 800 + ((i * 37) % 400);
    rows.push({
      date: new Date(t).toISOString().slice(0, 10),
      impressions,
      saves: 20 + ((i * 7) % 30),
      link_clicks: 10 + ((i * 5) % 17),
      daily_viewers: Math.round(impressions * 0.6),
      monthly_viewers: 12_000 + i * 10,
    });
  }
  return {
    report: 'Profile (legacy)',
    legacy: true,
    context: { from, to, ...allChoices(), accounts: [] },
    sections: [{ kind: 'daily', columns: ['date', 'impressions', 'saves', 'link_clicks', 'daily_viewers', 'monthly_viewers'], rows }],
  };
}

export const EN_HUMAN: RenderStyle = {
  language: 'en',
  delimiter: ',',
  encoding: 'utf8',
  lineEnding: '\r\n',
  humanUnits: true,
  grouping: true,
};
export const SV_HUMAN: RenderStyle = {
  language: 'sv',
  delimiter: ';',
  encoding: 'utf8-bom',
  lineEnding: '\r\n',
  humanUnits: true,
  grouping: true,
};
export const SV_UNICODE_TEXT: RenderStyle = {
  language: 'sv',
  delimiter: '\t',
  encoding: 'utf16le',
  lineEnding: '\r\n',
  humanUnits: true,
  grouping: true,
};

export interface DemoExportFiles {
  overviewEn: string;
  overviewSv: string;
  paidMobileUtf16: string;
  organic: string;
  paid: string;
  video: string;
  legacy: string;
  documents: Record<'overview' | 'paidMobile' | 'organic' | 'paid' | 'video' | 'legacy', ExportDocument>;
}

/** Writes the demo export set for a 30-day range of the demo world. */
export async function writeDemoExports(
  engine: PinsightEngine,
  dir: string,
  range = { from: '2026-09-01', to: '2026-09-30' },
): Promise<DemoExportFiles> {
  const all: ExportContext = { ...range, ...allChoices(), accounts: [] };
  const documents = {
    overview: await buildExportDocument(engine, all, 'overview'),
    paidMobile: await buildExportDocument(engine, { ...all, contentType: 'paid', device: 'mobile' }, 'overview'),
    organic: await buildExportDocument(engine, { ...all, contentType: 'organic' }, 'overview'),
    paid: await buildExportDocument(engine, { ...all, contentType: 'paid' }, 'overview'),
    video: await buildExportDocument(engine, { ...all, format: 'video' }, 'video'),
    legacy: legacyDocument(),
  };
  const write = (name: string, doc: ExportDocument, style: RenderStyle) => {
    const path = join(dir, name);
    writeFileSync(path, renderExport(doc, style));
    return path;
  };
  return {
    overviewEn: write('pinterest-overview-en.csv', documents.overview, EN_HUMAN),
    overviewSv: write('pinterest-oversikt-sv.csv', documents.overview, SV_HUMAN),
    paidMobileUtf16: write('pinterest-betald-mobil.txt', documents.paidMobile, SV_UNICODE_TEXT),
    organic: write('pinterest-organic.csv', documents.organic, EN_HUMAN),
    paid: write('pinterest-paid.csv', documents.paid, { ...EN_HUMAN, delimiter: ';', grouping: false }),
    video: write('pinterest-video.csv', documents.video, EN_HUMAN),
    legacy: write('pinterest-legacy-2018.csv', documents.legacy, { ...EN_HUMAN, humanUnits: false }),
    documents,
  };
}
