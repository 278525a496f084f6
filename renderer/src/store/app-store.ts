/** One store combined from small slices. Components read it; API calls live in slice actions. */
import { create } from 'zustand';
import { createFiltersSlice, initialFilters, type FiltersSlice } from './filters-slice';
import { createImportSlice, initialImport, type ImportSlice } from './import-slice';
import { createReconcileSlice, initialReconcile, type ReconcileSlice } from './reconcile-slice';
import { createUiSlice, initialUi, type UiSlice } from './ui-slice';
import { createViewsSlice, initialViews, type ViewsSlice } from './views-slice';
import { createWorkbenchSlice, initialWorkbench, type WorkbenchSlice } from './workbench-slice';
import { createWorkspaceSlice, initialWorkspace, type WorkspaceSlice } from './workspace-slice';

export type AppState = FiltersSlice & WorkspaceSlice & ViewsSlice & UiSlice & ImportSlice & ReconcileSlice & WorkbenchSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createFiltersSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createViewsSlice(...a),
  ...createUiSlice(...a),
  ...createImportSlice(...a),
  ...createReconcileSlice(...a),
  ...createWorkbenchSlice(...a),
}));

/** Initial data state, for tests that reset the store. */
export const initialAppState = {
  ...initialFilters,
  ...initialWorkspace,
  ...initialViews,
  ...initialUi,
  ...initialImport,
  ...initialReconcile,
  ...initialWorkbench,
};
