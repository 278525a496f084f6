/** Issue 16: requests on one channel supersede each other in the engine; others are untouched. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { querySpecSchema } from '../../shared/query';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';

const dir = tempDir();

describe('query channels', () => {
  it('a newer request drops the waiting ones of its channel; the last one and other channels answer', async () => {
    const engine = await PinsightEngine.open(IN_MEMORY);
    await generateDemo(engine.workspace, 20_000);
    const spec = (device: string, channel?: string) => querySpecSchema.parse({ view: 'overview', filters: { device }, channel });
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code ?? 'error',
      );
    const results = await Promise.all([
      outcome(engine.query(spec('mobile', 'screen'))),
      outcome(engine.query(spec('web', 'screen'))),
      outcome(engine.query(spec('tablet', 'screen'))),
      outcome(engine.query(spec('web'))),
      outcome(engine.query(spec('web', 'other'))),
    ]);
    // The first may have been running (then interrupted) or answered; the second waited and was dropped.
    expect(['ok', 'cancelled']).toContain(results[0]);
    expect(results.slice(1)).toEqual(['cancelled', 'ok', 'ok', 'ok']);
    const last = await engine.query(spec('tablet', 'screen'));
    expect(last.view).toBe('overview');
    engine.close();
  });

  it('the audiences-only request (on the second connection) gives the same audiences as the full overview, and no counts', async () => {
    const engine = await PinsightEngine.open(join(dir, 'w.duckdb'));
    await generateDemo(engine.workspace, 20_000);
    const base = { view: 'overview', filters: { device: 'mobile' }, splitBy: 'content-type' } as const;
    const full = await engine.query(querySpecSchema.parse(base));
    const only = await engine.query(querySpecSchema.parse({ ...base, audienceOnly: true }));
    if (full.view !== 'overview' || only.view !== 'overview') throw new Error('expected overviews');
    expect(only.totals.total_audience).toBe(full.totals.total_audience);
    expect(only.totals.engaged_audience).toBe(full.totals.engaged_audience);
    expect(only.totals.total_audience).toBeGreaterThan(0);
    expect(only.totals.impressions).toBeNull();
    expect(only.series.map((p) => p.total_audience)).toEqual(full.series.map((p) => p.total_audience));
    // Figures and audiences at once, on their two connections, while an import runs: all answer.
    const events = join(dir, 'more.csv');
    writeFileSync(
      events,
      `event_time,event_type,pin_id,user_id\n${Array.from({ length: 2000 }, (_, i) => `2026-10-01T10:00:00Z,impression,p${i},x${i}`).join('\n')}\n`,
    );
    const [figures, audiences, imported] = await Promise.all([
      engine.query(querySpecSchema.parse({ ...base, skipAudience: true, channel: 'screen' })),
      engine.query(querySpecSchema.parse({ ...base, audienceOnly: true, channel: 'screen-audience' })),
      engine.importFiles([events]),
    ]);
    expect(figures.view).toBe('overview');
    expect(audiences.view).toBe('overview');
    expect(imported.files[0]!.rows).toBe(2000);
    await engine.shutdown();
  });
});
