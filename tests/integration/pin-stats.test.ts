/** Pin stats: real-time in a group's first 24 hours, then last-24-hours and final blocks (Pin stats help text). */
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../shared/metrics';
import { querySpecSchema, type QuerySpecInput } from '../../shared/query';
import type { MetricValues, PinStatsBase } from '../../shared/results';

import { IN_MEMORY } from '../../electron/engine/db/workspace';
import { generateDemo } from '../../electron/engine/demo/generate-demo';
import { PIN_ID_BASE, demoPinCount } from '../../electron/engine/demo/demo-recipe';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { clean, closeTo, metrics, readWorld, type CleanEvent, type RawEvent, type RawWorld } from '../helpers/reference-metrics';

/** Either phase's blocks, each possibly absent: the tests assert which ones a phase has. */
type PinStats = PinStatsBase & {
  phase: string;
  real_time?: MetricValues;
  last_24h?: MetricValues;
  final?: MetricValues;
  windows?: unknown;
};

const EVENTS = 15_000;
let engine: PinsightEngine;
let world: RawWorld;
let cleaned: CleanEvent[];
let latest: string;
let groupedPin: string;

beforeAll(async () => {
  engine = await PinsightEngine.open(IN_MEMORY);
  await generateDemo(engine.workspace, EVENTS, 21);
  world = await readWorld(engine.workspace);
  cleaned = clean(world);
  latest = world.events
    .map((e) => e.event_time)
    .sort()
    .at(-1)!;
  groupedPin = (await engine.workspace.value<string>(
    `SELECT rep_pin_id FROM group_dim WHERE in_scope ORDER BY size DESC, rep_pin_id LIMIT 1`,
  ))!;
});

const pinStats = async (spec: Omit<QuerySpecInput, 'view'>) =>
  (await engine.query(querySpecSchema.parse({ ...spec, view: 'pin' }))) as PinStats;

function expectMetrics(actual: Record<string, number | null> | undefined, expected: Record<string, number | null>) {
  for (const id of METRIC_IDS) expect(closeTo(actual?.[id], expected[id]), `${id}: ${actual?.[id]} vs ${expected[id]}`).toBe(true);
}

describe('Pin stats', () => {
  it('a Pin older than 24 hours: final numbers of its whole group, and the last 24 hours to the hour', async () => {
    const pinId = groupedPin;
    const r = await pinStats({ pinId });
    expect(r.phase).toBe('final');
    expect(r.as_of).toBe(latest);
    expect(r.group.length).toBeGreaterThan(1);
    const groupOf = cleaned.find((e) => e.pin_id === pinId)!.group;
    const group = cleaned.filter((e) => e.group === groupOf);
    const hourEnd = `${latest.slice(0, 13)}:00:00.000Z`;
    const hourStart = new Date(Date.parse(hourEnd) - 86_400_000).toISOString();
    const dayStart = `${latest.slice(0, 10)}T00:00:00.000Z`;
    expectMetrics(r.final, metrics(group.filter((e) => e.event_time < dayStart)));
    expectMetrics(r.last_24h, metrics(group.filter((e) => e.event_time >= hourStart && e.event_time < hourEnd)));
    expect(r.final!.impressions).toBeGreaterThan(r.last_24h!.impressions!);
  });

  it('asking by any Pin of a group gives the group numbers', async () => {
    const first = await pinStats({ pinId: groupedPin });
    const other = await pinStats({ pinId: first.group.at(-1)! });
    expect(other.final).toEqual(first.final);
    expect(other.group).toEqual(first.group);
  });

  it('a Pin created less than 24 hours before as_of: real-time, every record of the Pin itself', async () => {
    const pinId = String(PIN_ID_BASE + demoPinCount(EVENTS));
    const r = await pinStats({ pinId });
    expect(r.phase).toBe('real-time');
    const pin = world.pins.find((p) => p.pin_id === pinId)!;
    const raw: RawEvent[] = world.events.filter((e) => e.pin_id === pinId && e.event_time >= pin.created_at! && e.event_time <= latest);
    expect(raw.length).toBeGreaterThan(0);
    // Raw records: duplicates and spam included, as they were imported.
    const asClean = raw.map(
      (e) =>
        ({
          ...e,
          day: '',
          group: '',
          source: 'yours',
          format: 'standard',
          board_id: null,
          accounts: new Set<string>(),
        }) satisfies CleanEvent,
    );
    expectMetrics(r.real_time, metrics(asClean));
    expect(r.final).toBeUndefined();
  });

  it('--as-of moves "now": the same Pin a day later is final', async () => {
    const pinId = String(PIN_ID_BASE + demoPinCount(EVENTS));
    const later = new Date(Date.parse(latest) + 2 * 86_400_000).toISOString();
    const r = await pinStats({ pinId, asOf: later });
    expect(r.phase).toBe('final');
    expect(r.as_of).toBe(later);
  });

  it('unknown and out-of-scope Pins say so', async () => {
    await expect(pinStats({ pinId: 'nope' })).rejects.toThrow('No Pin nope');
    const outOfScope = world.pins.find((p) => p.creator_id?.startsWith('u_other'))!;
    await expect(pinStats({ pinId: outOfScope.pin_id })).rejects.toThrow('belongs to no claimed account');
  });

  it('applies every dimension filter: source and format through the Pin, content type and device per event', async () => {
    const pinId = groupedPin;
    const all = await pinStats({ pinId });
    const groupOf = cleaned.find((e) => e.pin_id === pinId)!.group;
    const dayStart = `${latest.slice(0, 10)}T00:00:00.000Z`;
    const final = cleaned.filter((e) => e.group === groupOf && e.event_time < dayStart);
    const own = final[0]!;
    // The group holds Pins of both sources (re-saves by other people), so the source filter splits its numbers.
    expect(new Set(final.map((e) => e.source)).size).toBe(2);
    const otherFormat = own.format === 'video' ? 'standard' : 'video';
    expect(all.final).toBeDefined();
    for (const source of ['yours', 'others'] as const) {
      expectMetrics((await pinStats({ pinId, filters: { source } })).final, metrics(final.filter((e) => e.source === source)));
    }
    expectMetrics(
      (await pinStats({ pinId, filters: { format: otherFormat } })).final,
      metrics(final.filter((e) => e.format === otherFormat)),
    );
    expectMetrics(
      (await pinStats({ pinId, filters: { contentType: 'paid', device: 'mobile' } })).final,
      metrics(final.filter((e) => e.content_type === 'paid' && e.app_type === 'mobile')),
    );
  });
});
