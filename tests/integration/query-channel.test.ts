/** Issue 16: requests on one channel supersede each other in the engine; others are untouched. */
import { describe, expect, it } from 'vitest';
import { querySpecSchema } from '../../shared/query';
import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';

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

  it('the audiences-only request gives the same audiences as the full overview, and no counts', async () => {
    const engine = await PinsightEngine.open(IN_MEMORY);
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
    engine.close();
  });
});
