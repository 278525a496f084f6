/**
 * Values as people's spreadsheets write them: "1,234", "1 234" (space, no-break space), "1.234", decimal
 * commas, percentages ("3.5%", "3,5 %"), durations ("0:42", "1:02:03", "12 s", "1 min 5 s") and dates.
 * Every parser returns undefined when it cannot read the value, so the caller can say where and why.
 */
import { isSupportedDay } from '../../../../shared/dates';
import type { MetricUnit } from '../../../../shared/metrics';

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/** A plain number with a known decimal mark; undefined when unreadable. */
export function parseNumber(raw: string, decimal: '.' | ',', unit: MetricUnit = 'count'): number | null | undefined {
  let s = raw.replace(SPACES, '');
  if (s === '' || s === '-' || s === '–' || s === '—') return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  const negative = s.startsWith('-') || s.startsWith('\u2212');
  if (negative) s = s.slice(1);
  let n: number | undefined;
  if (/^\d{1,3}([.,]\d{3})+$/.test(s) && unit === 'count' && !percent) {
    // Grouped thousands in a count: "1,234", "1.234", "1.234.567".
    n = Number(s.replace(/[.,]/g, ''));
  } else {
    const grouping = decimal === '.' ? ',' : '.';
    const [whole = '', frac, ...rest] = s.split(decimal);
    if (rest.length) return undefined;
    if (whole.includes(grouping) && !new RegExp(`^\\d{1,3}(\\${grouping}\\d{3})+$`).test(whole)) return undefined;
    const digits = whole.replaceAll(grouping, '');
    if (!/^\d*$/.test(digits) || (frac !== undefined && !/^\d+$/.test(frac)) || (digits === '' && frac === undefined)) return undefined;
    n = Number(`${digits || '0'}${frac !== undefined ? `.${frac}` : ''}`);
  }
  if (!Number.isFinite(n)) return undefined;
  if (negative) n = -n;
  return percent || unit === 'ratio' ? (percent ? n / 100 : n) : n;
}

/** A duration in seconds: "42", "0:42", "1:02:03", "42 s", "42,5 s", "1 min 5 s", "2 h 3 min". */
export function parseDurationSeconds(raw: string, decimal: '.' | ','): number | null | undefined {
  const s = raw.trim().toLowerCase();
  if (s === '' || s === '-' || s === '–') return null;
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(s);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? undefined : Number(clock[3])];
    return c === undefined ? a * 60 + b : a * 3600 + b * 60 + c;
  }
  const unitRe = /(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|tim(?:mar)?|t|min|mins|minutes?|minuter|m|s|sec|secs|seconds?|sek|sekunder)\b/g;
  let total = 0;
  let matched = '';
  for (const m of s.matchAll(unitRe)) {
    const [, amount = '', u = ''] = m;
    const value = parseNumber(amount, amount.includes(',') ? ',' : decimal, 'seconds');
    if (value === undefined || value === null) return undefined;
    total += /^(h|hr|hrs|hours?|tim|timmar|t)$/.test(u) ? value * 3600 : /^(min|mins|minutes?|minuter|m)$/.test(u) ? value * 60 : value;
    matched += m[0];
  }
  if (matched && s.replace(/\s+/g, '') === matched.replace(/\s+/g, '')) return total;
  const plain = parseNumber(s, decimal, 'seconds');
  return plain;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  maj: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  okt: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = `${y}-${pad(m)}-${pad(d)}`;
  // Days outside the supported dates are unreadable, like impossible ones: the import names their line.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && isSupportedDay(day) ? day : undefined;
}

/** A calendar day: ISO (2026-09-01), US (9/1/2026), European (1.9.2026, 1/9/2026 in Swedish files), or "Sep 1, 2026". */
export function parseDay(raw: string, language: 'en' | 'sv' = 'en'): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const usStyle = language === 'en' && s.includes('/');
    return usStyle ? isoDay(y, a, b) : isoDay(y, b, a);
  }
  m = /^([A-Za-zåäö]{3})[a-zåäö]*\.? (\d{1,2}),? (\d{4})$/i.exec(s);
  const monthOf = (name: string | undefined) => MONTHS[(name ?? '').toLowerCase()];
  let month = m ? monthOf(m[1]) : undefined;
  if (m && month) return isoDay(Number(m[3]), month, Number(m[2]));
  m = /^(\d{1,2}) ([A-Za-zåäö]{3})[a-zåäö]*\.? (\d{4})$/i.exec(s);
  month = m ? monthOf(m[2]) : undefined;
  if (m && month) return isoDay(Number(m[3]), month, Number(m[1]));
  return undefined;
}

/** "2026-09-01 - 2026-09-30", "2026-09-01 – 2026-09-30", "Sep 1, 2026 to Sep 30, 2026". */
export function parseDayRange(raw: string, language: 'en' | 'sv' = 'en'): { from: string; to: string } | undefined {
  const parts = raw.split(/\s+(?:-|–|—|to|till)\s+|\s*[–—]\s*/);
  if (parts.length !== 2) {
    const iso = /^(\d{4}-\d{2}-\d{2})\s*-\s*(\d{4}-\d{2}-\d{2})$/.exec(raw.trim());
    if (!iso) return undefined;
    parts.splice(0, parts.length, iso[1] ?? '', iso[2] ?? '');
  }
  const from = parseDay(parts[0] ?? '', language);
  const to = parseDay(parts[1] ?? '', language);
  return from && to && from <= to ? { from, to } : undefined;
}
