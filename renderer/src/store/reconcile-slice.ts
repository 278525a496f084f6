/** The "How this is counted" panel: which figure it was opened for, and the steps for the current filters. */
import type { StateCreator } from 'zustand';
import type { MetricId } from '../../../shared/metrics';
import type { ReconcileResult } from '../../../shared/results';
import { api } from '../api/transport';
import type { AppState } from './app-store';
import type { Loadable } from './views-slice';

export type ReconcileFigure = MetricId | 'events';

export interface ReconcileSlice {
  reconcile: Loadable<ReconcileResult>;
  /** The figure the panel was opened for, or null when it is closed. */
  reconcileFor: ReconcileFigure | null;
  /** The Pin whose group the panel counts (opened from the Pin panel), or null for the whole view. */
  reconcilePin: string | null;
  /** Opens the panel for a figure; with a Pin, for that Pin's group over every day with data. */
  openReconcile(figure: ReconcileFigure, pinId?: string | null): void;
  closeReconcile(): void;
  /** Loads the steps again for the current filters (when the panel is open). */
  reloadReconcile(): void;
}

export const initialReconcile: Pick<ReconcileSlice, 'reconcile' | 'reconcileFor' | 'reconcilePin'> = {
  reconcile: { status: 'idle' },
  reconcileFor: null,
  reconcilePin: null,
};

export const createReconcileSlice: StateCreator<AppState, [], [], ReconcileSlice> = (set, get) => ({
  ...initialReconcile,
  openReconcile(figure, pinId) {
    set({ reconcileFor: figure, ...(pinId !== undefined ? { reconcilePin: pinId } : {}) });
    get().reloadReconcile();
  },
  closeReconcile() {
    set({ reconcileFor: null, reconcilePin: null, reconcile: { status: 'idle' } });
  },
  reloadReconcile() {
    if (get().reconcileFor === null) return;
    const { filters, reconcilePin: pinId, options } = get();
    set({ reconcile: { status: 'loading' } });
    // A Pin's group over every day with data, with the dimension filters (as its Pin stats).
    const spec =
      pinId === null
        ? { view: 'reconcile' as const, filters }
        : {
            view: 'reconcile' as const,
            pinId,
            filters: { ...filters, from: options?.firstDay ?? undefined, to: options?.lastDay ?? undefined, accounts: [] },
          };
    void api.query({ ...spec, channel: 'reconcile' }).then((res) => {
      // An answer for filters that changed meanwhile, or for a panel closed meanwhile, is not wanted.
      if (get().filters !== filters || get().reconcileFor === null) return;
      if (!res.ok && res.error.code === 'cancelled') return;
      set({ reconcile: res.ok ? { status: 'ready', data: res.value as ReconcileResult } : { status: 'error', error: res.error } });
    });
  },
});
