/**
 * An independent computation of the final numbers, in plain TypeScript over raw rows, written from the help
 * texts rather than from the engine's SQL: tests compare the engine with it.
 */
import type { Filters } from '../../shared/filters';
import type { Workspace } from '../../electron/engine/db/workspace';

export interface RawEvent {
  event_id: string | null;
  event_time: string;
  event_type: string;
  pin_id: string;
  user_id: string;
  app_type: string | null;
  content_type: string;
  watch_ms: number | null;
  progress_pct: number | null;
  in_view_pct: number | null;
}

export interface RawPin {
  pin_id: string;
  image_signature: string | null;
  destination_url: string | null;
  board_id: string | null;
  creator_id: string | null;
  created_at: string | null;
  pin_format: string | null;
  parent_pin_id: string | null;
}

export interface RawWorld {
  events: RawEvent[];
  pins: RawPin[];
  accounts: { account_id: string; type: string; value: string }[];
  spam: string[];
}

export async function readWorld(ws: Workspace): Promise<RawWorld> {
  return {
    events: await ws.all<RawEvent>(`SELECT * EXCLUDE (import_id) FROM events`),
    pins: await ws.all<RawPin>(`SELECT * FROM pins`),
    accounts: await ws.all(`SELECT * FROM accounts`),
    spam: (await ws.all<{ user_id: string }>(`SELECT user_id FROM spam_users`)).map((r) => r.user_id),
  };
}

export interface CleanEvent extends RawEvent {
  day: string;
  group: string;
  source: 'yours' | 'others';
  format: string;
  board_id: string | null;
  accounts: Set<string>;
}

const hostOf = (url: string | null): string | null => {
  const m = url ? /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url) : null;
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : null;
};

export type Step = 'duplicates' | 'spam' | 'out_of_scope' | 'final';

/**
 * Every raw event with the first rule that removes it (duplicates, then spam users, then Pins of no claimed
 * account) or 'final', and the Pin attributes a filter needs (null for a Pin the world has no record of).
 */
export function classify(
  world: RawWorld,
): { e: RawEvent; step: Step; day: string; source: string | null; format: string | null; accounts: Set<string> }[] {
  const pins = new Map(world.pins.map((p) => [p.pin_id, p]));
  // The first copy of each event in world order is kept, as clean() keeps it.
  const spam = new Set(world.spam);
  const seen = new Set<string>();
  const profileIds = new Set(world.accounts.filter((a) => a.type === 'profile').map((a) => a.value));
  const groups = groupAccountsOf(world);
  const out = [];
  for (const e of world.events) {
    const key = e.event_id !== null ? `id:${e.event_id}` : `k:${e.event_time}|${e.event_type}|${e.pin_id}|${e.user_id}`;
    const pin = pins.get(e.pin_id);
    const source = pin ? (pin.creator_id !== null && profileIds.has(pin.creator_id) ? 'yours' : 'others') : null;
    const format = pin
      ? ['video', 'carousel'].includes(String(pin.pin_format).toLowerCase())
        ? String(pin.pin_format).toLowerCase()
        : 'standard'
      : null;
    const accounts = pin ? (groups.get(e.pin_id) ?? new Set<string>()) : new Set<string>();
    let step: Step;
    if (seen.has(key)) step = 'duplicates';
    else if (spam.has(e.user_id)) step = 'spam';
    else if (!pin || !accounts.size) step = 'out_of_scope';
    else step = 'final';
    seen.add(key);
    out.push({ e, step, day: e.event_time.slice(0, 10), source, format, accounts });
  }
  return out;
}

/** Claimed accounts of each Pin's group, by Pin id (the same rules as clean()). */
function groupAccountsOf(world: RawWorld): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  // One made-up event per Pin through clean(): the Pins it keeps are those of a claimed account, with their accounts.
  const probe = (pin_id: string): RawEvent => ({
    event_id: `probe-${pin_id}`,
    event_time: '2026-01-01T00:00:00Z',
    event_type: 'impression',
    pin_id,
    user_id: 'probe',
    app_type: null,
    content_type: 'organic',
    watch_ms: null,
    progress_pct: null,
    in_view_pct: null,
  });
  for (const c of clean({ ...world, spam: [], events: world.pins.map((p) => probe(p.pin_id)) })) out.set(c.pin_id, c.accounts);
  return out;
}

export function clean(world: RawWorld): CleanEvent[] {
  const pins = new Map(world.pins.map((p) => [p.pin_id, p]));
  const inherit = (p: RawPin, field: 'image_signature' | 'destination_url'): string | null => {
    const seen = new Set<string>();
    for (let cur: RawPin | undefined = p; cur && !seen.has(cur.pin_id); cur = cur.parent_pin_id ? pins.get(cur.parent_pin_id) : undefined) {
      seen.add(cur.pin_id);
      if (cur[field]) return cur[field];
    }
    return null;
  };
  const profiles = world.accounts.filter((a) => a.type === 'profile');
  const websites = world.accounts.filter((a) => a.type === 'website');
  const groupOf = new Map<string, string>();
  const groupAccounts = new Map<string, Set<string>>();
  for (const p of world.pins) {
    const img = inherit(p, 'image_signature');
    const url = inherit(p, 'destination_url');
    const group = img && url ? `${img}\u0001${url}` : `pin:${p.pin_id}`;
    groupOf.set(p.pin_id, group);
    const accs = groupAccounts.get(group) ?? new Set<string>();
    for (const a of profiles) if (p.creator_id === a.value) accs.add(a.account_id);
    for (const a of websites)
      if (hostOf(url) && hostOf(url) === hostOf(`https://${a.value.replace(/^[a-z]+:\/\//i, '')}`)) accs.add(a.account_id);
    groupAccounts.set(group, accs);
  }
  const profileIds = new Set(profiles.map((a) => a.value));
  const spam = new Set(world.spam);
  const seen = new Set<string>();
  const out: CleanEvent[] = [];
  for (const e of world.events) {
    const key = e.event_id !== null ? `id:${e.event_id}` : `k:${e.event_time}|${e.event_type}|${e.pin_id}|${e.user_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (spam.has(e.user_id)) continue;
    const pin = pins.get(e.pin_id);
    if (!pin) continue;
    const group = groupOf.get(e.pin_id)!;
    const accounts = groupAccounts.get(group)!;
    if (!accounts.size) continue;
    out.push({
      ...e,
      day: e.event_time.slice(0, 10),
      group,
      source: pin.creator_id !== null && profileIds.has(pin.creator_id) ? 'yours' : 'others',
      format: ['video', 'carousel'].includes(String(pin.pin_format).toLowerCase()) ? String(pin.pin_format).toLowerCase() : 'standard',
      board_id: pin.board_id,
      accounts,
    });
  }
  return out;
}

export function matches(e: CleanEvent, f: Filters & { from: string; to: string }): boolean {
  return (
    e.day >= f.from &&
    e.day <= f.to &&
    (f.contentType === 'all' || e.content_type === f.contentType) &&
    (f.device === 'all' || e.app_type === f.device) &&
    (f.source === 'all' || e.source === f.source) &&
    (f.format === 'all' || e.format === f.format) &&
    (!f.accounts.length || f.accounts.some((a) => e.accounts.has(a)))
  );
}

export function metrics(events: CleanEvent[]): Record<string, number | null> {
  const count = (type: string) => events.filter((e) => e.event_type === type).length;
  const plays = events.filter((e) => e.event_type === 'video_play');
  const engagementTypes = ['closeup', 'save', 'link_click', 'carousel_swipe'];
  const impressions = count('impression');
  const engagements = engagementTypes.reduce((n, t) => n + count(t), 0);
  const watchMs = plays.reduce((n, e) => n + (e.watch_ms ?? 0), 0);
  return {
    impressions,
    engagements,
    closeups: count('closeup'),
    saves: count('save'),
    link_clicks: count('link_click'),
    carousel_swipes: count('carousel_swipe'),
    engagement_rate: impressions ? engagements / impressions : null,
    total_audience: new Set(events.filter((e) => e.event_type === 'impression').map((e) => e.user_id)).size,
    engaged_audience: new Set(events.filter((e) => engagementTypes.includes(e.event_type)).map((e) => e.user_id)).size,
    video_starts: plays.length,
    video_views: plays.filter((e) => (e.watch_ms ?? 0) >= 2000 && (e.in_view_pct ?? 0) >= 50).length,
    ten_second_views: plays.filter((e) => (e.watch_ms ?? 0) >= 10000).length,
    p95_views: plays.filter((e) => (e.progress_pct ?? 0) >= 95).length,
    total_watch_time_min: watchMs / 60000,
    avg_watch_time_s: plays.length ? watchMs / 1000 / plays.length : null,
  };
}

/** Sums per key (Pin group or board), sorted like the engine: metric descending, ties by key. */
export function topBy(
  events: CleanEvent[],
  key: (e: CleanEvent) => string | null,
  sortBy: string,
): { key: string | null; m: Record<string, number | null> }[] {
  const byKey = new Map<string | null, CleanEvent[]>();
  for (const e of events) {
    const k = key(e);
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  return [...byKey.entries()]
    .map(([k, evs]) => ({ key: k, m: metrics(evs) }))
    .sort((a, b) => (b.m[sortBy] ?? -1) - (a.m[sortBy] ?? -1) || compareKeys(a.key, b.key));
}

const compareKeys = (a: string | null, b: string | null): number => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);

export function closeTo(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b || (a == null && b == null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
