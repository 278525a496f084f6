/** Dashboard timings: a filter change refreshes overview (split), top 50 Pins and top boards. */
import { DEFAULT_FILTERS, type FiltersInput } from '../../shared/filters';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import { addDays } from '../../shared/dates';
import { PinsightEngine } from '../engine/pinsight-engine';
import { median, rssMiB, time } from './measure';
import { defined } from '../../shared/defined';

export interface ViewFigures {
  name: string;
  oursMs: number;
  naiveMs: number;
  /** Least speed-up over naive SQL that CI's small run accepts. */
  guard?: number;
}

export interface QueryFigures {
  views: ViewFigures[];
  openMs: number;
  peakRssMiB: number;
}

const FILTER_CHANGES: FiltersInput[] = [
  {},
  { contentType: 'paid' },
  { device: 'mobile' },
  { contentType: 'organic', device: 'web' },
  { source: 'others' },
  { format: 'video' },
  { accounts: ['acc-site'] },
  { contentType: 'paid', device: 'tablet', source: 'yours' },
];

const naiveWhere = (f: FiltersInput) =>
  [
    `e.event_time >= CAST($from AS TIMESTAMP) AND e.event_time < CAST($to AS TIMESTAMP) + INTERVAL 1 DAY`,
    f.contentType && f.contentType !== 'all' ? `e.content_type = '${f.contentType}'` : '',
    f.device && f.device !== 'all' ? `e.app_type = '${f.device}'` : '',
    f.format && f.format !== 'all' ? `p.pin_format = '${f.format}'` : '',
  ]
    .filter(Boolean)
    .join(' AND ');

const NAIVE_COUNTS = `count(*) FILTER (WHERE e.event_type = 'impression') AS impressions,
  count(*) FILTER (WHERE e.event_type IN ('closeup', 'save', 'link_click', 'carousel_swipe')) AS engagements,
  count(*) FILTER (WHERE e.event_type = 'save') AS saves`;

export async function benchQueries(workspace: string, repeats: number): Promise<QueryFigures> {
  let peak = rssMiB();
  const open = await time(async () => {
    const e = await PinsightEngine.open(workspace, { create: false });
    await e.query(querySpecSchema.parse({ view: 'overview', skipAudience: true }));
    return e;
  });
  const engine = open.value;
  const info = await engine.workspaceInfo();
  const to = defined(info.lastDay, 'the last day of the benchmark data');
  const from = addDays(to, -29);
  const q = (spec: QuerySpecInput) => engine.query(querySpecSchema.parse(spec));

  const dashboard: number[] = [];
  const audience: number[] = [];
  const audienceTotals: number[] = [];
  const naive: number[] = [];
  const naiveAudience: number[] = [];
  const reconcile: number[] = [];
  const naiveSteps: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const filters = { ...DEFAULT_FILTERS, ...FILTER_CHANGES[i % FILTER_CHANGES.length], from, to };
    dashboard.push(
      (
        await time(async () => {
          await q({ view: 'overview', filters, splitBy: 'content-type', skipAudience: true });
          await q({ view: 'top-pins', filters, skipAudience: true });
          await q({ view: 'top-boards', filters, skipAudience: true });
        })
      ).ms,
    );
    audienceTotals.push((await time(() => q({ view: 'overview', filters, splitBy: 'content-type', audienceSeries: false }))).ms);
    audience.push((await time(() => q({ view: 'overview', filters, splitBy: 'content-type' }))).ms);
    const where = naiveWhere(filters);
    const params = { from, to };
    const ws = engine.workspace;
    naive.push(
      (
        await time(async () => {
          await ws.all(
            `SELECT CAST(e.event_time AS DATE) AS d, e.content_type, ${NAIVE_COUNTS} FROM events e JOIN pins p USING (pin_id) WHERE ${where} GROUP BY ALL`,
            params,
          );
          await ws.all(
            `SELECT e.pin_id, ${NAIVE_COUNTS} FROM events e JOIN pins p USING (pin_id) WHERE ${where} GROUP BY ALL ORDER BY impressions DESC LIMIT 50`,
            params,
          );
          await ws.all(
            `SELECT p.board_id, ${NAIVE_COUNTS} FROM events e JOIN pins p USING (pin_id) WHERE ${where} GROUP BY ALL ORDER BY impressions DESC LIMIT 50`,
            params,
          );
        })
      ).ms,
    );
    naiveAudience.push(
      (
        await time(() =>
          ws.all(
            `SELECT count(DISTINCT e.user_id) FILTER (WHERE e.event_type = 'impression') FROM events e JOIN pins p USING (pin_id) WHERE ${where}`,
            params,
          ),
        )
      ).ms,
    );
    // "How this is counted": every raw record of the range in its step, next to a plain count of them by type.
    reconcile.push((await time(() => q({ view: 'reconcile', filters }))).ms);
    naiveSteps.push(
      (
        await time(() =>
          ws.all(`SELECT e.event_type, count(*) FROM events e JOIN pins p USING (pin_id) WHERE ${where} GROUP BY ALL`, params),
        )
      ).ms,
    );
    peak = Math.max(peak, rssMiB());
  }
  engine.close();
  return {
    views: [
      { name: 'filter change: overview split + top 50 Pins + top boards', oursMs: median(dashboard), naiveMs: median(naive), guard: 0.4 },
      { name: 'overview with exact audiences of the KPI tiles', oursMs: median(audienceTotals), naiveMs: median(naiveAudience) },
      { name: 'overview with exact audiences per day as well', oursMs: median(audience), naiveMs: median(naiveAudience) },
      { name: 'how this is counted: raw records to figures, step by step', oursMs: median(reconcile), naiveMs: median(naiveSteps) },
    ],
    openMs: open.ms,
    peakRssMiB: peak,
  };
}
