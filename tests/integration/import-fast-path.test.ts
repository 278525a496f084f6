/**
 * The fast path (DuckDB's typed readers) and the text path must store exactly the same events. The same rows are
 * written canonically (fast path) and with the spellings only the text path accepts (upper case, padding,
 * `desktop`, a row of another time format), in CSV, JSON Lines and Parquet; the stored events must be equal.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IN_MEMORY, Workspace } from '../../electron/engine/db/workspace';
import { sqlString } from '../../electron/engine/db/duckdb-values';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();

const HEADER = 'event_id,event_time,event_type,pin_id,user_id,app_type,content_type,watch_ms,progress_pct,in_view_pct';
const ROWS = [
  ['e1', '2026-03-01T10:00:00Z', 'impression', 'p1', 'u1', 'mobile', 'organic', '', '', ''],
  ['e2', '2026-03-01T12:30:00+02:00', 'save', 'p1', 'u2', 'web', 'paid', '', '', ''],
  ['e3', '2026-03-02T23:59:59.500-05:00', 'video_play', 'p2', 'u1', 'tablet', '', '12500', '97.5', '60'],
  ['', '2026-03-03 08:00:00', 'closeup', 'p2', 'u3', '', 'organic', '', '', ''],
  ['e5', '2026-03-04T00:00:00Z', 'link_click', 'p1', 'u4', 'web', 'paid', '', '', ''],
];

/** The stored events, in a comparable form. */
async function stored(path: string): Promise<string[]> {
  const engine = await PinsightEngine.open(IN_MEMORY);
  await engine.importFiles([path]);
  const rows = await engine.workspace.all<{ r: string }>(
    `SELECT concat_ws('|', coalesce(event_id, '-'), strftime(event_time, '%Y-%m-%dT%H:%M:%S.%g'), event_type, pin_id, user_id,
                      coalesce(app_type::VARCHAR, '-'), content_type, coalesce(watch_ms::VARCHAR, '-'),
                      coalesce(progress_pct::VARCHAR, '-'), coalesce(in_view_pct::VARCHAR, '-')) AS r
     FROM events ORDER BY r`,
  );
  engine.close();
  return rows.map((x) => x.r);
}

const csv = (rows: string[][]) => [HEADER, ...rows.map((r) => r.join(','))].join('\n') + '\n';

/** The same events spelled the way only the text path reads them. */
function quirky(rows: string[][]): string[][] {
  return rows.map((r, i) => {
    const q = [...r];
    if (i === 0) q[2] = 'Impression';
    if (i === 1) q[5] = 'desktop';
    if (i === 2) q[3] = ` ${q[3]} `;
    if (i === 4) q[1] = String(Date.parse(q[1]!));
    return q;
  });
}

describe('fast path and text path store the same events', () => {
  it('CSV', async () => {
    const fast = join(dir, 'fast.csv');
    const slow = join(dir, 'slow.csv');
    writeFileSync(fast, csv(ROWS));
    writeFileSync(slow, csv(quirky(ROWS)));
    const expected = await stored(fast);
    expect(expected).toHaveLength(5);
    expect(expected).toContain('e2|2026-03-01T10:30:00.000|save|p1|u2|web|paid|-|-|-');
    expect(expected).toContain('e3|2026-03-03T04:59:59.500|video_play|p2|u1|tablet|organic|12500|97.5|60.0');
    expect(await stored(slow)).toEqual(expected);
  });

  it('CSV with epoch milliseconds throughout', async () => {
    const epoch = join(dir, 'epoch.csv');
    writeFileSync(
      epoch,
      csv(ROWS.map((r) => [r[0]!, String(Date.parse(/[Z+-]\d\d:?\d\d$|Z$/.test(r[1]!) ? r[1]! : `${r[1]!}Z`)), ...r.slice(2)])),
    );
    const iso = join(dir, 'iso.csv');
    writeFileSync(iso, csv(ROWS));
    expect(await stored(epoch)).toEqual(await stored(iso));
  });

  it('JSON Lines', async () => {
    const toJson = (rows: string[][]) =>
      rows
        .map((r) => {
          const names = HEADER.split(',');
          const o: Record<string, string | number> = {};
          r.forEach((v, i) => {
            if (v !== '') o[names[i]!] = /^\d+(\.\d+)?$/.test(v) && i >= 7 ? Number(v) : v;
          });
          return JSON.stringify(o);
        })
        .join('\n') + '\n';
    const fast = join(dir, 'fast.jsonl');
    const slow = join(dir, 'slow.jsonl');
    writeFileSync(fast, toJson(ROWS));
    writeFileSync(slow, toJson(quirky(ROWS)));
    const expected = await stored(join(dir, 'fast.csv'));
    expect(await stored(fast)).toEqual(expected);
    expect(await stored(slow)).toEqual(expected);
    // An empty event_id is no id, as an empty CSV field is.
    const empty = join(dir, 'empty-id.jsonl');
    writeFileSync(empty, toJson(ROWS).replace('"event_time":"2026-03-03 08:00:00"', '"event_id":"","event_time":"2026-03-03 08:00:00"'));
    expect(await stored(empty)).toEqual(expected);
  });

  it('Parquet', async () => {
    const ws = await Workspace.open(IN_MEMORY);
    for (const [name, source] of [
      ['fast', 'fast.csv'],
      ['slow', 'slow.csv'],
    ] as const) {
      await ws.run(
        `COPY (SELECT * FROM read_csv(${sqlString(join(dir, source))}, all_varchar = true)) TO ${sqlString(join(dir, `${name}.parquet`))} (FORMAT parquet)`,
      );
    }
    // Typed columns as well: a TIMESTAMPTZ time and numbers.
    await ws.run(
      `COPY (SELECT * REPLACE (CAST(event_time AS TIMESTAMPTZ) AS event_time, CAST(watch_ms AS INTEGER) AS watch_ms)
             FROM read_csv(${sqlString(join(dir, 'fast.csv'))}, all_varchar = true)) TO ${sqlString(join(dir, 'typed.parquet'))} (FORMAT parquet)`,
    );
    ws.close();
    const expected = await stored(join(dir, 'fast.csv'));
    for (const name of ['fast', 'slow', 'typed']) expect(await stored(join(dir, `${name}.parquet`))).toEqual(expected);
  });

  it('values no column type can hold are rejected with a line and a reason, never a failed import', async () => {
    const big = join(dir, 'overflow.csv');
    writeFileSync(big, csv([ROWS[0]!, ['e9', '2026-03-01T10:00:00Z', 'video_play', 'p1', 'u1', 'web', 'paid', '99999999999', '10', '60']]));
    const engine = await PinsightEngine.open(IN_MEMORY);
    const s = await engine.importFiles([big]);
    expect(s.rejected.map((r) => [r.line, r.reason])).toEqual([[3, 'watch_ms: "99999999999" is out of range (0 to 2147483647)']]);
    expect(s.files[0]!.rows).toBe(1);

    // A Parquet column of lists where a number belongs.
    await engine.workspace.run(
      `COPY (SELECT 'e1' AS event_id, TIMESTAMPTZ '2026-03-01 10:00:00+00' AS event_time, 'video_play' AS event_type, 'p1' AS pin_id,
                    'u1' AS user_id, [1, 2] AS watch_ms
             UNION ALL SELECT 'e2', TIMESTAMPTZ '2026-03-01 11:00:00+00', 'save', 'p1', 'u2', NULL)
       TO ${sqlString(join(dir, 'nested.parquet'))} (FORMAT parquet)`,
    );
    const n = await engine.importFiles([join(dir, 'nested.parquet')]);
    expect(n.files[0]!.rows).toBe(1);
    expect(n.rejected.map((r) => r.reason)).toEqual(['watch_ms: not a number: "[1, 2]"']);
    engine.close();
  });
});
