/** What the app remembers across workspaces (app-data folder), and the saved views a workspace carries. */
import { z } from 'zod';

export const preferencesChangeSchema = z
  .object({ theme: z.enum(['light', 'dark']).optional(), locale: z.enum(['en', 'sv']).optional() })
  .strict();
export type PreferencesChange = z.infer<typeof preferencesChangeSchema>;

export interface Preferences {
  theme: 'light' | 'dark' | null;
  locale: 'en' | 'sv' | null;
  /** Newest first; the workspaces this app opened, on this machine. */
  recentWorkspaces: string[];
}

export const SAVED_VIEW_NAME_MAX = 80;
/** A view's state as the app writes it in the address (renderer/src/store/view-state.ts). */
export const SAVED_VIEW_STATE_MAX = 4000;

const viewName = z
  .string()
  .trim()
  .min(1, 'a saved view needs a name')
  .max(SAVED_VIEW_NAME_MAX, `a saved view's name has at most ${SAVED_VIEW_NAME_MAX} characters`);
const viewId = z.number().int().min(1).max(2_000_000_000);

export const saveViewSchema = z.object({ name: viewName, state: z.string().max(SAVED_VIEW_STATE_MAX) }).strict();
export const renameViewSchema = z.object({ id: viewId, name: viewName }).strict();
export const deleteViewSchema = z.object({ id: viewId }).strict();

export interface SavedView {
  id: number;
  name: string;
  state: string;
  /** ISO time of the last save. */
  savedAt: string;
}
