/**
 * Fuzzing the importers (issue 12): valid files of every kind, mutated (bytes flipped, cut short, lines doubled
 * or swapped, random bytes spliced in), and plain random bytes, across CSV, gzip, NDJSON, Parquet and Analytics
 * exports. After each case: no crash or hang, a clear result (a summary, or a short sentence naming the file),
 * and, when the import was refused, the workspace's overview exactly as before.
 *
 * Bounded for CI (PINSIGHT_FUZZ_CASES, default 48; the seed is PINSIGHT_FUZZ_SEED); run larger on demand:
 * `PINSIGHT_FUZZ_CASES=2000 npx vitest run tests/integration/hardening/import-fuzz.test.ts` (PINSIGHT_FUZZ_DIR keeps the files).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySpecSchema } from '../../../shared/query';
import { generateDemo } from '../../../electron/engine/demo/generate-demo';
import { legacyDocument } from '../../../electron/engine/demo/demo-exports';
import { renderExport } from '../../../electron/engine/output/write-analytics-layout';
import { PinsightEngine } from '../../../electron/engine/pinsight-engine';
import { tempDir } from '../../helpers/temp-dir';

const CASES = Number(process.env.PINSIGHT_FUZZ_CASES ?? 48);
const SEED = Number(process.env.PINSIGHT_FUZZ_SEED ?? 20261130);
// PINSIGHT_FUZZ_DIR keeps the cases (to reproduce a failure); by default they go to a folder removed afterwards.
const dir = process.env.PINSIGHT_FUZZ_DIR ?? tempDir('pinsight-fuzz-');
let engine: PinsightEngine;

/** mulberry32: a small deterministic generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVENT_ROWS = Array.from({ length: 40 }, (_, i) => [
  `e${i}`,
  `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
  ['impression', 'closeup', 'save', 'link_click', 'video_play'][i % 5]!,
  `p${i % 7}`,
  `u${i % 11}`,
  ['mobile', 'web', 'tablet'][i % 3]!,
  i % 4 ? 'organic' : 'paid',
  String(i * 100),
  String(i % 101),
  String((i * 3) % 101),
]);
const EVENT_HEADER = [
  'event_id',
  'event_time',
  'event_type',
  'pin_id',
  'user_id',
  'app_type',
  'content_type',
  'watch_ms',
  'progress_pct',
  'in_view_pct',
];

async function bases(): Promise<{ name: string; bytes: Buffer }[]> {
  const csv = Buffer.from([EVENT_HEADER, ...EVENT_ROWS].map((r) => r.join(',')).join('\n') + '\n');
  const ndjson = Buffer.from(
    EVENT_ROWS.map((r) => JSON.stringify(Object.fromEntries(EVENT_HEADER.map((h, i) => [h, r[i]])))).join('\n') + '\n',
  );
  const csvPath = join(dir, 'base-events.csv');
  writeFileSync(csvPath, csv);
  const parquetPath = join(dir, 'base-events.parquet');
  await engine.workspace.run(`COPY (SELECT * FROM read_csv('${csvPath}', all_varchar = true)) TO '${parquetPath}' (FORMAT parquet)`);
  const pins = Buffer.from(
    'pin_id,image_signature,destination_url,board_id,creator_id,created_at,pin_format,parent_pin_id,title\n' +
      Array.from({ length: 7 }, (_, i) => `p${i},img${i},https://x.example/${i},b1,c1,2026-09-01T00:00:00Z,standard,,Title ${i}`).join(
        '\n',
      ) +
      '\n',
  );
  const legacy = renderExport(legacyDocument('2018-01-01', '2018-01-20'), {
    language: 'en',
    delimiter: ',',
    encoding: 'utf8',
    lineEnding: '\r\n',
    humanUnits: false,
    grouping: false,
  });
  const legacySv = renderExport(legacyDocument('2018-02-01', '2018-02-10'), {
    language: 'sv',
    delimiter: ';',
    encoding: 'utf16le',
    lineEnding: '\r\n',
    humanUnits: true,
    grouping: true,
  });
  return [
    { name: 'events.csv', bytes: csv },
    { name: 'events.csv.gz', bytes: gzipSync(csv) },
    { name: 'events.ndjson', bytes: ndjson },
    { name: 'events.parquet', bytes: readFileSync(parquetPath) },
    { name: 'pins.csv', bytes: pins },
    { name: 'legacy.csv', bytes: legacy },
    { name: 'legacy-sv.csv', bytes: legacySv },
  ];
}

function mutate(bytes: Buffer, random: () => number): Buffer {
  const out = Buffer.from(bytes);
  const pick = (n: number) => Math.floor(random() * n);
  switch (pick(6)) {
    case 0: // flip a few bytes
      for (let k = 0; k < 1 + pick(8); k++) out[pick(out.length)] = pick(256);
      return out;
    case 1: // cut short
      return out.subarray(0, pick(out.length));
    case 2: {
      // splice random bytes in
      const at = pick(out.length);
      return Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: 1 + pick(64) }, () => pick(256))), out.subarray(at)]);
    }
    case 3: {
      // double or swap lines
      const lines = out.toString('latin1').split('\n');
      const i = pick(lines.length);
      const j = pick(lines.length);
      if (random() < 0.5) lines.splice(i, 0, lines[j] ?? '');
      else [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 4: // characters that mean something to a CSV reader
      for (let k = 0; k < 1 + pick(5); k++) out[pick(out.length)] = '",;\r\n\t'.charCodeAt(pick(7));
      return out;
    default: // random bytes of the same length
      return Buffer.from(Array.from({ length: Math.min(out.length, 4096) }, () => pick(256)));
  }
}

const overview = async () => {
  const r = await engine.query(querySpecSchema.parse({ view: 'overview', filters: { from: '2026-09-01', to: '2026-10-31' } }));
  return r.view === 'overview' ? r.totals : null;
};
const legacyTotals = async () => {
  const r = await engine.query(querySpecSchema.parse({ view: 'legacy' }));
  return r.view === 'legacy' ? r.totals : null;
};

beforeAll(async () => {
  // A workspace file, as the app has: an engine failure on a hostile file must leave it usable.
  engine = await PinsightEngine.open(join(dir, `fuzz-${SEED}.duckdb`));
  await generateDemo(engine.workspace, 2000);
});
afterAll(() => engine.close());

describe('import fuzzing', () => {
  it(`${CASES} mutated and random files: a clear result each, and refused ones change nothing`, async () => {
    const random = rng(SEED);
    const files = await bases();
    const outcomes = { imported: 0, refused: 0 };
    for (let n = 0; n < CASES; n++) {
      const base = files[n % files.length]!;
      const path = join(dir, `case-${n}-${base.name}`);
      writeFileSync(path, mutate(base.bytes, random));
      const before = { overview: await overview(), legacy: await legacyTotals() };
      const started = Date.now();
      const result = await Promise.race([
        engine.importFiles([path]).then(
          (s) => ({ ok: true as const, s }),
          (e: unknown) => ({ ok: false as const, e }),
        ),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`case ${n} (${base.name}) hung`)), 20_000)),
      ]);
      expect(Date.now() - started).toBeLessThan(20_000);
      if (result.ok) {
        outcomes.imported++;
        expect(typeof result.s.message).toBe('string');
        expect(result.s.files).toHaveLength(1);
        for (const r of result.s.rejected) {
          expect(r.line).toBeGreaterThan(0);
          expect(r.reason.length).toBeLessThan(400);
        }
      } else {
        outcomes.refused++;
        const e = result.e as Error & { code?: string };
        expect(e.name, `case ${n}: ${String(e)}`).toBe('PinsightError');
        expect(e.message).toContain(basename(path));
        expect(e.message.length).toBeLessThan(600);
        expect(e.message).not.toMatch(/\n\s+at |Binder Error|Catalog Error|INTERNAL/);
        expect(await overview()).toEqual(before.overview);
        expect(await legacyTotals()).toEqual(before.legacy);
      }
    }
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 600_000);
});
