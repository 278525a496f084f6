/** The reconcile view: from the raw records of the range to the figures on screen, step by step. */
import { evaluateFormula, METRICS, RECONCILE_METRICS, type RollupCounter } from '../../../shared/metrics';
import type { QuerySpec } from '../../../shared/query';
import {
  type DataProvenance,
  type ReconcileCounts,
  type ReconcileResult,
  type RejectedRow,
  type ResolvedRange,
} from '../../../shared/results';
import { numberOrNull, type PlainRow } from '../db/duckdb-values';
import type { Workspace } from '../db/workspace';
import { compileReconcile, REJECTED_FILES_SQL, REJECTED_ROWS_SQL } from './compile/reconcile-sql';
import { describeSnapshots, snapshotsById } from './snapshot-selection';
import { dailyFromSnapshots } from './snapshot-overview-query';
import { eventBounds, resolveRange } from './resolve-range';

const MAX_REJECTED_ROWS = 1000;

const zeroCounts = (): ReconcileCounts => ({ raw: 0, duplicates: 0, spam: 0, out_of_scope: 0, final: 0 });

/** `exportRange`: the range the view reads from Analytics export snapshots, when it does (run-query decides). */
export async function reconcileQuery(ws: Workspace, spec: QuerySpec, exportRange: ResolvedRange | null): Promise<ReconcileResult> {
  const rejectedFiles = (await ws.all<{ file: string; rows: number }>(REJECTED_FILES_SQL)).map((r) => ({
    file: r.file,
    rows: Number(r.rows),
  }));
  const rejectedRows = await ws.all<RejectedRow>(REJECTED_ROWS_SQL, { limit: MAX_REJECTED_ROWS });
  const base = {
    view: 'reconcile' as const,
    ...zeroCounts(),
    rejected: rejectedFiles.reduce((n, f) => n + f.rows, 0),
    rejectedFiles,
    rejectedRows: rejectedRows.map((r) => ({ ...r, line: Number(r.line) })),
    metrics: {},
    pinAttributeFilter: spec.filters.source !== 'all' || spec.filters.format !== 'all',
    ...(spec.pinId !== undefined ? { pinId: spec.pinId } : {}),
  };
  if (exportRange) {
    const { snapshotIds } = await dailyFromSnapshots(ws, spec.filters, exportRange);
    const snapshots = await snapshotsById(ws, snapshotIds);
    const provenance: DataProvenance = {
      kind: 'export',
      reason: 'exportSnapshots',
      from: exportRange.from,
      to: exportRange.to,
      detail: `Analytics export snapshot(s): ${describeSnapshots(snapshots) || 'none for these filters'}`,
    };
    return { ...base, range: exportRange, source: 'export', provenance };
  }
  const bounds = await eventBounds(ws);
  const range = resolveRange(spec.filters, bounds);
  if (!bounds.lastDay) {
    return {
      ...base,
      range,
      source: 'none',
      provenance: { kind: 'none', reason: 'noEventData', detail: 'No event data in this workspace' },
    };
  }
  const statement = compileReconcile(spec.filters, range, await ws.timeZone(), spec.pinId);
  const rows = await ws.all(statement.sql, statement.params);
  const counts = zeroCounts();
  const metrics = Object.fromEntries(RECONCILE_METRICS.map((id) => [id, zeroCounts()]));
  for (const row of rows) {
    const step = String(row.step) as keyof ReconcileCounts;
    const events = Number(row.events);
    counts[step] += events;
    counts.raw += events;
    for (const id of RECONCILE_METRICS) {
      const value = metricOf(row, id);
      const m = metrics[id];
      if (!m) continue;
      m[step] += value;
      m.raw += value;
    }
  }
  const provenance: DataProvenance = {
    kind: 'events',
    reason: 'eventData',
    from: range.from,
    to: range.to,
    detail: `Event data, ${range.from} to ${range.to}`,
  };
  return { ...base, ...counts, metrics, range, source: 'events', provenance };
}

/** A count metric of one step's row, by the catalogue's formula over the row's counters. */
function metricOf(row: PlainRow, id: (typeof RECONCILE_METRICS)[number]): number {
  const counter = (c: RollupCounter) => numberOrNull(row[c]) ?? 0;
  return (
    evaluateFormula(METRICS[id].formula, (part) =>
      part.kind === 'sum' ? counter(part.counter) : part.counters.reduce((n, c) => n + counter(c), 0),
    ) ?? 0
  );
}
