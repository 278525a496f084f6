/**
 * Everything that defines what is on screen, as one plain object, and its text form for the address's fragment
 * and for saved views (`view=top-pins&preset=last90&device=mobile&pin=123`). Only values that differ from the
 * defaults are written; reading fills the rest with defaults, so an address with fewer keys resets the others.
 * Unknown keys and values that are not valid are ignored (an old or edited link still opens).
 */
import { COMPARE_PRESETS, type ComparePreset } from '../../../shared/compare';
import { isSupportedDay } from '../../../shared/dates';
import { DATE_PRESETS, type DatePreset } from '../../../shared/date-presets';
import { allChoices, DIMENSION_IDS, DIMENSIONS, type DimensionChoice, type DimensionId } from '../../../shared/dimensions';
import { SPLITS, type SplitBy } from '../../../shared/filters';
import { isMetricId, TOP_SORT_METRICS, VIDEO_SORT_METRICS, type MetricId } from '../../../shared/metrics';
import { GRANULARITIES, type Granularity } from '../../../shared/query';

/** The row limits the top lists offer (a link may hold only these: the control must be able to show it). */
export const TOP_LIMITS = [50, 100, 500, 1000, 5000] as const;

export const VIEW_NAMES = ['overview', 'top-pins', 'top-boards', 'video', 'legacy', 'import'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface ViewState {
  view: ViewName;
  preset: DatePreset;
  /** The range when the preset is custom (a preset's range follows the data's latest day). */
  from: string | null;
  to: string | null;
  choices: { [D in DimensionId]: DimensionChoice<D> };
  accounts: string[];
  splitBy: SplitBy;
  granularity: Granularity;
  chartMetric: MetricId;
  compare: { enabled: boolean; preset: ComparePreset; from: string | null; to: string | null; perDay: boolean };
  topPinsSort: MetricId;
  topBoardsSort: MetricId;
  videoSort: MetricId;
  topLimit: number;
  pin: string | null;
  board: string | null;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  view: 'overview',
  preset: 'last30',
  from: null,
  to: null,
  choices: allChoices(),
  accounts: [],
  splitBy: 'none',
  granularity: 'day',
  chartMetric: 'impressions',
  compare: { enabled: false, preset: 'previous', from: null, to: null, perDay: false },
  topPinsSort: 'impressions',
  topBoardsSort: 'impressions',
  videoSort: 'video_views',
  topLimit: 50,
  pin: null,
  board: null,
};

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? list.find((x) => x === v) : undefined;
const day = (v: string | null): string | null => (v !== null && isSupportedDay(v) ? v : null);
const metric = (v: string | null, among?: readonly MetricId[]): MetricId | undefined =>
  v !== null && isMetricId(v) && (!among || among.includes(v)) ? v : undefined;
const id = (v: string | null): string | null => (v && v.length <= 200 ? v : null);
const choiceOf = <D extends DimensionId>(d: D, v: string | null): DimensionChoice<D> =>
  oneOf<DimensionChoice<D>>(['all', ...DIMENSIONS[d].values], v) ?? 'all';

/** The fragment's text (with or without '#') as a view state; what is missing or invalid is the default. */
export function parseViewState(text: string): ViewState {
  const p = new URLSearchParams(text.replace(/^#/, ''));
  const d = DEFAULT_VIEW_STATE;
  const limit = Number(p.get('limit'));
  const choices = { ...d.choices };
  for (const dim of DIMENSION_IDS) Object.assign(choices, { [dim]: choiceOf(dim, p.get(DIMENSIONS[dim].flag)) });
  let from = day(p.get('from'));
  let to = day(p.get('to'));
  if (from && to && from > to) [from, to] = [null, null];
  const preset = oneOf(DATE_PRESETS, p.get('preset')) ?? (from && to ? 'custom' : d.preset);
  const comparePreset = oneOf(COMPARE_PRESETS, p.get('compare'));
  return {
    view: oneOf(VIEW_NAMES, p.get('view')) ?? d.view,
    preset: preset === 'custom' && !(from && to) ? d.preset : preset,
    from: preset === 'custom' ? from : null,
    to: preset === 'custom' ? to : null,
    choices,
    accounts: (p.get('accounts') ?? '')
      .split(',')
      .filter((a) => a && a.length <= 200)
      .slice(0, 100),
    splitBy: oneOf(SPLITS, p.get('split')) ?? d.splitBy,
    granularity: oneOf(GRANULARITIES, p.get('interval')) ?? d.granularity,
    chartMetric: metric(p.get('metric')) ?? d.chartMetric,
    compare: {
      enabled: comparePreset !== undefined,
      preset: comparePreset ?? d.compare.preset,
      from: comparePreset === 'custom' ? day(p.get('bfrom')) : null,
      to: comparePreset === 'custom' ? day(p.get('bto')) : null,
      perDay: comparePreset !== undefined && p.get('perday') === '1',
    },
    // Only what the sort and row controls offer, so that the controls always show what the list does.
    topPinsSort: metric(p.get('pinsort'), TOP_SORT_METRICS) ?? d.topPinsSort,
    topBoardsSort: metric(p.get('boardsort'), TOP_SORT_METRICS) ?? d.topBoardsSort,
    videoSort: metric(p.get('videosort'), VIDEO_SORT_METRICS) ?? d.videoSort,
    topLimit: TOP_LIMITS.find((l) => l === limit) ?? d.topLimit,
    pin: id(p.get('pin')),
    board: id(p.get('board')),
  };
}

/** The view state as fragment text (no '#'): only what differs from the defaults, in a fixed order. */
export function formatViewState(s: ViewState): string {
  const d = DEFAULT_VIEW_STATE;
  const p = new URLSearchParams();
  const put = (key: string, value: string | number | null, fallback: string | number | null) => {
    if (value !== null && value !== fallback) p.set(key, String(value));
  };
  put('view', s.view, d.view);
  put('preset', s.preset, d.preset);
  if (s.preset === 'custom') {
    put('from', s.from, null);
    put('to', s.to, null);
  }
  for (const dim of DIMENSION_IDS) put(DIMENSIONS[dim].flag, s.choices[dim], 'all');
  put('accounts', s.accounts.join(','), '');
  put('split', s.splitBy, d.splitBy);
  put('interval', s.granularity, d.granularity);
  put('metric', s.chartMetric, d.chartMetric);
  if (s.compare.enabled) {
    p.set('compare', s.compare.preset);
    if (s.compare.preset === 'custom') {
      put('bfrom', s.compare.from, null);
      put('bto', s.compare.to, null);
    }
    if (s.compare.perDay) p.set('perday', '1');
  }
  put('pinsort', s.topPinsSort, d.topPinsSort);
  put('boardsort', s.topBoardsSort, d.topBoardsSort);
  put('videosort', s.videoSort, d.videoSort);
  put('limit', s.topLimit, d.topLimit);
  put('pin', s.pin, null);
  put('board', s.board, null);
  return p.toString();
}

/** An address's view text as the app writes it (unknown keys and values dropped, defaults left out). */
export function canonicalViewText(text: string): string {
  return formatViewState(parseViewState(text));
}
