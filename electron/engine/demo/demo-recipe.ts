/**
 * The demo dataset recipe: a deterministic, Pinterest-like world generated in DuckDB from one seed.
 * Every value is a function of (row number, seed), so the same seed gives the same data at any size.
 *
 * - 3 claimed accounts: two business profiles and one website.
 * - Pins (standard, video, carousel): originals by the profiles (some posted twice with the same image and
 *   URL), re-saves by other people (some with empty image/URL to inherit, some re-saves of re-saves),
 *   other people's Pins of the claimed website, and Pins that belong to nobody we track (out of scope).
 * - A year of events ending DEMO_END: impressions, closeups, saves, link clicks, carousel swipes, video plays,
 *   organic/paid, mobile/tablet/web (1.5% without a device: unknown), with ~2% exact duplicates (with and without event_id) and spam users.
 */

export const DEMO_END = '2026-10-31 20:00:00';
export const DEMO_DAYS = 365;
export const DEMO_SEED = 42;
export const PIN_ID_BASE = 9_100_000_000;

export interface DemoSize {
  events: number;
  seed: number;
}

export function demoPinCount(events: number): number {
  return Math.max(80, Math.min(20_000, Math.round(events / 2_000)));
}

export function demoUserCount(events: number): number {
  return Math.max(400, Math.round(events / 40));
}

/** Raw rows generated for `events` distinct events: every 50th event also appears twice. */
export function demoDuplicateCount(events: number): number {
  return events > 7 ? Math.floor((events - 8) / 50) + 1 : 0;
}

const END = `TIMESTAMP '${DEMO_END}'`;

/** Statements that fill accounts, boards, pins, spam_users and events (import_id 0). */
export function demoStatements({ events, seed }: DemoSize): string[] {
  if (!Number.isInteger(events) || events < 0) throw new Error('events must be a whole number');
  if (!Number.isInteger(seed)) throw new Error('seed must be a whole number');
  const P = demoPinCount(events);
  const U = demoUserCount(events);
  const D = demoDuplicateCount(events);
  const u = (k: string, salt: number) => `((hash(${k}, ${seed}, ${salt}) % 1000003) / 1000003.0)`;
  const fmt = (k: string) => `CASE WHEN ${u(k, 1)} < 0.2 THEN 'video' WHEN ${u(k, 1)} < 0.32 THEN 'carousel' ELSE 'standard' END`;
  const pinId = (i: string) => `(${PIN_ID_BASE} + ${i})::VARCHAR`;
  const kitchenUrl = (i: string) => `'https://nordickitchen.example/recipes/' || ${i}`;
  const travelUrl = (i: string) => `'https://travel-notes.example/p/' || ${i}`;
  const originalUrl = (i: string) => `CASE WHEN ${i} % 3 = 0 THEN ${travelUrl(i)} ELSE ${kitchenUrl(i)} END`;
  const titles = `['Cardamom buns', 'Rye sourdough', 'Lingonberry jam', 'Smörgåstårta', 'Fika table ideas', 'Gravlax',
    'Cinnamon knots', 'Archipelago weekend', 'Lapland cabins', 'Saffron buns', 'Pickled herring', 'Midsummer cake']`;

  return [
    `INSERT INTO accounts VALUES
       ('acc-kitchen', 'profile', 'u_nordickitchen'),
       ('acc-travel', 'profile', 'u_nordictravel'),
       ('acc-site', 'website', 'nordickitchen.example')`,
    `INSERT INTO boards
     SELECT 'b' || i,
            ['Weeknight dinners', 'Baking', 'Fika', 'Preserves', 'Holiday table', 'Bread', 'Soups', 'Salads', 'Desserts',
             'Breakfast', 'Road trips', 'Cabins', 'Islands', 'City breaks', 'Hiking', 'Winter', 'Saved recipes',
             'Yum', 'Kitchen inspo', 'To try', 'Travel wishlist', 'Scandi style', 'Food photos', 'Misc'][i],
            CASE WHEN i <= 10 THEN 'u_nordickitchen' WHEN i <= 16 THEN 'u_nordictravel' ELSE 'u_fan' || i END
     FROM range(1, 25) t(i)`,
    // Pass 1: originals, brand duplicates, first-level re-saves, others' Pins of the site, out-of-scope Pins.
    `INSERT INTO pins
     WITH base AS (
       SELECT i,
              CASE WHEN i > ${P} - 2 OR i < 10 OR (i < 20 AND i % 10 = 7) THEN 0 ELSE i % 10 END AS cat,
              (10 * floor(${u('i', 3)} * floor(i / 10))::BIGINT + 1 + i % 3) AS parent
       FROM range(1, ${P} + 1) t(i)
     )
     SELECT ${pinId('i')},
            CASE WHEN cat = 6 AND i % 4 = 0 THEN NULL
                 WHEN cat = 6 THEN 'img-' || parent
                 WHEN cat <= 5 AND i % 20 = 4 AND i >= 20 THEN 'img-' || (i - 10)
                 ELSE 'img-' || i END,
            CASE WHEN cat = 6 AND i % 4 = 0 THEN NULL
                 WHEN cat = 6 THEN ${originalUrl('parent')}
                 WHEN cat <= 5 AND i % 20 = 4 AND i >= 20 THEN ${originalUrl('(i - 10)')}
                 WHEN cat <= 5 THEN ${originalUrl('i')}
                 WHEN cat = 8 THEN 'https://www.nordickitchen.example/shop/' || i
                 ELSE 'https://elsewhere.example/post/' || i END,
            CASE WHEN cat <= 5 AND i % 3 = 0 THEN 'b' || (11 + i % 6)
                 WHEN cat <= 5 THEN 'b' || (1 + i % 10)
                 ELSE 'b' || (17 + i % 8) END,
            CASE WHEN cat <= 5 AND i % 3 = 0 THEN 'u_nordictravel'
                 WHEN cat <= 5 THEN 'u_nordickitchen'
                 WHEN cat = 6 THEN 'u_fan' || (17 + i % 8)
                 WHEN cat = 8 THEN 'u_fan' || (17 + i % 8)
                 ELSE 'u_other' || i END,
            CASE WHEN i > ${P} - 2 THEN ${END} - to_hours(CAST(6 * (${P} - i + 1) AS BIGINT))
                 ELSE ${END} - INTERVAL ${DEMO_DAYS} DAY + to_seconds(CAST((i / ${P + 1}) * 350 * 86400 + ${u('i', 4)} * 3 * 86400 AS BIGINT)) END,
            CASE WHEN cat = 6 THEN ${fmt('parent')} WHEN cat <= 5 AND i % 20 = 4 AND i >= 20 THEN ${fmt('(i - 10)')} ELSE ${fmt('i')} END,
            CASE WHEN cat = 6 THEN ${pinId('parent')} ELSE NULL END,
            ${titles}[1 + (CASE WHEN cat = 6 THEN parent ELSE i END) % 12] || ' #' || i
     FROM base WHERE cat <> 7`,
    // Pass 2: re-saves of re-saves (empty image and URL: they inherit through the chain).
    `INSERT INTO pins
     SELECT ${pinId('i')}, NULL, NULL, 'b' || (17 + i % 8), 'u_fan' || (17 + (i + 3) % 8),
            ${END} - INTERVAL ${DEMO_DAYS} DAY + to_seconds(CAST((i / ${P + 1}) * 350 * 86400 + 3600 AS BIGINT)),
            p.pin_format, p.pin_id, p.title || ' (re-saved)'
     FROM range(20, ${P} - 1) t(i)
     JOIN pins p ON p.pin_id = ${pinId(`(10 * (1 + floor(${u('i', 5)} * (floor(i / 10) - 1))::BIGINT) + 6)`)}
     WHERE i % 10 = 7`,
    `INSERT INTO spam_users
     SELECT 'u' || n FROM range(1, ${U}) t(n) WHERE n % 97 = 13
     UNION ALL SELECT 'u_spambot'`,
    `INSERT INTO events
     WITH src AS (
       SELECT CASE WHEN r < ${events} THEN r ELSE (r - ${events}) * 50 + 7 END AS k FROM range(${events + D}) t(r)
     ),
     ev AS (
       SELECT k,
              -- The two youngest Pins (created in the last hours, for real-time Pin stats) get only these few events:
              -- a full share squeezed into their hours made the last day look like a spike of 2.5x.
              CASE WHEN k % 4001 = 5 THEN ${P} WHEN k % 3989 = 5 THEN ${P - 1}
                   ELSE 1 + least(${P - 3}, floor(${P - 2} * pow(${u('k', 11)}, 2.2))::BIGINT) END AS idx,
              ${u('k', 12)} AS ut, ${u('k', 13)} AS ue, ${u('k', 14)} AS uc, ${u('k', 15)} AS ud,
              ${u('k', 16)} AS uu, ${u('k', 17)} AS uw, ${u('k', 18)} AS uv
       FROM src
     ),
     typed AS (
       SELECT ev.*, p.pin_id, p.created_at,
              CASE p.pin_format
                WHEN 'video' THEN CASE WHEN ue < 0.86 THEN 'impression' WHEN ue < 0.955 THEN 'video_play' WHEN ue < 0.97 THEN 'closeup'
                                       WHEN ue < 0.985 THEN 'save' ELSE 'link_click' END
                WHEN 'carousel' THEN CASE WHEN ue < 0.90 THEN 'impression' WHEN ue < 0.95 THEN 'carousel_swipe' WHEN ue < 0.97 THEN 'closeup'
                                          WHEN ue < 0.985 THEN 'save' ELSE 'link_click' END
                ELSE CASE WHEN ue < 0.94 THEN 'impression' WHEN ue < 0.965 THEN 'closeup' WHEN ue < 0.98 THEN 'save' ELSE 'link_click' END
              END AS event_type
       FROM ev JOIN pins p ON p.pin_id = ${pinId('ev.idx')}
     )
     SELECT CASE WHEN k % 20 = 7 THEN NULL ELSE 'ev' || k END,
            created_at + to_milliseconds(CAST(ut * date_diff('millisecond', created_at, ${END}) AS BIGINT)),
            event_type, pin_id, user_id,
            CASE WHEN ud < 0.58 THEN 'mobile' WHEN ud < 0.68 THEN 'tablet' WHEN ud < 0.985 THEN 'web' END, -- else unknown
            CASE WHEN uc < 0.22 THEN 'paid' ELSE 'organic' END,
            CASE WHEN event_type = 'video_play' THEN CAST(pow(uw, 1.4) * 45000 AS INTEGER) END,
            CASE WHEN event_type = 'video_play' THEN least(100, round(pow(uw, 1.4) * 45000 / 300.0, 1)) END,
            CASE WHEN event_type = 'video_play' THEN 25 + floor(uv * 76) END,
            0, hash(user_id), hash(pin_id), NULL
     FROM (SELECT *, CASE WHEN k % 333 = 1 THEN 'u_spambot' ELSE 'u' || floor(${U} * pow(uu, 1.6))::BIGINT END AS user_id FROM typed)`,
  ];
}
