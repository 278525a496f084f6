/** How the CLI prints each view: the documented JSON shapes, or readable tables. */
import { METRIC_IDS, METRICS } from '../../../shared/metrics';
import type { MetricValues, PinStatsResult, QueryResult, ReconcileResult } from '../../../shared/results';
import { viewTable } from '../../engine/output/view-table';
import { textTable } from './text-table';

export function toJson(result: QueryResult): unknown {
  switch (result.view) {
    case 'overview':
      return {
        range: result.range,
        source: result.provenance,
        coverage: result.coverage,
        ...(result.provisionalDays ? { provisionalDays: result.provisionalDays } : {}),
        ...(result.lastDayEndsAt ? { lastDayEndsAt: result.lastDayEndsAt } : {}),
        totals: result.totals,
        series: result.series,
      };
    case 'compare':
      return {
        a: { range: result.a.range, source: result.a.provenance, coverage: result.coverage.a, totals: result.a.totals },
        b: {
          range: result.b.range,
          source: result.b.provenance,
          coverage: result.coverage.b,
          totals: result.b.totals,
          hasNoData: result.bHasNoData,
        },
        comparable: result.comparable,
        equalLengths: result.equalLengths,
        delta: result.delta,
        perDay: result.perDay,
      };
    case 'legacy':
      return { range: result.range, source: result.provenance, metrics: result.metrics, totals: result.totals, series: result.series };
    case 'pin': {
      const { view: _view, groupPins: _pins, ...rest } = result;
      return rest;
    }
    case 'reconcile': {
      const { view: _view, rejectedRows: _rows, provenance, ...rest } = result;
      return { ...rest, provenance };
    }
    default:
      return {
        range: result.range,
        source: result.provenance,
        sortBy: result.sortBy,
        rows: result.rows.map((r, i) => (result.comparison ? { ...r, compare: result.comparison.rows[i] } : r)),
        ...(result.comparison
          ? { compare: { range: result.comparison.range, coverage: result.comparison.coverage, gone: result.comparison.gone } }
          : {}),
      };
  }
}

const TOP_COLUMNS: Record<string, string[]> = {
  'top-boards': ['rank', 'board_id', 'name', 'impressions', 'engagements', 'saves', 'closeups', 'link_clicks'],
  'top-video-pins': ['rank', 'pin_id', 'title', 'video_views', 'avg_watch_time_s', 'p95_views', 'ten_second_views', 'total_watch_time_min'],
  'top-pins': ['rank', 'pin_id', 'title', 'format', 'source', 'impressions', 'engagements', 'saves', 'closeups', 'link_clicks'],
};

function pick(header: string[], rows: unknown[][], shown: string[]): string {
  const idx = shown.map((h) => header.indexOf(h));
  return textTable(
    shown,
    rows.map((r) => idx.map((i) => r[i])),
  );
}

export function toText(result: QueryResult): string {
  if (result.view === 'pin') return pinText(result);
  if (result.view === 'reconcile') return reconcileText(result);
  if (result.view === 'compare') {
    const t = viewTable(result);
    const cov = (c: { days: number; covered: number }) => (c.covered < c.days ? ` (data for ${c.covered} of ${c.days} days)` : '');
    const notes = [
      ...(result.bHasNoData ? ['B has no data.'] : []),
      ...(!result.comparable && !result.bHasNoData
        ? ['Not comparable as totals: a range has days without data; compare the per-day averages (--json: perDay).']
        : []),
      ...(!result.equalLengths
        ? [`A has ${result.coverage.a.days} days and B ${result.coverage.b.days}: compare the per-day averages (--json: perDay).`]
        : []),
    ];
    const head = `compare A ${result.a.range.from} to ${result.a.range.to}${cov(result.coverage.a)} with B ${result.b.range.from} to ${result.b.range.to}${cov(result.coverage.b)}${notes.length ? `\n${notes.join('\n')}` : ''}`;
    return `${head}\n\n${textTable(
      ['metric', 'A', 'B', 'change', 'change %'],
      t.rows.map((r) => [r[0], r[1], r[2], r[3], typeof r[4] === 'number' ? Math.round(r[4] * 1000) / 10 : null]),
    )}`;
  }
  if (result.view === 'legacy') {
    const head = `legacy ${result.range.from} to ${result.range.to} (${result.provenance.detail})`;
    const totals = textTable(
      ['metric', 'total'],
      result.metrics.map((m) => [m, result.totals[m] ?? null]),
    );
    const t = viewTable(result);
    return `${head}\n\n${totals}\n\n${textTable(t.columns, t.rows)}`;
  }
  const head = `${result.view} ${result.range.from} to ${result.range.to} (${result.provenance.detail})`;
  const t = viewTable(result);
  if (result.view === 'overview') {
    const provisional = result.provisionalDays
      ? `\nProvisional (not final when the API response was saved): ${result.provisionalDays.join(', ')}`
      : '';
    const end = result.lastDayEndsAt;
    const partial = end
      ? `\nThe data ends on ${end.day} at ${end.time} (${end.timeZone}): that day is not complete, so its numbers are lower than a whole day's`
      : '';
    const totals = textTable(
      ['metric', 'total'],
      METRIC_IDS.map((id) => [METRICS[id].label.en, result.totals[id]]),
    );
    const series = pick(t.columns, t.rows, ['date', 'split', 'impressions', 'engagements', 'saves', 'link_clicks', 'total_audience']);
    return `${head}${provisional}${partial}\n\n${totals}\n\n${series}`;
  }
  return `${head}, sorted by ${result.sortBy}\n\n${pick(t.columns, t.rows, TOP_COLUMNS[result.view] ?? t.columns)}`;
}

function reconcileText(r: ReconcileResult): string {
  const head = `reconcile ${r.range.from} to ${r.range.to} (${r.provenance.detail})`;
  if (r.source !== 'events') return `${head}\nThe figures do not come from event records: no steps to show.`;
  const t = viewTable(r);
  const rejected = r.rejected
    ? `\n${r.rejected} rows of event files were refused at import (${r.rejectedFiles.map((f) => `${f.file}: ${f.rows}`).join(', ')}).`
    : '';
  const order =
    'Steps in order: duplicates, then spam users, then Pins of no claimed account; an event is counted in the first that removes it.';
  return `${head}\n${order}${rejected}\n\n${textTable(t.columns, t.rows)}`;
}

function pinText(r: PinStatsResult): string {
  const blocks: Record<string, MetricValues> =
    r.phase === 'real-time' ? { 'real time': r.real_time } : { 'last 24 hours': r.last_24h, final: r.final };
  const table = textTable(
    ['metric', ...Object.keys(blocks)],
    METRIC_IDS.map((id) => [METRICS[id].label.en, ...Object.values(blocks).map((b) => b[id])]),
  );
  return [
    `Pin ${r.pin_id}${r.title ? `: ${r.title}` : ''}`,
    `phase ${r.phase}, as of ${r.as_of}; group of ${r.group.length} Pin(s): ${r.group.join(', ')}`,
    '',
    table,
  ].join('\n');
}
