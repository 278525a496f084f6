/** The one IPC channel between the renderer's preload and the main process. */
export const IPC_CHANNEL = 'pinsight:call';

/** Asks the main process to show the native "open files" dialog; answers the chosen paths. */
export const CHOOSE_FILES_CHANNEL = 'pinsight:choose-files';

/** Asks the main process to show the native "save as" dialog for an export; answers the path or null. */
export const CHOOSE_SAVE_PATH_CHANNEL = 'pinsight:choose-save-path';

/** Asks the main process to show the dialog that opens (or creates) a workspace; answers the path or null. */
export const CHOOSE_WORKSPACE_CHANNEL = 'pinsight:choose-workspace';

/** The preload tells the main process the path of a file the user dropped on the window (a read grant). */
export const DROPPED_FILE_CHANNEL = 'pinsight:dropped-file';

/** Main -> page: an application menu command the page carries out (a view, the export dialog, the theme). */
export const MENU_CHANNEL = 'pinsight:menu';

/** Main -> page: the main process opened another workspace (menu, a double-clicked file, a second launch). */
export const WORKSPACE_OPENED_CHANNEL = 'pinsight:workspace-opened';

/** What the application menu asks of the page. */
export const MENU_COMMANDS = [
  'view:overview',
  'view:top-pins',
  'view:top-boards',
  'view:video',
  'view:legacy',
  'view:import',
  'import-files',
  'export-view',
  'toggle-theme',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
