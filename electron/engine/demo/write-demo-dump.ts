/**
 * Writes the demo world as raw dump files, the way analysts receive them: several formats, column names in
 * varying case and aliases, times with mixed offsets or as epoch milliseconds, overlapping files, and
 * (optionally) malformed rows at known lines. Tests import these; benchmarks use the plain variant.
 */
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IN_MEMORY, Workspace } from '../db/workspace';
import { sqlString } from '../db/duckdb-values';
import { DEMO_SEED, demoStatements } from './demo-recipe';
import { defined } from '../../../shared/defined';

export interface DumpFiles {
  files: string[];
  /** The malformed rows written, with the file, line and column the importer must report. */
  malformed: { file: string; line: number; column: string }[];
}

const q = sqlString;
const iso = (col: string, offsetHours: number) =>
  offsetHours === 0
    ? `strftime(${col}, '%Y-%m-%dT%H:%M:%S.%gZ')`
    : `strftime(${col} + to_hours(${offsetHours}), '%Y-%m-%dT%H:%M:%S.%g') || '${offsetHours > 0 ? '+' : '-'}${String(Math.abs(offsetHours)).padStart(2, '0')}:00'`;

async function withWorld<T>(events: number, seed: number, work: (ws: Workspace) => Promise<T>, worldPath = IN_MEMORY): Promise<T> {
  // Large worlds are generated in a scratch file so that DuckDB can spill to disk.
  const ws = await Workspace.open(worldPath);
  try {
    for (const sql of demoStatements({ events, seed })) await ws.run(sql);
    await ws.run(`CREATE TEMP TABLE numbered AS SELECT row_number() OVER () AS r, * FROM events`);
    return await work(ws);
  } finally {
    ws.close();
    if (worldPath !== IN_MEMORY) {
      rmSync(worldPath, { force: true });
      rmSync(`${worldPath}.wal`, { force: true });
    }
  }
}

async function writeDimensions(ws: Workspace, dir: string): Promise<string[]> {
  const files = [join(dir, 'pins.csv'), join(dir, 'boards.jsonl'), join(dir, 'claimed-accounts.csv'), join(dir, 'spam-users.csv')];
  await ws.run(`COPY (SELECT * FROM pins ORDER BY pin_id) TO ${q(defined(files[0], 'the pins file'))} (HEADER, DELIMITER ',')`);
  await ws.run(
    `COPY (SELECT board_id AS "Board_ID", name, owner_id FROM boards ORDER BY board_id) TO ${q(defined(files[1], 'the boards file'))} (FORMAT json)`,
  );
  await ws.run(`COPY (SELECT * FROM accounts ORDER BY account_id) TO ${q(defined(files[2], 'the accounts file'))} (HEADER)`);
  await ws.run(`COPY (SELECT user_id FROM spam_users ORDER BY user_id) TO ${q(defined(files[3], 'the spam users file'))} (HEADER)`);
  return files;
}

const EVENT_COLUMNS = (time: string) =>
  `event_id, ${time}, event_type, pin_id, user_id, app_type, content_type, watch_ms, progress_pct, in_view_pct`;

/** The messy variant: every case the importer must handle, for tests. */
export async function writeDemoDump(dir: string, events: number, seed = DEMO_SEED, withMalformed = true): Promise<DumpFiles> {
  mkdirSync(dir, { recursive: true });
  return withWorld(events, seed, async (ws) => {
    const files = await writeDimensions(ws, dir);
    const a = join(dir, 'events-a.csv');
    const b = join(dir, 'events-b.ndjson.gz');
    const c = join(dir, 'events-c.parquet');
    // A: upper-case names, "device" alias, times in Z, +02:00 and epoch ms by turns; with a BOM-free UTF-8 header.
    await ws.run(
      `COPY (SELECT event_id AS "Event_ID",
                    CASE r % 3 WHEN 0 THEN ${iso('event_time', 0)} WHEN 1 THEN ${iso('event_time', 2)}
                         ELSE CAST(epoch_ms(event_time) AS VARCHAR) END AS "Event_Time",
                    event_type AS "Event_Type", pin_id AS "Pin_ID", user_id AS "User_ID", app_type AS device,
                    content_type, watch_ms, progress_pct, in_view_pct
             FROM numbered WHERE r % 3 = 0 ORDER BY r) TO ${q(a)} (HEADER)`,
    );
    // B: JSON Lines, gzip, times at -05:00; also repeats every 40th row of the other files (overlapping dumps).
    await ws.run(
      `COPY (SELECT ${EVENT_COLUMNS(`${iso('event_time', -5)} AS event_time`)}
             FROM numbered WHERE r % 3 = 1 OR r % 40 = 0 ORDER BY r) TO ${q(b)} (FORMAT json, COMPRESSION gzip)`,
    );
    // C: Parquet with typed columns and the "timestamp" alias.
    await ws.run(
      `COPY (SELECT ${EVENT_COLUMNS('event_time AS timestamp')} FROM numbered WHERE r % 3 = 2 ORDER BY r) TO ${q(c)} (FORMAT parquet)`,
    );
    files.push(a, b, c);
    const malformed: DumpFiles['malformed'] = [];
    if (withMalformed) {
      const late = join(dir, 'events-late.csv');
      const rows = [
        ['ev-bad-1', 'yesterday at noon', 'impression', '9100000001', 'u1', 'mobile', 'organic', '', '', '', 'event_time'],
        ['ev-bad-2', '2026-10-01T10:00:00+01:00', 'repin', '9100000001', 'u1', 'web', 'organic', '', '', '', 'event_type'],
        ['ev-bad-3', '2026-10-01T10:00:00Z', 'video_play', '9100000001', 'u1', 'web', 'organic', '-5', '10', '80', 'watch_ms'],
        ['ev-bad-4', '2026-10-01T10:00:00Z', 'save', '', 'u1', 'tablet', 'paid', '', '', '', 'pin_id'],
        ['ev-bad-5', '2026-10-01T10:00:00Z', 'save', '9100000001', 'u1', 'fridge', 'paid', '', '', '', 'app_type'],
        ['ev-bad-6', '2026-10-01T10:00:00Z', 'save', '9100000001', 'u1', 'web', 'sponsored', '', '', '', 'content_type'],
        ['ev-bad-7', '2026-10-01T10:00:00Z', 'video_play', '9100000001', 'u1', 'web', 'organic', '3000', '140', '80', 'progress_pct'],
      ];
      appendFileSync(late, 'event_id,event_time,event_type,pin_id,user_id,app_type,content_type,watch_ms,progress_pct,in_view_pct\n');
      rows.forEach((r, i) => {
        appendFileSync(late, `${r.slice(0, 10).join(',')}\n`);
        malformed.push({ file: late, line: i + 2, column: r[10] ?? '' });
      });
      files.push(late);
    }
    return { files, malformed };
  });
}

/** The plain variant for benchmarks: one events file in one format, plus the dimension files. */
export async function writeDemoEventsFile(
  dir: string,
  events: number,
  format: 'csv' | 'ndjson' | 'parquet',
  seed = DEMO_SEED,
): Promise<{ eventsFile: string; dimensionFiles: string[] }> {
  mkdirSync(dir, { recursive: true });
  const worldPath = events > 2_000_000 ? join(dir, 'world.tmp.duckdb') : IN_MEMORY;
  return withWorld(
    events,
    seed,
    async (ws) => {
      const dimensionFiles = await writeDimensions(ws, dir);
      const eventsFile = join(dir, `events.${format === 'ndjson' ? 'ndjson' : format}`);
      const options = format === 'csv' ? '(HEADER)' : format === 'ndjson' ? '(FORMAT json)' : '(FORMAT parquet)';
      const time = format === 'parquet' ? 'event_time' : `${iso('event_time', 0)} AS event_time`;
      await ws.run(`COPY (SELECT ${EVENT_COLUMNS(time)} FROM events) TO ${q(eventsFile)} ${options}`);
      return { eventsFile, dimensionFiles };
    },
    worldPath,
  );
}
