/** ARCHITECTURE.md's table of who may import whom, as a test: a wrong import fails CI. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface Layer {
  dir: string;
  layers: string[];
  packages: string[];
  node: boolean;
}

const LAYERS: Record<string, Layer> = {
  shared: { dir: 'shared', layers: ['shared'], packages: ['zod'], node: false },
  engine: { dir: 'electron/engine', layers: ['shared', 'engine'], packages: ['@duckdb/node-api', 'apache-arrow'], node: true },
  main: { dir: 'electron/main', layers: ['shared', 'engine', 'main'], packages: ['electron'], node: true },
  preload: { dir: 'electron/preload', layers: ['shared', 'preload'], packages: ['electron'], node: false },
  cli: { dir: 'electron/cli', layers: ['shared', 'engine', 'cli'], packages: [], node: true },
  // The benchmark measures plain DuckDB as its baseline, so it may use the driver directly.
  bench: { dir: 'electron/bench', layers: ['shared', 'engine', 'bench'], packages: ['@duckdb/node-api'], node: true },
  renderer: {
    dir: 'renderer/src',
    layers: ['shared', 'renderer'],
    packages: ['react', 'react-dom', 'zustand', 'echarts', 'apache-arrow'],
    node: false,
  },
};

function layerOf(file: string): string | undefined {
  const rel = relative(ROOT, file).replaceAll('\\', '/');
  return Object.entries(LAYERS).find(([, l]) => rel.startsWith(`${l.dir}/`))?.[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export function violations(): string[] {
  const out: string[] = [];
  for (const [name, layer] of Object.entries(LAYERS)) {
    for (const file of sourceFiles(join(ROOT, layer.dir))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const where = `${relative(ROOT, file)} imports '${spec}'`;
        if (spec.startsWith('.')) {
          const target = layerOf(resolve(dirname(file), spec));
          if (!target || !layer.layers.includes(target)) out.push(`${where}: ${name} may not import ${target ?? 'outside the layers'}`);
        } else if (spec.startsWith('node:')) {
          if (!layer.node) out.push(`${where}: ${name} may not use Node built-ins`);
        } else if (!spec.endsWith('.css') && !layer.packages.includes(packageName(spec))) {
          out.push(`${where}: ${name} may not use the package ${packageName(spec)}`);
        }
      }
    }
  }
  return out;
}

/** Edges between folders: folder of a file -> folder of a file it imports (relative imports, other folders only). */
export function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const layer of Object.values(LAYERS)) {
    for (const file of sourceFiles(join(ROOT, layer.dir))) {
      const from = relative(ROOT, dirname(file)).replaceAll('\\', '/');
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const to = relative(ROOT, dirname(resolve(dirname(file), spec))).replaceAll('\\', '/');
        if (to === from) continue;
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
  }
  return edges;
}

/** Groups of folders that import each other, directly or round a longer loop (Tarjan's strongly connected components). */
export function folderCycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('layering (ARCHITECTURE.md)', () => {
  it('no two folders import each other, directly or round a loop', () => {
    expect(folderCycles(folderEdges())).toEqual([]);
  });

  it('finds folder loops of any length', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(folderCycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(folderCycles(new Map([['a', new Set(['b'])]]))).toEqual([]);
  });

  it('every import follows the table', () => {
    expect(violations()).toEqual([]);
  });

  it('finds the imports the check relies on', () => {
    const src = `import { a } from '../x';\nimport type { B } from "node:fs";\nexport * from './y';\nconst m = await import('zod');\nimport './side.css';`;
    expect(importsOf(src)).toEqual(['../x', 'node:fs', './y', 'zod', './side.css']);
  });

  it('the preload exposes only the contract and needs nothing but electron at run time', () => {
    const preload = readFileSync(join(ROOT, 'electron/preload/index.ts'), 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('pinsight'/);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
  });
});
