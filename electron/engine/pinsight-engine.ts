/** The engine: one open workspace, and every operation the API contract offers, as plain async methods. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { PinsightError } from '../../shared/api';
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from '../../shared/dimensions';
import { heldValuesSql } from './db/dimension-columns';
import type { QuerySpec } from '../../shared/query';
import type {
  ExportSummary,
  FilterOptions,
  ImportRecord,
  ImportRemoval,
  ImportSummary,
  QueryResult,
  WorkspaceInfo,
} from '../../shared/results';
import { removeImport } from './ingest/remove-import';
import { IN_MEMORY, Workspace, type OpenOptions } from './db/workspace';
import { completeDerived, hasDerived, rebuildDerived } from './derive/rebuild-derived';
import { exportEvents } from './output/write-events';
import { checkExportTarget } from './output/output-target';
import { writeViewExport, type ExportOptions } from './output/write-view-export';
import { importFiles, type ImportOptions } from './ingest/import-files';
import { exportBounds } from './query/snapshot-selection';
import { eventBounds } from './query/resolve-range';
import { runQuery } from './query/run-query';
import { AudienceIndexes } from './query/audience-indexes';
import { SerialQueue } from './serial-queue';
import { deleteSavedView, listSavedViews, renameSavedView, saveView } from './workbench/saved-views';
import type { SavedView } from '../../shared/preferences';

export class PinsightEngine {
  private readonly queue = new SerialQueue();
  /** A second connection for the exact audiences, which then run beside the figures instead of after them. */
  private readonly readerQueue = new SerialQueue();
  private readerWs: Workspace | null = null;
  /** The newest request number of each query channel, and the channel of the query running now. */
  private readonly channels = new Map<string, number>();
  private running: { channel: string; ws: Workspace }[] = [];
  /** Aborted at shutdown: every import in progress or waiting stops at its next step. */
  private readonly stopping = new AbortController();
  /** Exact audiences of the ranges asked for, for every filter combination, built in the background. */
  private audiences = new AudienceIndexes(null);
  private indexing = false;
  private quietMs: number | undefined;
  /** Operations asked for and not yet answered: spare index builds wait until there are none. */
  private working = 0;

  private constructor(private ws: Workspace) {}

  /**
   * Builds audience indexes in the background for the ranges the views ask for (the desktop app and `serve`,
   * where the analyst clicks through filters; a one-off CLI query has no use for them).
   */
  enableAudienceIndexes(options: { quietMs?: number } = {}): void {
    this.indexing = true;
    this.quietMs = options.quietMs;
    this.audiences = this.indexesOf(this.ws);
  }

  /** Indexes of this workspace: their connection is to it, whatever the engine has open by then. */
  private indexesOf(ws: Workspace): AudienceIndexes {
    return new AudienceIndexes(this.indexing ? () => ws.reader() : null, this.quietMs, () => this.working > 0);
  }

  /** Resolves when no audience index is being built (tests and benchmarks); with `spare`, nor those of the presets. */
  audienceIndexesIdle(spare = false): Promise<void> {
    return this.audiences.idle(spare);
  }

  /** How many overview audiences came from an index rather than a scan (tests). */
  get audienceIndexHits(): number {
    return this.audiences.hits;
  }

  static async open(path: string, options: OpenOptions = {}): Promise<PinsightEngine> {
    const ws = await Workspace.open(path, options);
    try {
      if (!(await hasDerived(ws))) await rebuildDerived(ws);
      await completeDerived(ws);
    } catch (e) {
      ws.close();
      throw e;
    }
    return new PinsightEngine(ws);
  }

  get workspace(): Workspace {
    return this.ws;
  }

  /** Runs one operation on the workspace, after any still running. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    // An index built for a spare moment gives way to anything the analyst asks for (an import's checkpoint too).
    this.audiences.asked();
    return this.counted(this.queue.run(job));
  }

  private counted<T>(work: Promise<T>): Promise<T> {
    this.working++;
    return work.finally(() => this.working--);
  }

  workspaceInfo(): Promise<WorkspaceInfo> {
    return this.serial(async () => {
      const ws = this.ws;
      const counts = await ws.one<{ events: number; pins: number }>(
        `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM pins) AS pins`,
      );
      const bounds = await eventBounds(ws);
      return {
        path: ws.path,
        schemaVersion: (await ws.schemaVersion()) ?? 0,
        eventCount: counts?.events ?? 0,
        pinCount: counts?.pins ?? 0,
        firstDay: bounds.firstDay,
        lastDay: bounds.lastDay,
        timeZone: await ws.timeZone(),
        readOnly: ws.readOnlyReason,
      };
    });
  }

  /** Switches to another workspace file; the current one stays open if the new one cannot be opened. */
  async switchWorkspace(path: string, create: boolean): Promise<WorkspaceInfo> {
    // Through the API a workspace is a named file: an absolute path ending in .duckdb or .pinsight (never an
    // in-memory database, nor a file like authorized_keys that a new workspace would create or overwrite).
    if (!isAbsolute(path) || !/\.(duckdb|pinsight)$/i.test(path)) {
      throw new PinsightError('invalid-argument', `A workspace is a file whose full path ends in .duckdb or .pinsight (got ${path})`);
    }
    // ... and a new workspace goes into a folder that exists: the API never makes folders.
    if (create && !existsSync(path) && !existsSync(dirname(resolve(path)))) {
      throw new PinsightError('not-found', `The folder ${dirname(resolve(path))} does not exist: create it first, or choose another place`);
    }
    const next = await PinsightEngine.open(path, { create });
    await this.serial(async () => {
      await this.closeReader();
      this.ws.close();
      this.ws = next.ws;
      this.audiences = this.indexesOf(next.ws);
    });
    return this.workspaceInfo();
  }

  filterOptions(): Promise<FilterOptions> {
    return this.serial(async () => {
      // Claimed accounts of the event data, and the accounts that export snapshots name.
      const accounts = await this.ws.all<{ id: string; type: string; value: string }>(
        `SELECT account_id AS id, type, value FROM accounts
         UNION
         SELECT DISTINCT a AS id, 'export' AS type, a AS value
         FROM (SELECT unnest(string_split(accounts, chr(10))) AS a FROM export_snapshots WHERE accounts <> '' AND NOT legacy)
         ORDER BY id`,
      );
      const events = await eventBounds(this.ws);
      const bounds = events.lastDay ? events : await exportBounds(this.ws, false);
      // The filter values the data holds: from the event rollup, and from the export snapshots' selections.
      const present = await this.ws.one<Partial<Record<DimensionId | 'unknown', string[]>>>(heldValuesSql());
      const held = (id: DimensionId) => DIMENSIONS[id].values.filter((v) => (present?.[id] ?? []).includes(v));
      return {
        accounts,
        held: Object.fromEntries(DIMENSION_IDS.map((id) => [id, held(id)])) as Record<DimensionId, string[]>,
        unknown: DIMENSION_IDS.filter((id) => present?.unknown?.includes(id)),
        firstDay: bounds.firstDay,
        lastDay: bounds.lastDay,
      };
    });
  }

  query(spec: QuerySpec): Promise<QueryResult> {
    // The views come first: an index built for a spare moment gives way.
    this.audiences.asked();
    const channel = spec.channel;
    // The overview's audiences alone go to the second connection, beside the figures.
    const parallel = spec.audienceOnly && this.ws.path !== IN_MEMORY;
    const queue = parallel ? this.readerQueue : this.queue;
    const workspace = async () => (parallel ? (this.readerWs ??= await this.ws.reader()) : this.ws);
    if (!channel) return this.counted(queue.run(async () => runQuery(await workspace(), spec, this.audiences)));
    // A newer request on the same channel supersedes this one: dropped while it waits, interrupted while it runs.
    const seq = (this.channels.get(channel) ?? 0) + 1;
    this.channels.set(channel, seq);
    for (const r of this.running) if (r.channel === channel) r.ws.conn.interrupt();
    const superseded = () => new PinsightError('cancelled', 'Superseded by a newer request');
    return this.counted(
      queue.run(async () => {
        if (this.channels.get(channel) !== seq) throw superseded();
        const ws = await workspace();
        const entry = { channel, ws };
        this.running.push(entry);
        try {
          return await runQuery(ws, spec, this.audiences);
        } catch (e) {
          throw this.channels.get(channel) !== seq ? superseded() : e;
        } finally {
          this.running = this.running.filter((r) => r !== entry);
        }
      }),
    );
  }

  /** Closes the second connection (before the workspace closes or changes), once its work has ended. */
  private async closeReader(): Promise<void> {
    // No indexes until the next workspace is in place; those of this one stop and close their connection.
    const closing = this.audiences;
    this.audiences = new AudienceIndexes(null);
    await closing.close();
    await this.readerQueue.run(async () => undefined);
    this.readerWs?.close();
    this.readerWs = null;
  }

  private runQuery(spec: QuerySpec): Promise<QueryResult> {
    return runQuery(this.ws, spec);
  }

  importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
    return this.serial(async () => {
      try {
        const signal = options.signal ? AbortSignal.any([options.signal, this.stopping.signal]) : this.stopping.signal;
        return await importFiles(this.ws, paths, { ...options, signal });
      } finally {
        await this.reopenIfInvalidated();
      }
    });
  }

  /**
   * After a fatal write error (a full disk at a checkpoint) DuckDB refuses every further statement on this
   * instance: open the file again (read-only when it still cannot be written), so the views keep working.
   */
  private async reopenIfInvalidated(): Promise<void> {
    if (this.ws.path === IN_MEMORY) return;
    const alive = await this.ws.value<number>('SELECT 1').then(
      () => true,
      () => false,
    );
    if (alive) return;
    const path = this.ws.path;
    await this.closeReader().catch(() => undefined);
    try {
      this.ws.close();
    } catch {
      // already unusable
    }
    this.ws = await Workspace.open(path, { create: false });
    this.audiences = this.indexesOf(this.ws);
  }

  importHistory(): Promise<ImportRecord[]> {
    return this.serial(async () =>
      (
        await this.ws.all<ImportRecord>(
          `SELECT import_id AS id, file, kind, rows, rejected, strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS "importedAt"
           FROM import_log ORDER BY import_id`,
        )
      ).map((r) => ({ ...r, id: Number(r.id), rows: Number(r.rows), rejected: Number(r.rejected) })),
    );
  }

  /** Takes one import back out: its rows leave the workspace and the views show what they showed before it. */
  removeImport(id: number): Promise<ImportRemoval> {
    return this.serial(() => removeImport(this.ws, id));
  }

  savedViews(): Promise<SavedView[]> {
    return this.serial(() => listSavedViews(this.ws));
  }

  saveView(name: string, state: string): Promise<SavedView[]> {
    return this.serial(() => saveView(this.ws, name, state));
  }

  renameSavedView(id: number, name: string): Promise<SavedView[]> {
    return this.serial(() => renameSavedView(this.ws, id, name));
  }

  deleteSavedView(id: number): Promise<SavedView[]> {
    return this.serial(() => deleteSavedView(this.ws, id));
  }

  /** Exports a view (or the raw events matching its filters) to a file. */
  exportView(spec: QuerySpec, out: string, options: ExportOptions & { rawEvents?: boolean; overwrite?: boolean }): Promise<ExportSummary> {
    return this.serial(async () => {
      out = checkExportTarget(out, this.ws.path, { overwrite: options.overwrite ?? false, format: options.format });
      if (options.rawEvents) return exportEvents(this.ws, spec, out, options.format);
      const { from: _from, to: _to, ...filters } = spec.filters;
      return writeViewExport(this.ws, await this.runQuery(spec), filters, out, options);
    });
  }

  /** Stops the statement running now (an export's COPY); its transaction, if any, rolls back. */
  interrupt(): void {
    this.ws.conn.interrupt();
  }

  close(): void {
    this.audiences.interrupt();
    this.readerWs?.close();
    this.readerWs = null;
    this.ws.close();
  }

  /**
   * Stops what runs (its transaction rolls back, an import is taken out) and closes once nothing runs any more:
   * closing the connection under a running statement would block the process.
   */
  async shutdown(): Promise<void> {
    this.stopping.abort();
    this.interrupt();
    this.readerWs?.conn.interrupt();
    await this.queue.run(async () => undefined);
    await this.closeReader();
    this.ws.close();
  }
}
