/**
 * The audience indexes of the ranges the views asked for, built in the background on a connection of their
 * own and kept while the derived data stays the same (its stamp). A range's first audiences come from a
 * scan of the events as before; its index is built after that answer, and then every filter combination of the
 * range answers from memory. A few ranges are kept, the least recently used one goes first.
 *
 * Spare ranges (the date presets) are built when the views have been quiet for a moment, one at a time; a
 * request of the views interrupts such a build, which goes back to its list and runs again when it is quiet.
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
/** How long the views must have asked for nothing before a spare range is built. */
const QUIET_MS = 1500;
/**
 * From the second spare build in a row that gives way, each doubles the quiet moment the next one waits for, up
 * to this many times (1.5 s, 1.5 s, 3 s, ... 48 s): on a large workspace a build takes seconds of both cores, and
 * an analyst who clicks every few seconds would otherwise keep starting builds that never finish, each click
 * paying for stopping one. The first one that gives way costs nothing: the analyst who opens the workbench and
 * starts clicking stops the builds begun at once, and should find them done after the next pause.
 */
const MAX_BACKOFF = 5;

type Job = { key: string; range: Range };

export class AudienceIndexes {
  private readonly ready = new Map<string, AudienceIndex>();
  /** Ranges whose build failed (not tried again: their audiences keep coming from scans). */
  private readonly failed = new Set<string>();
  private waiting: Job[] = [];
  /** Spare ranges to build when it is quiet, and whether one is being built now. */
  private spare: Job[] = [];
  /** A spare build's scan runs now: the views' next request interrupts it. */
  private interruptible = false;
  private spareTimer: ReturnType<typeof setTimeout> | null = null;
  private lastAsked = 0;
  /** Spare builds that gave way since one was last completed. */
  private yielded = 0;
  private building: string | null = null;
  private worker: Promise<void> = Promise.resolve();
  private ws: Workspace | null = null;
  private stopped = false;
  /** Answers given from an index (for tests and the benchmark's notes). */
  hits = 0;

  constructor(
    /** A connection of its own to the workspace the indexes are of, opened on first use; null: none are built. */
    private readonly connect: (() => Promise<Workspace>) | null,
    private readonly quietMs = QUIET_MS,
    /** True while the engine works on something (an import, an export, a query): no spare build then. */
    private readonly busy: () => boolean = () => false,
  ) {}

  private static key(stamp: string, range: Range): string {
    return `${stamp}|${range.from}|${range.to}`;
  }

  /** The index of this range for the derived data `ws` reads now, if it is built; null otherwise. */
  async lookup(ws: Workspace, range: Range): Promise<AudienceIndex | null> {
    if (!INDEXABLE) return null;
    const stamp = await ws.getMeta(DERIVED_STAMP_KEY);
    const key = stamp ? AudienceIndexes.key(stamp, range) : '';
    const hit = this.ready.get(key);
    if (!hit) return null;
    // Most recently used last.
    this.ready.delete(key);
    this.ready.set(key, hit);
    this.hits++;
    return hit;
  }

  /** The job of this range for the derived data `ws` reads now; null when there is nothing to build. */
  private async jobOf(ws: Workspace, range: Range): Promise<Job | null> {
    if (!INDEXABLE || !this.connect || this.stopped) return null;
    const stamp = await ws.getMeta(DERIVED_STAMP_KEY);
    if (!stamp) return null;
    const key = AudienceIndexes.key(stamp, range);
    const known = (jobs: Job[]) => jobs.some((j) => j.key === key);
    if (this.ready.has(key) || this.failed.has(key) || this.building === key || known(this.waiting) || known(this.spare)) return null;
    return { key, range };
  }

  /** Asks for the index of this range to be built in the background (once; nothing if it is kept already). */
  async prepare(ws: Workspace, range: Range): Promise<void> {
    const job = await this.jobOf(ws, range);
    if (!job) return;
    this.waiting = [...this.waiting, job].slice(-WAITING);
    this.worker = this.worker.then(() => this.buildNext());
  }

  /** Spare ranges to build when the views are quiet (the date presets of the data). */
  async prepareWhenQuiet(ws: Workspace, ranges: Range[]): Promise<void> {
    for (const range of ranges) {
      const job = await this.jobOf(ws, range);
      if (job) this.spare.push(job);
    }
    this.scheduleSpare();
  }

  /** The views ask for something: a spare build that runs gives way. */
  asked(): void {
    this.lastAsked = Date.now();
    if (this.interruptible) this.ws?.conn.interrupt();
  }

  /** A spare build's scan runs now, and how many gave way since one was last built (tests). */
  get spareState(): { running: boolean; gaveWay: number } {
    return { running: this.interruptible, gaveWay: this.yielded };
  }

  /** The quiet moment the next spare build waits for: longer after each one that gave way. */
  get spareQuietMs(): number {
    return this.quietMs * 2 ** Math.min(Math.max(0, this.yielded - 1), MAX_BACKOFF);
  }

  private scheduleSpare(): void {
    if (this.spareTimer || !this.spare.length || this.stopped) return;
    const wait = Math.max(0, this.lastAsked + this.spareQuietMs - Date.now());
    this.spareTimer = setTimeout(() => {
      this.spareTimer = null;
      this.worker = this.worker.then(() => this.buildSpare());
    }, wait);
    this.spareTimer.unref?.();
  }

  private async buildSpare(): Promise<void> {
    if (this.stopped) return;
    const next = this.spare[0];
    if (this.busy()) this.lastAsked = Date.now();
    else if (next && !this.waiting.length && Date.now() - this.lastAsked >= this.spareQuietMs) {
      const askedBefore = this.lastAsked;
      const built = await this.build(next, true, () => this.lastAsked !== askedBefore);
      // Built, or failed for good: off the list; interrupted by the views: it stays, for a longer quiet moment.
      if (built === 'gave way') this.yielded++;
      else this.spare = this.spare.filter((j) => j !== next);
      if (built === 'built') this.yielded = 0;
    }
    this.scheduleSpare();
  }

  /** Resolves when nothing is being built or waits to be (tests, benchmarks); with `spare`, the spare ranges too. */
  async idle(spare = false): Promise<void> {
    for (;;) {
      const worker = this.worker;
      await worker;
      if (spare && (this.spare.length || this.spareTimer) && !this.stopped) await new Promise((r) => setTimeout(r, 20));
      else if (worker === this.worker) return;
    }
  }

  private async buildNext(): Promise<void> {
    const next = this.waiting.shift();
    if (next) await this.build(next, false, () => false);
  }

  /**
   * Builds one range's index. A spare one gives way when the views ask: `gaveWay` tells whether an interruption
   * was that (not a failure).
   */
  private async build(next: Job, spare: boolean, gaveWay: () => boolean): Promise<'built' | 'failed' | 'gave way'> {
    if (this.stopped || !this.connect) return 'failed';
    this.building = next.key;
    try {
      const ws = (this.ws ??= await this.connect());
      // Closed while the connection was being opened: it is not kept.
      if (this.stopped) return 'failed';
      // One snapshot: the stamp read and the events scanned belong to the same derived data. It only reads, so it
      // ends with a rollback; one left open by an earlier build that was cut short is ended first (an open
      // transaction would hold up an import's checkpoint).
      await ws.run('ROLLBACK').catch(() => undefined);
      await ws.run('BEGIN TRANSACTION');
      try {
        const stamp = await ws.value<string>(`SELECT value FROM pinsight_meta WHERE key = '${DERIVED_STAMP_KEY}'`);
        const statement = audienceIndexSql(next.range);
        const counter = new AudienceCounter();
        // Only the scan itself is interrupted when the views ask (never the statements around it).
        this.interruptible = spare;
        try {
          await ws.eachChunk(statement.sql, statement.params, (columns) => counter.add(columns));
        } finally {
          this.interruptible = false;
        }
        const index = counter.index();
        if (stamp && !this.stopped) this.keep(AudienceIndexes.key(stamp, next.range), index);
      } finally {
        await ws.run('ROLLBACK').catch(() => undefined);
      }
      return 'built';
    } catch {
      if (gaveWay()) return 'gave way';
      // Interrupted (the workspace closes) or refused: the views keep answering by scanning the events.
      if (!this.stopped) this.failed.add(next.key);
      return 'failed';
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
    this.spare = [];
    if (this.spareTimer) clearTimeout(this.spareTimer);
    this.spareTimer = null;
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
