/** Top Pins, boards and video Pins from the sections of the export snapshot that matches the selection. */
import type { SectionKind } from '../../../shared/export-vocabulary';
import type { MetricId } from '../../../shared/metrics';
import { DEFAULT_TOP_LIMIT, type QuerySpec } from '../../../shared/query';
import type { ResolvedRange, TopResult, TopRow } from '../../../shared/results';
import type { Workspace } from '../db/workspace';
import { compileTopCells, compileTopSnapshot } from './compile/snapshot-sql';
import { describeSnapshots, noMatchDetail, snapshotsById } from './snapshot-selection';
import { defined } from '../../../shared/defined';

const SECTION: Record<TopResult['view'], SectionKind> = {
  'top-pins': 'topPins',
  'top-boards': 'topBoards',
  'top-video-pins': 'topVideoPins',
};

export async function exportTopQuery(
  ws: Workspace,
  spec: QuerySpec & { view: TopResult['view'] },
  range: ResolvedRange,
  sortBy: MetricId,
): Promise<TopResult> {
  const section = SECTION[spec.view];
  const pick = compileTopSnapshot(spec.filters, range, section);
  const snapshotId = await ws.value<number>(pick.sql, pick.params);
  if (snapshotId === null) {
    return {
      view: spec.view,
      range,
      sortBy,
      rows: [],
      provenance: { kind: 'none', reason: 'noExportMatch', detail: await noMatchDetail(ws, spec.filters) },
    };
  }
  const cellsStatement = compileTopCells(snapshotId, section);
  const cells = await ws.all<{
    rank: number;
    pin_id: string | null;
    title: string | null;
    board: string | null;
    metric: string;
    value: number | null;
  }>(cellsStatement.sql, cellsStatement.params);
  const byRank = new Map<number, TopRow>();
  for (const c of cells) {
    // A board's Pins: the export's top Pins that name the board.
    if (spec.boardId !== undefined && c.board !== spec.boardId) continue;
    const row =
      byRank.get(c.rank) ??
      (spec.view === 'top-boards' ? { board_id: c.board, name: c.board } : { pin_id: c.pin_id ?? undefined, title: c.title });
    (row as Record<string, unknown>)[c.metric] = c.value;
    byRank.set(c.rank, row);
  }
  const rows = [...byRank.values()]
    .sort((a, b) => ((b[sortBy] as number | null) ?? -Infinity) - ((a[sortBy] as number | null) ?? -Infinity))
    .slice(0, spec.limit ?? DEFAULT_TOP_LIMIT);
  const snapshot = defined((await snapshotsById(ws, [snapshotId]))[0], `export snapshot ${snapshotId}`);
  const exact = snapshot.date_from === range.from && snapshot.date_to === range.to;
  return {
    view: spec.view,
    range,
    sortBy,
    rows,
    provenance: {
      kind: 'export',
      reason: 'exportSnapshots',
      from: snapshot.date_from,
      to: snapshot.date_to,
      detail: `Analytics export snapshot ${describeSnapshots([snapshot])}${exact ? '' : ' — the export covers its own date range, not exactly the one chosen'}`,
    },
  };
}
