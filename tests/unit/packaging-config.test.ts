/** Issue 18: what the packaged app will hold, read from the electron-builder configuration, and its icons. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(join(ROOT, 'electron-builder.config.cjs')) as {
  files: string[];
  asarUnpack: string[];
  linux: { target: string[]; icon: string; files: string[] };
  mac: { target: { target: string; arch: string[] }[]; icon: string; files: string[] };
  win: { target: { target: string; arch: string[] }[]; icon: string; files: string[] };
  fileAssociations: { ext: string[]; role: string }[];
  electronFuses: Record<string, boolean>;
  npmRebuild: boolean;
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** electron-builder's rule: a file is packed when a positive pattern matches and no later negative one does. */
function packed(file: string, patterns: string[]): boolean {
  let keep = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (matchesGlob(file, p.slice(1))) keep = false;
    } else if (matchesGlob(file, p)) keep = true;
  }
  return keep;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('packaging configuration', () => {
  it('packs the built app and nothing of the sources or tests', () => {
    const candidates: Record<string, boolean> = {
      'package.json': true,
      [pkg.main]: true,
      'out/main/chunks/pinsight-engine-abc.js': true,
      'out/preload/index.cjs': true,
      'out/renderer/index.html': true,
      'out/renderer/assets/index-abc.js': true,
      'out/main/bench.js': false,
      'out/main/index.js.map': false,
      'tests/unit/packaging-config.test.ts': false,
      'electron/main/desktop-app.ts': false,
      'renderer/src/App.tsx': false,
      'shared/api.ts': false,
      'README.md': false,
      'bench-data/1m.csv': false,
    };
    for (const [file, expected] of Object.entries(candidates)) expect(packed(file, config.files), file).toBe(expected);
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('unpacks the DuckDB binding from the asar, and each platform keeps only its own binding', () => {
    expect(config.asarUnpack.some((p) => matchesGlob('node_modules/@duckdb/node-bindings-linux-x64/duckdb.node', p))).toBe(true);
    expect(config.npmRebuild).toBe(false);
    const bindings = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'].map(
      (b) => `node_modules/@duckdb/node-bindings-${b}/duckdb.node`,
    );
    const kept = (platform: 'linux' | 'mac' | 'win') => bindings.filter((f) => packed(f, ['node_modules/**', ...config[platform].files]));
    expect(kept('linux')).toEqual(bindings.slice(0, 2));
    expect(kept('mac')).toEqual(bindings.slice(2, 4));
    expect(kept('win')).toEqual(bindings.slice(4));
  });

  it('builds the installers of the three platforms, with a workspace file type and fuses', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.fileAssociations[0]).toMatchObject({ ext: ['pinsight', 'duckdb'], role: 'Editor' });
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.config.cjs');
    for (const p of ['linux', 'mac', 'win']) expect(pkg.scripts[`dist:${p}`]).toContain(`--${p}`);
    // Pinned, like every dependency.
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('every icon size exists at its size, made from the source SVG', () => {
    expect(readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8')).toContain('<svg');
    expect(pngSize(join(ROOT, config.mac.icon))).toEqual([1024, 1024]);
    expect(config.win.icon).toBe(config.mac.icon);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
      expect(pngSize(join(ROOT, config.linux.icon, `${size}x${size}.png`)), `${size}px`).toEqual([size, size]);
  });
});
