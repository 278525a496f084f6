/**
 * The audience indexes of the ranges the views asked for, built in the background on a connection of their
 * own and kept while the derived data stays the same (its stamp). A range's first audiences come from a
 * scan of the events as before; its index is built after that answer, and then every filter combination of the
 * range answers from memory. A few ranges are kept, the least recently used one goes first.
 */
import { DERIVED_STAMP_KEY } from '../db/import-ids';
import type { Workspace } from '../db/workspace';
import { AudienceCounter, audienceIndexSql, INDEXABLE, type AudienceIndex } from './audience-index';

interface Range {
  from: string;
  to: string;
}

/** Ranges kept (a few hundred numbers each), and at most this many waiting to be built (the newest kept). */
const KEEP = 32;
const WAITING = 2;

export class AudienceIndexes {
  private readonly ready = new Map<string, AudienceIndex>();
  /** Ranges whose build failed (not tried again: their audiences keep coming from scans). */
  private readonly failed = new Set<string>();
  private waiting: { key: string; range: Range }[] = [];
  private building: string | null = null;
  private worker: Promise<void> = Promise.resolve();
  private ws: Workspace | null = null;
  private stopped = false;
  /** Answers given from an index (for tests and the benchmark's notes). */
  hits = 0;

  constructor(
    /** A connection of its own to the workspace the indexes are of, opened on first use; null: none are built. */
    private readonly connect: (() => Promise<Workspace>) | null,
  ) {}

  private static key(stamp: string, range: Range): string {
    return `${stamp}|${range.from}|${range.to}`;
  }

  /** The index of this range for the derived data `ws` reads now, if it is built; null otherwise. */
  async lookup(ws: Workspace, range: Range): Promise<AudienceIndex | null> {
    if (!INDEXABLE) return null;
    const stamp = await ws.getMeta(DERIVED_STAMP_KEY);
    const hit = stamp ? this.ready.get(AudienceIndexes.key(stamp, range)) : undefined;
    if (!hit) return null;
    // Most recently used last.
    const key = AudienceIndexes.key(stamp ?? '', range);
    this.ready.delete(key);
    this.ready.set(key, hit);
    this.hits++;
    return hit;
  }

  /** Asks for the index of this range to be built in the background (once; nothing if it is kept already). */
  async prepare(ws: Workspace, range: Range): Promise<void> {
    if (!INDEXABLE || !this.connect || this.stopped) return;
    const stamp = await ws.getMeta(DERIVED_STAMP_KEY);
    if (!stamp) return;
    const key = AudienceIndexes.key(stamp, range);
    if (this.ready.has(key) || this.failed.has(key) || this.building === key || this.waiting.some((w) => w.key === key)) return;
    this.waiting = [...this.waiting, { key, range }].slice(-WAITING);
    this.worker = this.worker.then(() => this.buildNext());
  }

  /** Resolves when nothing is being built or waits to be (tests, benchmarks). */
  async idle(): Promise<void> {
    for (;;) {
      const worker = this.worker;
      await worker;
      if (worker === this.worker) return;
    }
  }

  private async buildNext(): Promise<void> {
    const next = this.waiting.shift();
    if (!next || this.stopped) return;
    this.building = next.key;
    try {
      if (!this.connect) return;
      const ws = (this.ws ??= await this.connect());
      // Closed while the connection was being opened: it is not kept.
      if (this.stopped) return;
      // One snapshot: the stamp read and the events scanned belong to the same derived data.
      await ws.run('BEGIN TRANSACTION');
      try {
        const stamp = await ws.value<string>(`SELECT value FROM pinsight_meta WHERE key = '${DERIVED_STAMP_KEY}'`);
        const statement = audienceIndexSql(next.range);
        const counter = new AudienceCounter();
        await ws.eachChunk(statement.sql, statement.params, (columns) => counter.add(columns));
        const index = counter.index();
        if (stamp && !this.stopped) this.keep(AudienceIndexes.key(stamp, next.range), index);
      } finally {
        await ws.run('COMMIT').catch(() => undefined);
      }
    } catch {
      // Interrupted (the workspace closes) or refused: the views keep answering by scanning the events.
      if (!this.stopped) this.failed.add(next.key);
    } finally {
      this.building = null;
    }
  }

  private keep(key: string, index: AudienceIndex): void {
    this.ready.set(key, index);
    for (const oldest of this.ready.keys()) {
      if (this.ready.size <= KEEP) break;
      this.ready.delete(oldest);
    }
  }

  /** Stops the build that runs, if any (the process ends). */
  interrupt(): void {
    this.stopped = true;
    this.waiting = [];
    this.ws?.conn.interrupt();
  }

  /** Stops a build that runs, forgets every index and closes the connection, once nothing runs on it. */
  async close(): Promise<void> {
    this.interrupt();
    await this.worker;
    this.ready.clear();
    this.ws?.close();
    this.ws = null;
  }
}
