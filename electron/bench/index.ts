/**
 * `npm run bench`: import throughput against plain DuckDB reads of the same file, and dashboard timings against
 * naive SQL over the raw events, at each size. Data comes from the demo generator. Figures are printed as a
 * table, each next to its baseline from the same run, as a ratio.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchOptions } from './bench-args';
import { fmtMs, fmtN } from './measure';
import { benchImport, type ImportFigures } from './bench-import';
import { benchQueries, type QueryFigures } from './bench-queries';
import { writeDemoEventsFile } from '../engine/demo/write-demo-dump';

interface Row {
  size: number;
  imports: ImportFigures[];
  queries?: QueryFigures;
}

async function main(): Promise<number> {
  const options = benchOptions(process.argv.slice(2));
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const rows: Row[] = [];
  for (const size of options.sizes) {
    const row: Row = { size, imports: [] };
    let csvWorkspace: string | undefined;
    for (const format of options.formats) {
      const dataDir = join(dir, `${fmtN(size)}-${format}`);
      const marker = join(dataDir, '.complete');
      if (!existsSync(marker)) {
        rmSync(dataDir, { recursive: true, force: true });
        process.stderr.write(`generating ${fmtN(size)} events as ${format} ...\n`);
        await writeDemoEventsFile(dataDir, size, format);
        writeFileSync(marker, '');
      }
      const figures = await benchImport(
        dataDir,
        format,
        join(dir, `${fmtN(size)}-${format}.duckdb`),
        options.importRounds ?? (size > 10_000_000 ? 1 : 3),
      );
      row.imports.push(figures);
      process.stderr.write(`import ${fmtN(size)} ${format}: ${fmtMs(figures.oursMs)} vs read ${fmtMs(figures.baselineMs)}\n`);
      if (format === options.formats[0]) csvWorkspace = figures.workspace;
    }
    if (csvWorkspace) row.queries = await benchQueries(csvWorkspace, options.repeats);
    rows.push(row);
  }
  console.log(report(rows));
  if (options.json) writeFileSync(options.json, JSON.stringify(rows, null, 2));
  return options.check ? checkGuards(rows) : 0;
}

function report(rows: Row[]): string {
  const lines = [
    `Pinsight benchmark, ${new Date().toISOString().slice(0, 10)}, ${process.platform} ${process.arch}, Node ${process.version}`,
    '',
  ];
  lines.push('| events | format | import (ours, with cleaning) | plain DuckDB read | ratio (>= 0.7) | rows/s |');
  lines.push('|---:|---|---:|---:|---:|---:|');
  for (const r of rows) {
    for (const i of r.imports) {
      lines.push(
        `| ${fmtN(r.size)} | ${i.format} | ${fmtMs(i.oursMs)} | ${fmtMs(i.baselineMs)} | ${(i.baselineMs / i.oursMs).toFixed(2)}x | ${Math.round(r.size / (i.oursMs / 1000)).toLocaleString('en-US')} |`,
      );
    }
  }
  lines.push('', '| events | view (median of filter changes) | ours | naive SQL on raw events | speed-up |', '|---:|---|---:|---:|---:|');
  for (const r of rows) {
    if (!r.queries) continue;
    for (const v of r.queries.views)
      lines.push(`| ${fmtN(r.size)} | ${v.name} | ${fmtMs(v.oursMs)} | ${fmtMs(v.naiveMs)} | ${(v.naiveMs / v.oursMs).toFixed(1)}x |`);
  }
  lines.push('', '| events | open workspace + overview | peak RSS |', '|---:|---:|---:|');
  for (const r of rows)
    if (r.queries) lines.push(`| ${fmtN(r.size)} | ${fmtMs(r.queries.openMs)} | ${Math.round(r.queries.peakRssMiB)} MiB |`);
  return lines.join('\n');
}

/**
 * CI's regression guard: ratios only, never absolute times. The bounds sit at about half of the ratios measured at
 * 1M events (README, Performance), so that noise passes and a real regression (2x slower) fails.
 */
const IMPORT_GUARD = 0.4;

function checkGuards(rows: Row[]): number {
  const failures: string[] = [];
  for (const r of rows) {
    for (const i of r.imports)
      if (i.baselineMs / i.oursMs < IMPORT_GUARD)
        failures.push(`import ${i.format} ratio ${(i.baselineMs / i.oursMs).toFixed(2)} < ${IMPORT_GUARD}`);
    for (const v of r.queries?.views ?? [])
      if (v.guard && v.naiveMs / v.oursMs < v.guard) failures.push(`${v.name}: speed-up ${(v.naiveMs / v.oursMs).toFixed(2)} < ${v.guard}`);
  }
  for (const f of failures) console.error(`bench guard failed: ${f}`);
  if (!failures.length) console.log('bench guards: all ratios within bounds');
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
