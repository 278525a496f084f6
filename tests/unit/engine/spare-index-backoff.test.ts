/**
 * Spare audience-index builds (the date presets') back off: from the second in a row that gives way to the views,
 * each doubles the quiet moment the next one waits for, until one is built. A stand-in connection whose scan runs until it is interrupted
 * or finished makes the timing deterministic.
 */
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../electron/engine/db/workspace';
import { AudienceIndexes } from '../../../electron/engine/query/audience-indexes';

class StandInWorkspace {
  scans = 0;
  private end: { finish: () => void; interrupt: () => void } | null = null;
  readonly conn = { interrupt: () => this.end?.interrupt() };
  async run(): Promise<void> {}
  async value(): Promise<string> {
    return 'stamp-1';
  }
  async getMeta(): Promise<string> {
    return 'stamp-1';
  }
  async eachChunk(): Promise<void> {
    this.scans++;
    try {
      await new Promise<void>((finish, fail) => (this.end = { finish, interrupt: () => fail(new Error('INTERRUPT')) }));
    } finally {
      this.end = null;
    }
  }
  finishScan(): void {
    this.end?.finish();
  }
  close(): void {}
}

const until = async (what: string, done: () => boolean) => {
  for (let waited = 0; !done(); waited++) {
    if (waited > 5_000) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
};

describe('spare audience-index builds', () => {
  it('from the second build in a row that gives way, each doubles the next quiet moment; a build that ends resets it', async () => {
    const stand = new StandInWorkspace();
    const ws = stand as unknown as Workspace;
    const indexes = new AudienceIndexes(async () => ws, 20);
    await indexes.prepareWhenQuiet(ws, [
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-28' },
    ]);
    expect(indexes.spareQuietMs).toBe(20);
    for (const [gaveWay, quietMs] of [
      [1, 20],
      [2, 40],
      [3, 80],
    ]) {
      await until('a spare build', () => indexes.spareState.running);
      const askedAt = Date.now();
      indexes.asked();
      await until('the build to give way', () => indexes.spareState.gaveWay === gaveWay);
      expect(indexes.spareQuietMs).toBe(quietMs);
      // The same range again, not before the views have been quiet that long.
      await until('the next try', () => indexes.spareState.running);
      expect(Date.now() - askedAt).toBeGreaterThanOrEqual((quietMs ?? 0) - 2);
      if (gaveWay !== 3) continue;
      // Left alone this time: built, and the next range waits the first quiet moment again.
      stand.finishScan();
      await until('the build to end', () => indexes.spareState.gaveWay === 0);
      expect(indexes.spareQuietMs).toBe(20);
    }
    await until('the second range', () => indexes.spareState.running);
    expect(stand.scans).toBe(5);
    stand.finishScan();
    await indexes.idle(true);
    await indexes.close();
  });
});
