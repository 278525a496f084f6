/** The names of the API contract's calls. Free of dependencies, so the sandboxed preload can bundle it. */
export const API_METHODS = [
  'getWorkspace',
  'openWorkspace',
  'filterOptions',
  'query',
  'importFiles',
  'startImport',
  'importStatus',
  'cancelImport',
  'importHistory',
  'removeImport',
  'exportView',
  'startExport',
  'exportStatus',
  'cancelExport',
  'getPreferences',
  'setPreferences',
  'savedViews',
  'saveView',
  'renameSavedView',
  'deleteSavedView',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}
