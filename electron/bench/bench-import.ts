/** Import throughput: Pinsight's import (with cleaning) against DuckDB's plain CREATE TABLE AS read_*(). */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from '../engine/db/duckdb-values';
import { PinsightEngine } from '../engine/pinsight-engine';
import { time } from './measure';
import { defined } from '../../shared/defined';

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

/** DuckDB's plain CREATE TABLE AS of the file, made durable, in a database of its own. */
async function plainRead(eventsFile: string, format: keyof typeof READER, workspace: string): Promise<number> {
  const baselineDb = `${workspace}.baseline.duckdb`;
  removeDb(baselineDb);
  const instance = await DuckDBInstance.create(baselineDb, { memory_limit: '1536MB', temp_directory: `${baselineDb}.tmp` });
  const conn = await instance.connect();
  const baseline = await time(async () => {
    await conn.run(`CREATE TABLE t AS SELECT * FROM ${READER[format]}(${sqlString(eventsFile)})`);
    await conn.run('CHECKPOINT');
  });
  conn.closeSync();
  instance.closeSync();
  removeDb(baselineDb);
  return baseline.ms;
}

async function ourImport(dataDir: string, workspace: string): Promise<number> {
  removeDb(workspace);
  const engine = await PinsightEngine.open(workspace);
  const ours = await time(() => engine.importFiles([dataDir]));
  engine.close();
  return ours.ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Both imports `rounds` times, alternating which goes first (this machine's speed drifts by up to 2x over
 * minutes), and the median of each. Both include making the data durable (CHECKPOINT).
 */
export async function benchImport(dataDir: string, format: keyof typeof READER, workspace: string, rounds: number): Promise<ImportFigures> {
  const eventsFile = join(
    dataDir,
    defined(
      readdirSync(dataDir).find((f) => f.startsWith('events.')),
      `an events file in ${dataDir}`,
    ),
  );
  const baselines: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      baselines.push(await plainRead(eventsFile, format, workspace));
      ours.push(await ourImport(dataDir, workspace));
    } else {
      ours.push(await ourImport(dataDir, workspace));
      baselines.push(await plainRead(eventsFile, format, workspace));
    }
  }
  return { format, oursMs: median(ours), baselineMs: median(baselines), workspace };
}
