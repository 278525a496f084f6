/** Results of the views, fetched for the current filters. Answers to superseded requests are dropped. */
import type { StateCreator } from 'zustand';
import type { ApiError } from '../../../shared/api';
import type { QuerySpecInput } from '../../../shared/query';
import type { OverviewResult } from '../../../shared/results';
import { api } from '../api/transport';
import type { AppState } from './app-store';

export type Loadable<T> = { status: 'idle' } | { status: 'loading'; previous?: T } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export interface ViewsSlice {
  overview: Loadable<OverviewResult>;
  /** Bumped by every refresh; an answer is kept only if it belongs to the latest one. */
  generation: number;
  refresh(): void;
}

export const initialViews = { overview: { status: 'idle' } as Loadable<OverviewResult>, generation: 0 };

export function currentSpec(state: AppState, view: QuerySpecInput['view']): QuerySpecInput {
  return { view, filters: state.filters, splitBy: state.splitBy, granularity: state.granularity };
}

export const createViewsSlice: StateCreator<AppState, [], [], ViewsSlice> = (set, get) => ({
  ...initialViews,
  refresh() {
    if (!get().workspace) return;
    const generation = get().generation + 1;
    const previous = get().overview;
    set({ generation, overview: { status: 'loading', previous: previous.status === 'ready' ? previous.data : undefined } });
    void api.query(currentSpec(get(), 'overview')).then((res) => {
      if (get().generation !== generation) return;
      set({ overview: res.ok ? { status: 'ready', data: res.value as OverviewResult } : { status: 'error', error: res.error } });
    });
  },
});
