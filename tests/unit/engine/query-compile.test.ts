/**
 * The SQL each query spec compiles to, as snapshots: a change to a compiler shows in review as a change of the
 * SQL text (`npx vitest run -u` writes the new text; read the diff before committing it).
 */
import { describe, expect, it } from 'vitest';
import { compileOverview } from '../../../electron/engine/query/compile/overview-sql';
import { compilePinStats } from '../../../electron/engine/query/compile/pin-stats-sql';
import { compileReconcile } from '../../../electron/engine/query/compile/reconcile-sql';
import { compileSnapshotDays, compileSnapshotTotals, compileTopSnapshot } from '../../../electron/engine/query/compile/snapshot-sql';
import { compileTopAudience, compileTopRanking } from '../../../electron/engine/query/compile/top-sql';
import { DEFAULT_FILTERS, type Filters } from '../../../shared/filters';
import { querySpecSchema, type QuerySpecInput } from '../../../shared/query';

const RANGE = { from: '2026-09-01', to: '2026-09-30' };
const spec = (input: Omit<QuerySpecInput, 'view'> & { view?: QuerySpecInput['view'] }) =>
  querySpecSchema.parse({ view: 'overview', ...input });
const filters = (f: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...f });

describe('overview', () => {
  it('no filters: rollup totals and series, audiences per day', () => {
    expect(compileOverview(spec({}), RANGE)).toMatchSnapshot();
  });

  it('every dimension and two accounts, split by device, weekly, audience totals only', () => {
    const s = spec({
      filters: filters({ contentType: 'paid', device: 'mobile', source: 'yours', format: 'video', accounts: ['acct-1', 'acct-2'] }),
      splitBy: 'device',
      granularity: 'week',
      audienceSeries: false,
    });
    const compiled = compileOverview(s, RANGE);
    expect(compiled.figures?.params).toMatchObject({
      contentType: 'paid',
      device: 'mobile',
      source: 'yours',
      format: 'video',
      account0: 'acct-1',
      account1: 'acct-2',
    });
    expect(compiled).toMatchSnapshot();
  });

  it('figures first without audiences, then the audiences alone', () => {
    const first = compileOverview(spec({ skipAudience: true }), RANGE);
    const second = compileOverview(spec({ audienceOnly: true, splitBy: 'content-type' }), RANGE);
    expect(first.audience).toBeNull();
    expect(second.figures).toBeNull();
    // The summed rollup: per day, and the total as a second plain aggregate (no grouping sets).
    expect(first.figures?.sql).toContain('FROM rollup_combo WHERE');
    expect(first.figures?.sql).toContain('GROUP BY bucket_day)\nUNION ALL SELECT NULL, NULL,');
    expect({ first, second }).toMatchSnapshot();
  });
});

describe('top lists', () => {
  it('top Pins by saves, top boards, top video Pins (format set to video)', () => {
    const f = filters({ device: 'web' });
    expect({
      pins: compileTopRanking('top-pins', f, RANGE, 'saves', 50),
      boards: compileTopRanking('top-boards', f, RANGE, 'impressions', 10),
      video: compileTopRanking('top-video-pins', f, RANGE, 'video_views', 25),
      audience: compileTopAudience('top-pins', f, RANGE, [3, 7]),
    }).toMatchSnapshot();
    expect(compileTopRanking('top-video-pins', f, RANGE, 'video_views', 25).params.format).toBe('video');
  });
});

describe('Pin stats', () => {
  const pin = { group_key: 12, created_at: '2026-09-10T08:00:00.000Z', first_created_at: '2026-09-10T08:00:00.000Z' };
  it('real-time in the first 24 hours: the raw records of the Pin, Pin attributes through pin_dim', () => {
    expect(compilePinStats('p1', filters({ source: 'yours', device: 'mobile' }), pin, '2026-09-10T20:00:00.000Z')).toMatchSnapshot();
  });

  it('final later: the group over the last full 24 hours and up to the start of the day', () => {
    expect(compilePinStats('p1', filters({ contentType: 'organic' }), pin, '2026-09-20T13:45:00.000Z')).toMatchSnapshot();
  });
});

describe('export snapshots', () => {
  it('days, exact totals and the top section for one selection; the legacy history', () => {
    const f = filters({ contentType: 'paid', accounts: ['b', 'a'] });
    expect({
      days: compileSnapshotDays(f, RANGE),
      legacy: compileSnapshotDays(f, RANGE, true),
      totals: compileSnapshotTotals(f, RANGE),
      top: compileTopSnapshot(f, RANGE, 'topPins'),
    }).toMatchSnapshot();
    expect(compileSnapshotDays(f, RANGE).params).toMatchObject({ ctx_contentType: 'paid', ctx_device: 'all', ctx_accounts: 'a\nb' });
  });
});

describe('reconcile', () => {
  it('every raw record of the range in its first removing step; Pin attributes through pin_dim; a Pin group', () => {
    const f = filters({ device: 'mobile', format: 'video', accounts: ['acct-1'] });
    expect({
      plain: compileReconcile(DEFAULT_FILTERS, RANGE, 'UTC'),
      filtered: compileReconcile(f, RANGE, 'Europe/Stockholm'),
      pin: compileReconcile(DEFAULT_FILTERS, RANGE, 'UTC', 'p1'),
    }).toMatchSnapshot();
  });
});
