/** Import throughput: Pinsight's import (with cleaning) against DuckDB's plain CREATE TABLE AS read_*(). */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from '../engine/db/duckdb-values';
import { PinsightEngine } from '../engine/pinsight-engine';
import { time } from './measure';

export interface ImportFigures {
  format: string;
  oursMs: number;
  baselineMs: number;
  workspace: string;
}

const READER = { csv: 'read_csv', ndjson: 'read_json', parquet: 'read_parquet' } as const;

function removeDb(path: string): void {
  for (const p of [path, `${path}.wal`]) rmSync(p, { force: true });
  rmSync(`${path}.tmp`, { recursive: true, force: true });
}

export async function benchImport(dataDir: string, format: keyof typeof READER, workspace: string): Promise<ImportFigures> {
  const eventsFile = join(dataDir, readdirSync(dataDir).find((f) => f.startsWith('events.'))!);
  const baselineDb = `${workspace}.baseline.duckdb`;
  removeDb(baselineDb);
  const instance = await DuckDBInstance.create(baselineDb, { memory_limit: '1536MB', temp_directory: `${baselineDb}.tmp` });
  const conn = await instance.connect();
  const baseline = await time(() => conn.run(`CREATE TABLE t AS SELECT * FROM ${READER[format]}(${sqlString(eventsFile)})`));
  await conn.run('CHECKPOINT');
  conn.closeSync();
  instance.closeSync();
  removeDb(baselineDb);

  removeDb(workspace);
  const engine = await PinsightEngine.open(workspace);
  const ours = await time(() => engine.importFiles([dataDir]));
  engine.close();
  return { format, oursMs: ours.ms, baselineMs: baseline.ms, workspace };
}
