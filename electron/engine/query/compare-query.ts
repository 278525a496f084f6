/** Two date ranges side by side: the compare view, and top lists that carry range B's values. */
import { delta } from '../../../shared/compare';
import { METRIC_IDS, METRICS, type MetricId } from '../../../shared/metrics';
import { MAX_TOP_LIMIT, type QuerySpec } from '../../../shared/query';
import type { CompareResult, Coverage, MetricValues, OverviewResult, TopComparison, TopResult, TopRow } from '../../../shared/results';

type Run = (spec: QuerySpec) => Promise<unknown>;

export async function compareQuery(run: Run, spec: QuerySpec & { compare: { from: string; to: string } }): Promise<CompareResult> {
  const base = { ...spec, view: 'overview' as const, compare: undefined };
  const a = (await run(base)) as OverviewResult;
  const b = (await run({ ...base, filters: { ...spec.filters, from: spec.compare.from, to: spec.compare.to } })) as OverviewResult;
  const bHasNoData = b.series.every((p) => p.impressions === null || p.impressions === undefined) && b.totals.impressions === null;
  const deltas = (x: MetricValues, y: MetricValues) =>
    Object.fromEntries(METRIC_IDS.map((id) => [id, delta(x[id], y[id], METRICS[id].unit === 'ratio')])) as CompareResult['delta'];
  const perDayA = perDay(a.totals, a.coverage.covered);
  const perDayB = perDay(b.totals, b.coverage.covered);
  return {
    view: 'compare',
    a,
    b,
    delta: deltas(a.totals, b.totals),
    perDay: { a: perDayA, b: perDayB, delta: deltas(perDayA, perDayB) },
    bHasNoData,
    coverage: { a: a.coverage, b: b.coverage },
    comparable: a.coverage.covered === a.coverage.days && b.coverage.covered === b.coverage.days,
    equalLengths: a.coverage.days === b.coverage.days,
  };
}

/**
 * Per-day averages over the days that have data: sums divided by covered days; rates and averages stay as
 * they are; distinct audiences cannot be averaged per day (null).
 */
export function perDay(totals: MetricValues, coveredDays: number): MetricValues {
  return Object.fromEntries(
    METRIC_IDS.map((id) => {
      const kind = METRICS[id].formula.kind;
      const v = totals[id];
      if (v === null || kind === 'distinctUsers') return [id, null];
      if (kind === 'ratio') return [id, v];
      return [id, coveredDays > 0 ? v / coveredDays : null];
    }),
  ) as MetricValues;
}

const keyOf = (view: TopResult['view'], row: TopRow) => (view === 'top-boards' ? row.board_id : row.pin_id) ?? '';

/** Range B's values for the rows of A, B's ranks, and B's entries that are gone from A. */
export async function topComparison(
  run: Run,
  spec: QuerySpec & { compare: { from: string; to: string } },
  a: TopResult,
  coverage: (range: { from: string; to: string }) => Promise<Coverage>,
): Promise<TopComparison> {
  const b = (await run({
    ...spec,
    compare: undefined,
    limit: MAX_TOP_LIMIT,
    filters: { ...spec.filters, from: spec.compare.from, to: spec.compare.to },
  })) as TopResult;
  const limit = a.rows.length;
  const inB = new Map(b.rows.map((row, i) => [keyOf(a.view, row), { row, rank: i + 1 }]));
  const inA = new Set(a.rows.map((row) => keyOf(a.view, row)));
  const values = (row: TopRow | undefined): Partial<MetricValues> =>
    Object.fromEntries(METRIC_IDS.map((id: MetricId) => [id, row ? (row[id] ?? null) : null]));
  return {
    range: b.range,
    coverage: { a: await coverage(a.range), b: await coverage(b.range) },
    rows: a.rows.map((row, i) => {
      const match = inB.get(keyOf(a.view, row));
      // 'new' means new in the list (not among B's first rows); its rank in the whole of B is still told.
      const listedInB = match !== undefined && match.rank <= limit;
      return {
        rank: i + 1,
        rank_b: match ? match.rank : null,
        rank_change: match ? match.rank - (i + 1) : null,
        status: listedInB ? 'both' : 'new',
        b: values(match?.row),
      };
    }),
    gone: b.rows.slice(0, limit).flatMap((row, i) => (inA.has(keyOf(a.view, row)) ? [] : [{ ...row, rank_b: i + 1 }])),
  };
}
