/** The window's size and position, remembered in app-data between runs. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

const MIN = { width: 1024, height: 700 };

export function loadWindowBounds(file: string | undefined, fallback: WindowBounds): WindowBounds {
  if (!file || !existsSync(file)) return fallback;
  try {
    const b = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowBounds>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const width = num(b.width);
    const height = num(b.height);
    if (!width || !height) return fallback;
    return {
      x: num(b.x),
      y: num(b.y),
      width: Math.max(MIN.width, width),
      height: Math.max(MIN.height, height),
      maximized: b.maximized === true,
    };
  } catch {
    return fallback;
  }
}

export function saveWindowBounds(file: string | undefined, bounds: WindowBounds): void {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(bounds));
}
