/** Shared option definitions and their translation into a validated QuerySpec. */
import type { ParseArgsConfig } from 'node:util';
import { describeIssues } from '../../../shared/api';
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from '../../../shared/dimensions';
import { querySpecSchema, type QuerySpec, type ViewId } from '../../../shared/query';

export class UsageError extends Error {}

export const WORKSPACE_OPTION = { workspace: { type: 'string', short: 'w' } } as const;

/** One string option per registry dimension: `--content-type`, or `--export-content-type` with a prefix. */
export function dimensionOptions(prefix = ''): Record<string, { type: 'string' }> {
  return Object.fromEntries(DIMENSION_IDS.map((id) => [`${prefix}${DIMENSIONS[id].flag}`, { type: 'string' as const }]));
}

/** The dimensions' values as the options gave them (undefined where not given). */
export function dimensionValues(values: Record<string, unknown>, prefix = ''): Partial<Record<DimensionId, string>> {
  const given = DIMENSION_IDS.map((id) => [id, values[`${prefix}${DIMENSIONS[id].flag}`]] as const);
  return Object.fromEntries(given.filter((e): e is readonly [DimensionId, string] => typeof e[1] === 'string'));
}

/** Help lines for the dimension options, two to a line. */
export function dimensionHelp(prefix = ''): string {
  const entries = DIMENSION_IDS.map((id) => `--${prefix}${DIMENSIONS[id].flag} ${['all', ...DIMENSIONS[id].values].join('|')}`);
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 2)
    lines.push(
      `  ${entries
        .slice(i, i + 2)
        .map((e, j) => (j === 0 ? `${e.padEnd(36)} ` : e))
        .join('')}`.trimEnd(),
    );
  return lines.join('\n');
}

export const FILTER_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  ...dimensionOptions(),
  account: { type: 'string', multiple: true },
  'split-by': { type: 'string' },
  'sort-by': { type: 'string' },
  limit: { type: 'string' },
  granularity: { type: 'string' },
  pin: { type: 'string' },
  board: { type: 'string' },
  'as-of': { type: 'string' },
  'compare-from': { type: 'string' },
  'compare-to': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const FILTER_HELP = `Filters (all optional):
  --from YYYY-MM-DD, --to YYYY-MM-DD   inclusive range; default: the last 30 days of the data
${dimensionHelp()}
  --account ID                         claimed account (repeatable)
  --split-by none|content-type|device|source|format
  --granularity day|week|month         series buckets (overview)
  --sort-by METRIC  --limit N          top lists (50 rows by default)
  --board ID                           top-pins: the Pins of one board
  --pin ID  --as-of ISO-TIME           Pin stats
  --compare-from YYYY-MM-DD --compare-to YYYY-MM-DD
                                       range B: the compare view, and top lists with both ranges`;

type FilterValues = {
  [K in keyof typeof FILTER_OPTIONS]?: (typeof FILTER_OPTIONS)[K] extends { multiple: true } ? string[] : string;
} & Record<string, unknown>;

export function toQuerySpec(view: string, v: FilterValues): QuerySpec {
  const limit = v.limit === undefined ? undefined : Number(v.limit);
  if (v.limit !== undefined && !Number.isInteger(limit)) throw new UsageError(`--limit: expected a whole number, got "${v.limit}"`);
  const parsed = querySpecSchema.safeParse({
    view: view as ViewId,
    filters: {
      from: v.from,
      to: v.to,
      ...dimensionValues(v),
      accounts: v.account ?? [],
    },
    splitBy: v['split-by'] ?? 'none',
    granularity: v.granularity ?? 'day',
    sortBy: v['sort-by'],
    limit,
    pinId: v.pin,
    boardId: v.board,
    asOf: v['as-of'],
    compare: v['compare-from'] || v['compare-to'] ? { from: v['compare-from'], to: v['compare-to'] } : undefined,
  });
  if (!parsed.success) throw new UsageError(cliWords(describeIssues(parsed.error)));
  return parsed.data;
}

/** Speaks of options the way the user typed them. */
function cliWords(message: string): string {
  return message
    .replace(/filters\.(\w+)/g, (word, key: string) => (key in DIMENSIONS ? `--${DIMENSIONS[key as DimensionId].flag}` : word))
    .replace(/filters\.accounts/g, '--account')
    .replace(/filters\.(\w+)/g, '--$1')
    .replace(/\bsplitBy\b/g, '--split-by')
    .replace(/\bsortBy\b/g, '--sort-by')
    .replace(/\bpinId\b/g, '--pin')
    .replace(/\bboardId\b/g, '--board')
    .replace(/\basOf\b/g, '--as-of')
    .replace(/\bcompare\.from\b/g, '--compare-from')
    .replace(/\bcompare\.to\b/g, '--compare-to')
    .replace(/^compare:/, '--compare-from/--compare-to:')
    .replace(/^view:/, 'VIEW:');
}
