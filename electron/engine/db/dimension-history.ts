/**
 * Which import brought which rows of Pins, boards, claimed accounts and spam users, so that such an import can
 * be taken out again. Each of those files replaces the values of the ids it names (INSERT OR REPLACE); the
 * history keeps every import's rows (`<table>_history`, tagged with the import id), and before a file replaces
 * a row that no import brought (a demo's, or one from before this history existed) it keeps that row too, as
 * import 0. Taking import B out puts back, for each id B named and no later import replaced, the newest other
 * version of the row, or removes the id when no other import had it.
 */
import type { Workspace } from './workspace';

export interface DimensionTable {
  table: 'pins' | 'boards' | 'accounts' | 'spam_users';
  key: string;
  columns: readonly string[];
}

export const DIMENSION_TABLES: Record<'pins' | 'boards' | 'accounts' | 'spam_users', DimensionTable> = {
  pins: {
    table: 'pins',
    key: 'pin_id',
    columns: [
      'pin_id',
      'image_signature',
      'destination_url',
      'board_id',
      'creator_id',
      'created_at',
      'pin_format',
      'parent_pin_id',
      'title',
    ],
  },
  boards: { table: 'boards', key: 'board_id', columns: ['board_id', 'name', 'owner_id'] },
  accounts: { table: 'accounts', key: 'account_id', columns: ['account_id', 'type', 'value'] },
  spam_users: { table: 'spam_users', key: 'user_id', columns: ['user_id'] },
};

export const isDimensionKind = (kind: string): kind is keyof typeof DIMENSION_TABLES => kind in DIMENSION_TABLES;

/** The statements that create the history tables (a migration runs them). */
export function historyTablesSql(): string[] {
  return Object.values(DIMENSION_TABLES).map(
    (d) => `CREATE TABLE IF NOT EXISTS ${d.table}_history AS SELECT CAST(0 AS INTEGER) AS import_id, * FROM ${d.table} WHERE false`,
  );
}

/**
 * Before a file's rows replace others: keep the current rows of the ids it names that no import brought.
 * `rows` is a subquery of the file's rows in the table's own columns.
 */
export async function keepBaseline(ws: Workspace, d: DimensionTable, rows: string): Promise<void> {
  await ws.run(
    `INSERT INTO ${d.table}_history
     SELECT 0, t.* FROM ${d.table} t
     WHERE t.${d.key} IN (SELECT ${d.key} FROM ${rows}) AND t.${d.key} NOT IN (SELECT ${d.key} FROM ${d.table}_history)`,
  );
}

/** After a file's rows landed: record them as its import's. */
export async function recordRows(ws: Workspace, d: DimensionTable, rows: string, importId: number): Promise<void> {
  await ws.run(`INSERT INTO ${d.table}_history SELECT CAST($importId AS INTEGER), ${d.columns.join(', ')} FROM ${rows}`, { importId });
}

/** Takes import `id` out of the table and its history (inside the caller's transaction); returns the ids changed. */
export async function takeOut(ws: Workspace, d: DimensionTable, id: number): Promise<number> {
  const named = `(SELECT ${d.key} FROM ${d.table}_history WHERE import_id = $id)`;
  // Ids a later import replaced again keep their current row.
  const current = `(SELECT ${d.key} FROM ${named} n WHERE NOT EXISTS (SELECT 1 FROM ${d.table}_history h WHERE h.${d.key} = n.${d.key} AND h.import_id > $id))`;
  const changed = (await ws.value<number>(`SELECT count(*) FROM ${current}`, { id })) ?? 0;
  const previous = `SELECT DISTINCT ON (${d.key}) ${d.columns.join(', ')} FROM ${d.table}_history
    WHERE import_id <> $id AND ${d.key} IN ${current} ORDER BY ${d.key}, import_id DESC`;
  await ws.run(`CREATE OR REPLACE TEMP TABLE dimension_restore AS ${previous}`, { id });
  await ws.run(`DELETE FROM ${d.table} WHERE ${d.key} IN ${current}`, { id });
  await ws.run(`INSERT INTO ${d.table} SELECT ${d.columns.join(', ')} FROM dimension_restore`);
  await ws.run(`DROP TABLE dimension_restore`);
  await ws.run(`DELETE FROM ${d.table}_history WHERE import_id = $id`, { id });
  return Number(changed);
}
