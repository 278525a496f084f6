/** Shared option definitions and their translation into a validated QuerySpec. */
import type { ParseArgsConfig } from 'node:util';
import { describeIssues } from '../../shared/api';
import { querySpecSchema, type QuerySpec, type ViewId } from '../../shared/query';

export class UsageError extends Error {}

export const WORKSPACE_OPTION = { workspace: { type: 'string', short: 'w' } } as const;

export const FILTER_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  'content-type': { type: 'string' },
  device: { type: 'string' },
  source: { type: 'string' },
  format: { type: 'string' },
  account: { type: 'string', multiple: true },
  'split-by': { type: 'string' },
  'sort-by': { type: 'string' },
  limit: { type: 'string' },
  granularity: { type: 'string' },
  pin: { type: 'string' },
  'as-of': { type: 'string' },
  'compare-from': { type: 'string' },
  'compare-to': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const FILTER_HELP = `Filters (all optional):
  --from YYYY-MM-DD, --to YYYY-MM-DD   inclusive range; default: the last 30 days of the data
  --content-type all|organic|paid      --device all|mobile|tablet|web
  --source all|yours|others            --format all|standard|video|carousel
  --account ID                         claimed account (repeatable)
  --split-by none|content-type|device|source|format
  --granularity day|week|month         series buckets (overview)
  --sort-by METRIC  --limit N          top lists (50 rows by default)
  --pin ID  --as-of ISO-TIME           Pin stats
  --compare-from YYYY-MM-DD --compare-to YYYY-MM-DD
                                       range B: the compare view, and top lists with both ranges`;

type FilterValues = { [K in keyof typeof FILTER_OPTIONS]?: (typeof FILTER_OPTIONS)[K] extends { multiple: true } ? string[] : string };

export function toQuerySpec(view: string, v: FilterValues): QuerySpec {
  const limit = v.limit === undefined ? undefined : Number(v.limit);
  if (v.limit !== undefined && !Number.isInteger(limit)) throw new UsageError(`--limit: expected a whole number, got "${v.limit}"`);
  const parsed = querySpecSchema.safeParse({
    view: view as ViewId,
    filters: {
      from: v.from,
      to: v.to,
      contentType: v['content-type'] ?? 'all',
      device: v.device ?? 'all',
      source: v.source ?? 'all',
      format: v.format ?? 'all',
      accounts: v.account ?? [],
    },
    splitBy: v['split-by'] ?? 'none',
    granularity: v.granularity ?? 'day',
    sortBy: v['sort-by'],
    limit,
    pinId: v.pin,
    asOf: v['as-of'],
    compare: v['compare-from'] || v['compare-to'] ? { from: v['compare-from'], to: v['compare-to'] } : undefined,
  });
  if (!parsed.success) throw new UsageError(cliWords(describeIssues(parsed.error)));
  return parsed.data;
}

/** Speaks of options the way the user typed them. */
function cliWords(message: string): string {
  return message
    .replace(/filters\.contentType/g, '--content-type')
    .replace(/filters\.accounts/g, '--account')
    .replace(/filters\.(\w+)/g, '--$1')
    .replace(/\bsplitBy\b/g, '--split-by')
    .replace(/\bsortBy\b/g, '--sort-by')
    .replace(/\bpinId\b/g, '--pin')
    .replace(/\basOf\b/g, '--as-of')
    .replace(/\bcompare\.from\b/g, '--compare-from')
    .replace(/\bcompare\.to\b/g, '--compare-to')
    .replace(/^compare:/, '--compare-from/--compare-to:')
    .replace(/^view:/, 'VIEW:');
}
