import { describe, expect, it } from 'vitest';
import { parseDay, parseDayRange, parseDurationSeconds, parseNumber } from '../../../electron/engine/ingest/analytics-export/parse-values';

describe('numbers as spreadsheets write them', () => {
  it.each([
    ['1,234', '.', 1234],
    ['1 234', ',', 1234],
    ['1\u00a0234', ',', 1234],
    ['1\u202f234\u202f567', ',', 1234567],
    ['1.234', ',', 1234],
    ['1.234', '.', 1234],
    ['12', '.', 12],
    ['0', ',', 0],
    ['1,234,567', '.', 1234567],
  ] as const)('count %s (decimal %s) = %d', (raw, dec, n) => expect(parseNumber(raw, dec)).toBe(n));

  it('reads decimals and percentages', () => {
    expect(parseNumber('3.5%', '.', 'ratio')).toBeCloseTo(0.035);
    expect(parseNumber('3,5 %', ',', 'ratio')).toBeCloseTo(0.035);
    expect(parseNumber('0.0712', '.', 'ratio')).toBeCloseTo(0.0712);
    expect(parseNumber('12,5', ',', 'seconds')).toBe(12.5);
    expect(parseNumber('1 234,5', ',', 'minutes')).toBe(1234.5);
    expect(parseNumber('1,234.5', '.', 'minutes')).toBe(1234.5);
  });

  it('reads empty cells as null and refuses garbage', () => {
    expect(parseNumber('', '.')).toBeNull();
    expect(parseNumber('–', ',')).toBeNull();
    expect(parseNumber('12abc', '.')).toBeUndefined();
    expect(parseNumber('1,2,3', '.', 'minutes')).toBeUndefined();
    expect(parseNumber('n/a', ',')).toBeUndefined();
  });
});

describe('durations', () => {
  it.each([
    ['0:42', 42],
    ['1:02:03', 3723],
    ['42 s', 42],
    ['42,5 s', 42.5],
    ['1 min 5 s', 65],
    ['2 h 3 min', 7380],
    ['17.4', 17.4],
  ] as const)('%s = %d s', (raw, s) => expect(parseDurationSeconds(raw, raw.includes(',') ? ',' : '.')).toBeCloseTo(s));

  it('refuses what is no duration', () => {
    expect(parseDurationSeconds('soon', '.')).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads the common forms', () => {
    expect(parseDay('2026-09-01')).toBe('2026-09-01');
    expect(parseDay('9/1/2026', 'en')).toBe('2026-09-01');
    expect(parseDay('1/9/2026', 'sv')).toBe('2026-09-01');
    expect(parseDay('1.9.2026', 'sv')).toBe('2026-09-01');
    expect(parseDay('Sep 1, 2026')).toBe('2026-09-01');
    expect(parseDay('1 okt 2026', 'sv')).toBe('2026-10-01');
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('Total')).toBeUndefined();
  });

  it('reads ranges', () => {
    expect(parseDayRange('2026-09-01 - 2026-09-30')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(parseDayRange('2026-09-01 – 2026-09-30')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(parseDayRange('Sep 1, 2026 to Sep 30, 2026')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(parseDayRange('2026-09-30 - 2026-09-01')).toBeUndefined();
  });
});
