/**
 * The desktop app's native menu, in the page: views, the theme, and the commands that components carry out
 * themselves (choose files to import, open the export dialog), which reach them as window events.
 */
import type { MenuCommand } from '../../../shared/ipc-channel';
import type { AppState } from './app-store';
import type { ViewName } from './ui-slice';

export const CHOOSE_FILES_EVENT = 'pinsight:choose-files';
export const OPEN_EXPORT_EVENT = 'pinsight:open-export';

export function runMenuCommand(command: MenuCommand, state: AppState): void {
  if (command.startsWith('view:')) return state.setView(command.slice(5) as ViewName);
  switch (command) {
    case 'toggle-theme':
      return state.setTheme(state.theme === 'light' ? 'dark' : 'light');
    case 'import-files':
      state.setView('import');
      // The Import view mounts first, then hears the event.
      setTimeout(() => window.dispatchEvent(new Event(CHOOSE_FILES_EVENT)), 0);
      return;
    case 'export-view':
      if (state.view === 'import') state.setView('overview');
      setTimeout(() => window.dispatchEvent(new Event(OPEN_EXPORT_EVENT)), 0);
      return;
  }
}
