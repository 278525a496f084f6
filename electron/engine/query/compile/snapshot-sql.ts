/** Queries over Analytics export snapshots, compiled: per day the newest snapshot of exactly a selection. */
import type { SectionKind } from '../../../../shared/export-vocabulary';
import type { Filters } from '../../../../shared/filters';
import { snapshotSelection } from '../../db/dimension-columns';
import type { Statement } from './filters-sql';

type Range = { from: string; to: string };

/** Values per day and metric for one selection (or the legacy history): each day from the newest snapshot that has it. */
export function compileSnapshotDays(filters: Filters, range: Range, legacy = false): Statement {
  const match = legacy ? { sql: 's.legacy', params: {} } : snapshotSelection(filters);
  return {
    sql: `WITH candidates AS (
  SELECT d.* FROM export_daily d JOIN export_snapshots s USING (snapshot_id)
  WHERE ${match.sql} AND d.day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)),
newest AS (SELECT day, max(snapshot_id) AS snapshot_id FROM candidates GROUP BY day)
SELECT CAST(c.day AS VARCHAR) AS day, c.metric, c.value, c.snapshot_id
FROM candidates c JOIN newest n USING (day, snapshot_id) ORDER BY day`,
    params: { ...match.params, from: range.from, to: range.to },
  };
}

/** The Total row of the newest snapshot of exactly this selection and range (the true distinct audiences). */
export function compileSnapshotTotals(filters: Filters, range: Range): Statement {
  const match = snapshotSelection(filters);
  return {
    sql: `SELECT t.metric, t.value FROM export_totals t JOIN export_snapshots s USING (snapshot_id)
WHERE ${match.sql} AND t.section = 'daily' AND s.date_from = CAST($from AS DATE) AND s.date_to = CAST($to AS DATE)
  AND s.snapshot_id = (SELECT max(s.snapshot_id) FROM export_snapshots s WHERE ${match.sql} AND s.date_from = CAST($from AS DATE) AND s.date_to = CAST($to AS DATE))`,
    params: { ...match.params, from: range.from, to: range.to },
  };
}

/** The snapshot with a top section for this selection: of exactly this range if there is one, else the newest that overlaps it most. */
export function compileTopSnapshot(filters: Filters, range: Range, section: SectionKind): Statement {
  const match = snapshotSelection(filters);
  return {
    sql: `SELECT s.snapshot_id FROM export_snapshots s
WHERE ${match.sql} AND EXISTS (SELECT 1 FROM export_top t WHERE t.snapshot_id = s.snapshot_id AND t.section = $section)
  AND s.date_from <= CAST($to AS DATE) AND s.date_to >= CAST($from AS DATE)
ORDER BY (s.date_from = CAST($from AS DATE) AND s.date_to = CAST($to AS DATE)) DESC,
         date_diff('day', greatest(s.date_from, CAST($from AS DATE)), least(s.date_to, CAST($to AS DATE))) DESC, s.snapshot_id DESC
LIMIT 1`,
    params: { ...match.params, section, from: range.from, to: range.to },
  };
}

export function compileTopCells(snapshotId: number, section: SectionKind): Statement {
  return {
    sql: `SELECT rank, pin_id, title, board, metric, value FROM export_top WHERE snapshot_id = $id AND section = $section ORDER BY rank`,
    params: { id: snapshotId, section },
  };
}
