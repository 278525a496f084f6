/**
 * One workspace = one DuckDB file. Opening checks and migrates the schema, refuses files from a newer
 * Pinsight and files that another process holds, and sets memory and spill limits.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type DuckDBConnection,
  type DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  type DuckDBResultReader,
  type DuckDBValue,
} from '@duckdb/node-api';
import { PinsightError } from '../../../shared/api';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { rowToPlain, type PlainRow } from './duckdb-values';
import { rollbackPendingImport } from './pending-import';

export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];

/** Prepared reads kept per connection. */
const PREPARED_KEPT = 48;

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** Stop migrating at this version (tests of the migration path). */
  targetVersion?: number;
  memoryLimit?: string;
  threads?: number;
}

export const IN_MEMORY = ':memory:';

const WRITE_REFUSED = /No space left on device|Read-only file system|Permission denied|Disk quota exceeded/i;

/** Errors that mean the file or its disk cannot be written now (full, read-only, no permission). */
export function isWriteFailure(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return WRITE_REFUSED.test(message) || /Could not write file|Failed to create checkpoint/i.test(message);
}

/** Why a write failed, in the system's words ("No space left on device"). */
export function writeFailureReason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).match(WRITE_REFUSED)?.[0] ?? 'the disk refused the write';
}

export class Workspace {
  /** Why the workspace is open read-only (it cannot be written now), or null when it is writable. */
  readOnlyReason: string | null = null;
  /** This connection's transaction: none open, open and nothing written yet, or open and written. */
  private txState: 'none' | 'clean' | 'written' = 'none';
  /** Prepared reads by their SQL (see read), and those running now. */
  private readonly prepared = new Map<string, DuckDBPreparedStatement>();
  private readonly preparedBusy = new Set<string>();
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** Meta values read since the last write (shared with readers): every view reads the data's bounds. */
    private readonly metaCache = new Map<string, string | null>(),
    /** A reader borrows the instance: closing it closes its connection only. */
    private readonly borrowed = false,
    /** Writes begun and ended through any connection of this instance (shared with readers). */
    private readonly writeCount = { n: 0 },
  ) {}

  /**
   * Changes whenever something may have been written (before and after each write, through this connection or a
   * sibling): what was read while it stayed the same is still what the database holds. `family` is the same
   * object for the workspace and its readers; `uncommitted`: this connection's open transaction wrote, so it
   * reads rows the others do not see.
   */
  get writes(): { readonly family: object; readonly count: number; readonly uncommitted: boolean } {
    return { family: this.writeCount, count: this.writeCount.n, uncommitted: this.txState === 'written' };
  }

  /**
   * A second connection to the same database, for reads that may run beside this connection's work (DuckDB
   * serves each connection in parallel and shows each reader committed data only).
   */
  async reader(): Promise<Workspace> {
    const conn = await this.instance.connect();
    await conn.run(`SET TimeZone = 'UTC'`);
    const r = new Workspace(this.path, this.instance, conn, this.metaCache, true, this.writeCount);
    r.readOnlyReason = this.readOnlyReason;
    return r;
  }

  /**
   * Opens a workspace. When the file or its disk cannot be written (a full disk, a read-only medium), it is
   * opened read-only instead: every view works, and imports say why they cannot run.
   */
  static async open(path: string, options: OpenOptions = {}): Promise<Workspace> {
    try {
      return await Workspace.openAs(path, options, false);
    } catch (e) {
      if (path === IN_MEMORY || !existsSync(path) || !isWriteFailure(e)) throw e;
      const ws = await Workspace.openAs(path, options, true);
      ws.readOnlyReason = writeFailureReason(e);
      return ws;
    }
  }

  private static async openAs(path: string, options: OpenOptions, readOnly: boolean): Promise<Workspace> {
    const { create = true } = options;
    if (path !== IN_MEMORY) {
      if (!existsSync(path)) {
        if (!create) throw new PinsightError('workspace-missing', `No workspace at ${path}`);
        mkdirSync(dirname(path), { recursive: true });
      }
    }
    const config: Record<string, string> = {
      memory_limit: options.memoryLimit ?? '1536MB',
    };
    if (options.threads) config.threads = String(options.threads);
    if (path !== IN_MEMORY) config.temp_directory = `${path}.tmp`;
    if (readOnly) config.access_mode = 'READ_ONLY';
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (e) {
      throw translateOpenError(path, e);
    }
    const conn = await instance.connect();
    // Times without an offset are read as UTC, and stored times are UTC.
    await conn.run(`SET TimeZone = 'UTC'`);
    const ws = new Workspace(path, instance, conn);
    try {
      if (readOnly) {
        const version = await ws.schemaVersion();
        if (version !== null && version < (options.targetVersion ?? SCHEMA_VERSION)) {
          throw new PinsightError('bad-input', `${path} needs an upgrade to this Pinsight's format, but it cannot be written now`);
        }
        if (version !== null && version > SCHEMA_VERSION) await ws.migrate(SCHEMA_VERSION);
        return ws;
      }
      await ws.migrate(options.targetVersion ?? SCHEMA_VERSION);
      // An import that a killed process left half done is taken out: the workspace is as it was before it.
      await rollbackPendingImport(ws);
    } catch (e) {
      ws.close();
      throw e;
    }
    return ws;
  }

  /** True when a table (or temp table) of this name exists. */
  async hasTable(name: string): Promise<boolean> {
    return ((await this.value<number>(`SELECT count(*) FROM duckdb_tables() WHERE table_name = $name`, { name })) ?? 0) > 0;
  }

  async schemaVersion(): Promise<number | null> {
    if (!(await this.hasTable('pinsight_meta'))) return null;
    const v = await this.value<string>(`SELECT value FROM pinsight_meta WHERE key = 'schema_version'`);
    if (v === null) return null;
    if (!/^\d{1,6}$/.test(v.trim())) {
      throw new PinsightError(
        'bad-input',
        `${this.path}: its format version "${v.slice(0, 20)}" is not a number; the file is damaged (nothing was changed)`,
      );
    }
    return Number(v);
  }

  private async migrate(target: number): Promise<void> {
    let version = await this.schemaVersion();
    if (version === null) {
      const tables = await this.value<number>(`SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'`);
      if (tables) throw new PinsightError('bad-input', `${this.path} is a DuckDB file but not a Pinsight workspace`);
      version = 0;
    }
    if (version > SCHEMA_VERSION) {
      throw new PinsightError(
        'workspace-too-new',
        `${this.path} was written by a newer Pinsight (workspace version ${version}; this one reads up to ${SCHEMA_VERSION}). Update Pinsight to open it.`,
      );
    }
    for (const m of MIGRATIONS) {
      if (m.version <= version || m.version > target) continue;
      await this.transaction(async () => {
        for (const sql of m.statements) await this.run(sql);
        await this.run(`INSERT OR REPLACE INTO pinsight_meta VALUES ('schema_version', $v)`, { v: String(m.version) });
      });
    }
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    // Anything but a read may change meta values (imports, migrations, settings, transactions): forget them
    // before and after (a reader may have read the old value meanwhile).
    // A transaction's BEGIN changes nothing, nor does a ROLLBACK of one that wrote nothing (a reader's snapshot:
    // the audience indexes read in one) or of none; anything else may (a COMMIT always counts).
    const begin = /^\s*BEGIN\b/i.test(sql);
    const rollback = /^\s*(ROLLBACK|ABORT)\b/i.test(sql);
    const write = rollback ? this.txState === 'written' : !begin && !/^\s*(SELECT|WITH)\b/i.test(sql);
    if (begin) this.txState = 'clean';
    else if (rollback || /^\s*(COMMIT|END)\b/i.test(sql)) this.txState = 'none';
    else if (write && this.txState === 'clean') this.txState = 'written';
    if (write) this.wrote();
    try {
      await this.conn.run(sql, params);
    } finally {
      if (write) this.wrote();
    }
  }

  /** Forgets what was read before a write (meta values) and marks that the data may have changed. */
  private wrote(): void {
    this.metaCache.clear();
    this.writeCount.n++;
  }

  async all<T = PlainRow>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.read(sql, params);
    return reader.getRowObjects().map(rowToPlain) as T[];
  }

  /**
   * Reads with bound values run as prepared statements kept by their SQL: the views send the same few statements
   * with other values on every click, and planning one costs about as much as running it on the small rollups.
   * DuckDB binds a kept statement again by itself when a table it reads was replaced (a derive, an import).
   */
  private async read(sql: string, params: SqlParams | undefined): Promise<DuckDBResultReader> {
    if (!params || !/^\s*(SELECT|WITH)\b/i.test(sql) || this.preparedBusy.has(sql)) return this.conn.runAndReadAll(sql, params);
    // Taken before anything is awaited: the same SQL asked for meanwhile runs unprepared.
    this.preparedBusy.add(sql);
    try {
      let statement = this.prepared.get(sql);
      if (statement) this.prepared.delete(sql);
      else statement = await this.conn.prepare(sql);
      this.prepared.set(sql, statement);
      for (const [oldest, kept] of this.prepared) {
        if (this.prepared.size <= PREPARED_KEPT) break;
        if (this.preparedBusy.has(oldest)) continue;
        this.prepared.delete(oldest);
        kept.destroySync();
      }
      statement.bind(params);
      return await statement.runAndReadAll();
    } finally {
      this.preparedBusy.delete(sql);
    }
  }

  /**
   * Hands the result to `take` a chunk of columns at a time (DuckDB values: numbers, bigints), letting other
   * work of the process run between chunks: for a large result read in the background.
   */
  async eachChunk(sql: string, params: SqlParams | undefined, take: (columns: DuckDBValue[][]) => void): Promise<void> {
    const result = await this.conn.run(sql, params);
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      take(chunk.getColumns());
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Hands the result to `take` a chunk at a time as DuckDB's own vectors (read item by item, nothing converted
   * beforehand): for a result of many rows whose values are read once.
   */
  async eachVectorChunk(sql: string, take: (chunk: DuckDBDataChunk) => void): Promise<void> {
    const result = await this.conn.run(sql);
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) take(chunk);
  }

  async one<T = PlainRow>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** The first column of the first row, or null. */
  /**
   * While `work` runs, statements over two seconds (reading a large file) report how far they are (queryPercent),
   * silently. Only for imports: the views' queries do not pay for the tracking.
   */
  async withProgress<T>(work: () => Promise<T>): Promise<T> {
    await this.conn.run(`SET enable_progress_bar = true; SET enable_progress_bar_print = false`);
    try {
      return await work();
    } finally {
      await this.conn.run(`RESET enable_progress_bar; RESET enable_progress_bar_print`).catch(() => undefined);
    }
  }

  /** How far the statement running now is (0-100), where DuckDB can tell (a file scan), else null. */
  queryPercent(): number | null {
    try {
      const p = this.conn.progress.percentage;
      return p >= 0 ? p : null;
    } catch {
      return null;
    }
  }

  async value<T>(sql: string, params?: SqlParams): Promise<T | null> {
    const row = await this.one<PlainRow>(sql, params);
    if (!row) return null;
    const first = Object.values(row)[0];
    return (first ?? null) as T | null;
  }

  async getMeta(key: string): Promise<string | null> {
    const cached = this.metaCache.get(key);
    if (cached !== undefined) return cached;
    const value = await this.value<string>(`SELECT value FROM pinsight_meta WHERE key = $key`, { key });
    this.metaCache.set(key, value);
    return value;
  }

  /** The IANA time zone that defines the workspace's calendar days. */
  async timeZone(): Promise<string> {
    return (await this.getMeta('time_zone')) ?? 'UTC';
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.run(`INSERT OR REPLACE INTO pinsight_meta VALUES ($key, $value)`, { key, value });
  }

  /** Runs `body` in one transaction: all of it lands, or none of it. */
  async transaction<T>(body: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await body();
      await this.run('COMMIT');
      return result;
    } catch (e) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /**
   * Runs `body` with DuckDB free to write rows in any order (faster, the threads need not wait for each other).
   * Only for statements whose result does not depend on row order.
   */
  async unordered<T>(body: () => Promise<T>): Promise<T> {
    await this.run('SET preserve_insertion_order = false');
    try {
      return await body();
    } finally {
      await this.run('RESET preserve_insertion_order').catch(() => undefined);
    }
  }

  async checkpoint(): Promise<void> {
    // FORCE: wait for the statements of other connections (a view's query, an audience index being built)
    // instead of failing while they run.
    if (this.path !== IN_MEMORY) await this.run('FORCE CHECKPOINT');
  }

  close(): void {
    for (const statement of this.prepared.values()) statement.destroySync();
    this.prepared.clear();
    this.conn.closeSync();
    if (!this.borrowed) this.instance.closeSync();
  }
}

function translateOpenError(path: string, e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  const lock = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(message);
  if (lock || /Could not set lock/.test(message)) {
    const holder = lock ? ` by ${lock[1]} (process ${lock[2]})` : '';
    return new PinsightError(
      'workspace-in-use',
      `The workspace ${path} is in use${holder}. Close the other Pinsight window or command and try again.`,
    );
  }
  if (/not a valid DuckDB database file|Invalid Input Error.*database/i.test(message)) {
    return new PinsightError('bad-input', `${path} is not a Pinsight workspace (not a DuckDB file)`);
  }
  return new PinsightError('internal', `Cannot open workspace ${path}: ${message}`);
}
