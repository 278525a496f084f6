/** Two date ranges side by side: the compare view, and top lists that carry range B's values. */
import { delta } from '../../../shared/compare';
import { METRIC_IDS, type MetricId } from '../../../shared/metrics';
import { MAX_TOP_LIMIT, type QuerySpec } from '../../../shared/query';
import type { CompareResult, MetricValues, OverviewResult, TopComparison, TopResult, TopRow } from '../../../shared/results';

type Run = (spec: QuerySpec) => Promise<unknown>;

export async function compareQuery(run: Run, spec: QuerySpec & { compare: { from: string; to: string } }): Promise<CompareResult> {
  const base = { ...spec, view: 'overview' as const, compare: undefined };
  const a = (await run(base)) as OverviewResult;
  const b = (await run({ ...base, filters: { ...spec.filters, from: spec.compare.from, to: spec.compare.to } })) as OverviewResult;
  const bHasNoData = b.series.every((p) => p.impressions === null || p.impressions === undefined) && b.totals.impressions === null;
  const d = Object.fromEntries(METRIC_IDS.map((id) => [id, delta(a.totals[id], b.totals[id])])) as CompareResult['delta'];
  return { view: 'compare', a, b, delta: d, bHasNoData };
}

const keyOf = (view: TopResult['view'], row: TopRow) => (view === 'top-boards' ? row.board_id : row.pin_id) ?? '';

/** Range B's values for the rows of A, B's ranks, and B's entries that are gone from A. */
export async function topComparison(run: Run, spec: QuerySpec & { compare: { from: string; to: string } }, a: TopResult): Promise<TopComparison> {
  const b = (await run({ ...spec, compare: undefined, limit: MAX_TOP_LIMIT, filters: { ...spec.filters, from: spec.compare.from, to: spec.compare.to } })) as TopResult;
  const limit = a.rows.length;
  const inB = new Map(b.rows.map((row, i) => [keyOf(a.view, row), { row, rank: i + 1 }]));
  const inA = new Set(a.rows.map((row) => keyOf(a.view, row)));
  const values = (row: TopRow | undefined): Partial<MetricValues> =>
    Object.fromEntries(METRIC_IDS.map((id: MetricId) => [id, row ? (row[id] ?? null) : null]));
  return {
    range: b.range,
    rows: a.rows.map((row, i) => {
      const match = inB.get(keyOf(a.view, row));
      const listedInB = match !== undefined && match.rank <= limit;
      return {
        rank: i + 1,
        rank_b: listedInB ? match.rank : null,
        rank_change: listedInB ? match.rank - (i + 1) : null,
        status: listedInB ? 'both' : 'new',
        b: values(match?.row),
      };
    }),
    gone: b.rows.slice(0, limit).flatMap((row, i) => (inA.has(keyOf(a.view, row)) ? [] : [{ ...row, rank_b: i + 1 }])),
  };
}
