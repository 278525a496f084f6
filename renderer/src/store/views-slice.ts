/**
 * Results of the views for the current filters. A filter change refreshes the view on screen only; the others
 * are marked stale and load when they are opened. Answers are kept in a small cache keyed by the request, so
 * returning to a view or a filter combination seen before is instant. Every request of the screen goes on one
 * channel: the engine drops a superseded one that waits and interrupts one that runs, and answers to superseded
 * requests are dropped here. The overview arrives in two steps: the figures, then the exact audiences.
 */
import type { StateCreator } from 'zustand';
import type { ApiError, ApiResult } from '../../../shared/api';
import { AUDIENCE_METRICS, type MetricId } from '../../../shared/metrics';
import type { QuerySpecInput } from '../../../shared/query';
import type { CompareResult, LegacyResult, OverviewResult, PinStatsResult, TopResult } from '../../../shared/results';
import { effectiveCompareRange } from './filters-slice';
import { withRows } from '../api/arrow-rows';
import { api } from '../api/transport';
import type { AppState } from './app-store';
import type { ViewName } from './ui-slice';

export type Loadable<T> =
  { status: 'idle' } | { status: 'loading'; previous?: T } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export interface ViewsSlice {
  overview: Loadable<OverviewResult>;
  comparison: Loadable<CompareResult>;
  /** True while the exact audiences of the overview are still on their way. */
  audiencePending: boolean;
  topPins: Loadable<TopResult>;
  topBoards: Loadable<TopResult>;
  videoTotals: Loadable<OverviewResult>;
  videoComparison: Loadable<CompareResult>;
  videoTop: Loadable<TopResult>;
  legacy: Loadable<LegacyResult>;
  pinStats: Loadable<PinStatsResult>;
  selectedPin: string | null;
  /** The board panel: a board's Pins for the current filters. */
  boardPins: Loadable<TopResult>;
  selectedBoard: string | null;
  topPinsSort: MetricId;
  topBoardsSort: MetricId;
  videoSort: MetricId;
  topLimit: number;
  generation: number;
  /** Views whose results are older than the current filters (loaded when opened). */
  staleViews: DataView[];
  refresh(): void;
  /** Loads the view if its results are stale (a view just opened). */
  loadIfStale(view: ViewName): void;
  setSort(view: 'topPins' | 'topBoards' | 'video', metric: MetricId): void;
  setTopLimit(limit: number): void;
  openPin(pinId: string | null): void;
  openBoard(boardId: string | null): void;
}

const idle = { status: 'idle' } as const;
const ARROW_ROWS_FROM = 1000;

type DataView = Exclude<ViewName, 'import'>;
const DATA_VIEWS: DataView[] = ['overview', 'top-pins', 'top-boards', 'video', 'legacy'];

/** Answers by request, for the open workspace (cleared when it changes or takes an import). */
const CACHE_SIZE = 64;
const resultCache = new Map<string, unknown>();
/**
 * Ranges whose figures last came with their audiences (the engine has the range's audience index): the next
 * overview of such a range asks for the figures alone, and for the audiences only if they do not come along.
 */
const indexedRanges = new Set<string>();
/** Audience requests of the overview that have not answered yet. */
let audiencesAsked = 0;
export function clearResultCache(): void {
  resultCache.clear();
  indexedRanges.clear();
}
function cached(key: string): unknown {
  const hit = resultCache.get(key);
  if (hit !== undefined) {
    resultCache.delete(key);
    resultCache.set(key, hit);
  }
  return hit;
}
function remember(key: string, value: unknown): void {
  resultCache.set(key, value);
  const oldest = resultCache.keys().next().value;
  if (resultCache.size > CACHE_SIZE && oldest !== undefined) resultCache.delete(oldest);
}
export const initialViews = {
  overview: idle,
  comparison: idle,
  audiencePending: false,
  topPins: idle,
  topBoards: idle,
  videoTotals: idle,
  videoComparison: idle,
  videoTop: idle,
  legacy: idle,
  pinStats: idle,
  selectedPin: null,
  boardPins: idle,
  selectedBoard: null,
  topPinsSort: 'impressions' as MetricId,
  topBoardsSort: 'impressions' as MetricId,
  videoSort: 'video_views' as MetricId,
  topLimit: 50,
  generation: 0,
  staleViews: [] as DataView[],
};

export function currentSpec(state: AppState, view: QuerySpecInput['view']): QuerySpecInput {
  return { view, filters: state.filters, splitBy: state.splitBy, granularity: state.granularity };
}

/** The spec of the view on screen, with range B when comparing: what an export of "this view" writes. */
export function screenSpec(state: AppState): QuerySpecInput {
  const compare = effectiveCompareRange(state);
  switch (state.view) {
    case 'top-pins':
      return { ...currentSpec(state, 'top-pins'), sortBy: state.topPinsSort, limit: state.topLimit, compare };
    case 'top-boards':
      return { ...currentSpec(state, 'top-boards'), sortBy: state.topBoardsSort, limit: state.topLimit, compare };
    case 'video':
      return { ...currentSpec(state, 'top-video-pins'), sortBy: state.videoSort, limit: state.topLimit, compare };
    case 'legacy':
      return { view: 'legacy', filters: {}, granularity: state.granularity };
    default:
      return compare ? { ...currentSpec(state, 'compare'), compare } : currentSpec(state, 'overview');
  }
}

type Key = 'overview' | 'comparison' | 'topPins' | 'topBoards' | 'videoTotals' | 'videoComparison' | 'videoTop' | 'legacy';
/** The view each result belongs to. */
const VIEW_OF: Record<Key, DataView> = {
  overview: 'overview',
  comparison: 'overview',
  topPins: 'top-pins',
  topBoards: 'top-boards',
  videoTotals: 'video',
  videoComparison: 'video',
  videoTop: 'video',
  legacy: 'legacy',
};

const loading = <T>(l: Loadable<T>): Loadable<T> => ({
  status: 'loading',
  previous: l.status === 'ready' ? l.data : l.status === 'loading' ? l.previous : undefined,
});

export const createViewsSlice: StateCreator<AppState, [], [], ViewsSlice> = (set, get) => {
  /** The latest request of each result: only it may load a superseded view again. */
  const latestLoad = new Map<Key, number>();
  /** The cache's key of a request: the workspace and the request itself. */
  const cacheKeyOf = (spec: QuerySpecInput) => `${get().workspace?.path ?? ''}|${JSON.stringify(spec)}`;
  /**
   * Runs a query and stores its answer under `key`, unless a newer refresh has started meanwhile; true when the
   * answer (or its error) is on screen.
   */
  const load = async <T>(
    key: Key,
    spec: QuerySpecInput,
    generation: number,
    /** More state to set with the answer, in the same update (so that no frame shows one without the other). */
    withAnswer?: (data: T) => Partial<AppState>,
  ): Promise<boolean> => {
    const cacheKey = cacheKeyOf(spec);
    const hit = cached(cacheKey);
    if (hit !== undefined) {
      set({ [key]: { status: 'ready', data: hit }, ...withAnswer?.(hit as T) } as Partial<AppState>);
      return true;
    }
    set({ [key]: loading(get()[key] as Loadable<unknown>) } as Partial<AppState>);
    const seq = (latestLoad.get(key) ?? 0) + 1;
    latestLoad.set(key, seq);
    // Long top lists travel as Arrow IPC bytes rather than JSON rows.
    const arrow = (spec.limit ?? 0) > ARROW_ROWS_FROM;
    const res = (await api.query({ ...spec, channel: 'screen', ...(arrow ? { transfer: 'arrow' as const } : {}) })) as ApiResult<T>;
    if (get().generation !== generation) return false;
    // A request the engine dropped because a newer one superseded it on the same channel. A newer one for the
    // same figures answers instead; one of another view (opened meanwhile) leaves this view to load again: now if
    // the analyst has come back to it already, else when it is opened.
    if (!res.ok && res.error.code === 'cancelled') {
      const view = VIEW_OF[key];
      if (latestLoad.get(key) !== seq) return false;
      if (get().view === view) void loaders[view](generation);
      else if (!get().staleViews.includes(view)) set({ staleViews: [...get().staleViews, view] });
      return false;
    }
    const data = res.ok && arrow ? (withRows(res.value as TopResult) as T) : res.ok ? res.value : undefined;
    if (res.ok) remember(cacheKey, data);
    set({
      [key]: res.ok ? { status: 'ready', data } : { status: 'error', error: res.error },
      ...(res.ok && withAnswer ? withAnswer(data as T) : {}),
    } as Partial<AppState>);
    return true;
  };
  /** The overview's audiences alone, merged into the figures on screen (and cached as the full answer). */
  const mergeAudiences = async (full: QuerySpecInput, res: ApiResult<unknown>, generation: number): Promise<void> => {
    if (get().generation !== generation || (!res.ok && res.error.code === 'cancelled')) return;
    const figures = get().overview;
    if (!res.ok) return set({ overview: { status: 'error', error: res.error } });
    if (figures.status !== 'ready') return;
    const audience = res.value as OverviewResult;
    const key = (p: { date: string; split: string | null }) => `${p.date}|${p.split ?? ''}`;
    const byKey = new Map(audience.series.map((p) => [key(p), p]));
    const pick = <T extends Partial<Record<MetricId, number | null>>>(
      into: T,
      from: Partial<Record<MetricId, number | null>> | undefined,
    ): T => {
      const out = { ...into };
      for (const id of AUDIENCE_METRICS) (out as Partial<Record<MetricId, number | null>>)[id] = from?.[id] ?? null;
      return out;
    };
    const merged: OverviewResult = {
      ...figures.data,
      totals: pick(figures.data.totals, audience.totals),
      // Without per-day audiences the series stays the same object: the chart has nothing to redraw.
      series: full.audienceSeries ? figures.data.series.map((p) => pick(p, byKey.get(key(p)))) : figures.data.series,
    };
    remember(cacheKeyOf(full), merged);
    set({ overview: { status: 'ready', data: merged } });
  };
  const hasCached = (spec: QuerySpecInput) => resultCache.has(cacheKeyOf(spec));

  const loaders: Record<Exclude<ViewName, 'import'>, (g: number) => Promise<unknown>> = {
    overview: async (g) => {
      const spec = currentSpec(get(), 'overview');
      const chartAudience = AUDIENCE_METRICS.includes(get().chartMetric);
      const full = { ...spec, audienceSeries: chartAudience };
      if (hasCached(full)) await load('overview', full, g, () => ({ audiencePending: false }));
      else {
        // The figures and the exact audiences (per day only when the chart shows one) are asked for at once, on
        // two channels. The figures bring the audience totals along when the range's audience index has them
        // (then everything shows at once); otherwise the tiles say the audiences are on their way, and they are
        // merged in when they follow. Until the figures come, the previous numbers stay, marked busy. A range
        // whose audiences came with its figures before is asked for the figures alone (one request, not two),
        // and for its audiences only if they do not come along (its index was dropped, or an import changed it).
        const { filters } = get();
        const range = `${get().workspace?.path ?? ''}|${filters.from ?? ''}|${filters.to ?? ''}`;
        const indexable = !chartAudience && !filters.accounts.length;
        let complete: OverviewResult | null = null;
        const figures = load('overview', { ...spec, skipAudience: true, audienceIfIndexed: !chartAudience }, g, (data: OverviewResult) => {
          complete = AUDIENCE_METRICS.every((id) => typeof data.totals[id] === 'number') ? data : null;
          return { audiencePending: !complete };
        });
        const askAudiences = async () => {
          audiencesAsked++;
          try {
            return await api.query({ ...full, audienceOnly: true, channel: 'screen-audience' });
          } finally {
            audiencesAsked--;
          }
        };
        // Asked at once all the same while an earlier click's audiences are still being counted: the new request
        // supersedes that one, whose scan the engine then stops.
        const audiences = indexable && indexedRanges.has(range) && !audiencesAsked ? null : askAudiences();
        if (!(await figures) || get().generation !== g) return;
        if (indexable) {
          if (complete) indexedRanges.add(range);
          else indexedRanges.delete(range);
          if (indexedRanges.size > CACHE_SIZE) indexedRanges.clear();
        }
        // Not asked again when the figures failed: their error is on screen.
        const failed = get().overview.status === 'error';
        const answered = complete || failed ? null : await (audiences ?? askAudiences());
        // The answer itself is the full one: kept under this request (never what the screen shows by then).
        if (complete) remember(cacheKeyOf(full), complete);
        else if (answered) await mergeAudiences(full, answered, g);
      }
      if (get().generation === g) set({ audiencePending: false });
      const compare = effectiveCompareRange(get());
      // Per-day audiences of A and B only when the chart shows one: the totals come from the ranges' indexes.
      if (compare) await load('comparison', { ...spec, view: 'compare', compare, audienceSeries: chartAudience }, g);
      else set({ comparison: idle });
    },
    'top-pins': (g) =>
      load(
        'topPins',
        { ...currentSpec(get(), 'top-pins'), sortBy: get().topPinsSort, limit: get().topLimit, compare: effectiveCompareRange(get()) },
        g,
      ),
    'top-boards': (g) =>
      load(
        'topBoards',
        { ...currentSpec(get(), 'top-boards'), sortBy: get().topBoardsSort, limit: get().topLimit, compare: effectiveCompareRange(get()) },
        g,
      ),
    video: async (g) => {
      const filters = { ...get().filters, format: 'video' as const };
      await load('videoTotals', { ...currentSpec(get(), 'overview'), filters, splitBy: 'none', skipAudience: true }, g);
      const compare = effectiveCompareRange(get());
      if (compare)
        await load('videoComparison', { ...currentSpec(get(), 'compare'), filters, splitBy: 'none', skipAudience: true, compare }, g);
      else set({ videoComparison: idle });
      await load(
        'videoTop',
        { ...currentSpec(get(), 'top-video-pins'), sortBy: get().videoSort, limit: get().topLimit, compare: effectiveCompareRange(get()) },
        g,
      );
    },
    legacy: (g) => load('legacy', { view: 'legacy', filters: {}, granularity: get().granularity }, g),
  };

  return {
    ...initialViews,
    refresh() {
      if (!get().workspace) return;
      const generation = get().generation + 1;
      const active = get().view;
      // The view on screen now; the others when they are opened.
      set({ generation, staleViews: DATA_VIEWS.filter((v) => v !== active) });
      if (active !== 'import') void loaders[active](generation);
      if (get().selectedPin) get().openPin(get().selectedPin);
      if (get().selectedBoard) get().openBoard(get().selectedBoard);
      get().reloadReconcile();
    },
    loadIfStale(view) {
      if (view === 'import' || !get().staleViews.includes(view) || !get().workspace) return;
      set({ staleViews: get().staleViews.filter((v) => v !== view) });
      void loaders[view](get().generation);
    },
    setSort(view, metric) {
      if (view === 'topPins') set({ topPinsSort: metric });
      else if (view === 'topBoards') set({ topBoardsSort: metric });
      else set({ videoSort: metric });
      const g = get().generation;
      void loaders[view === 'topPins' ? 'top-pins' : view === 'topBoards' ? 'top-boards' : 'video'](g);
    },
    setTopLimit(topLimit) {
      set({ topLimit });
      get().refresh();
    },
    openBoard(boardId) {
      set({ selectedBoard: boardId, boardPins: boardId ? loading(get().boardPins) : idle });
      if (!boardId) return;
      const spec: QuerySpecInput = { ...currentSpec(get(), 'top-pins'), boardId, sortBy: get().topPinsSort, limit: 500 };
      const hit = cached(cacheKeyOf(spec));
      if (hit !== undefined) return set({ boardPins: { status: 'ready', data: hit as TopResult } });
      void api.query(spec).then((res) => {
        if (get().selectedBoard !== boardId) return;
        if (res.ok) remember(cacheKeyOf(spec), res.value);
        set({ boardPins: res.ok ? { status: 'ready', data: res.value as TopResult } : { status: 'error', error: res.error } });
      });
    },
    openPin(pinId) {
      set({ selectedPin: pinId, pinStats: pinId ? loading(get().pinStats) : idle });
      if (!pinId) return;
      const { filters } = get();
      // Pin stats apply the dimension filters, not the date range or accounts (pin-stats-query.ts).
      void api.query({ view: 'pin', pinId, filters: { ...filters, from: undefined, to: undefined, accounts: [] } }).then((res) => {
        if (get().selectedPin !== pinId) return;
        set({ pinStats: res.ok ? { status: 'ready', data: res.value as PinStatsResult } : { status: 'error', error: res.error } });
      });
    },
  };
};
