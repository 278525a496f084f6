/**
 * The native application menu: File (new, open, open recent, import, export), Edit, View (the six views, zoom,
 * full screen, theme), Help (metric definitions, about), with each platform's conventions (the app menu and
 * Cmd shortcuts on macOS, Ctrl elsewhere: CmdOrCtrl). Commands that concern the page go to it as MenuCommands.
 */
import { basename } from 'node:path';
import type * as Electron from 'electron';
import type { MenuCommand } from '../../shared/ipc-channel';

export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(path: string): void;
  /** A command for the page. */
  send(command: MenuCommand): void;
  showMetricDefinitions(): void;
  showAbout(): void;
}

const VIEWS: [MenuCommand, string][] = [
  ['view:overview', 'Overview'],
  ['view:top-pins', 'Top Pins'],
  ['view:top-boards', 'Top boards'],
  ['view:video', 'Video'],
  ['view:legacy', 'Legacy'],
  ['view:import', 'Import'],
];

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform, recent: string[]): Electron.MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: Electron.MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      {
        label: 'Open Recent',
        submenu: recent.length
          ? recent.map((p) => ({ label: basename(p), toolTip: p, click: () => actions.openRecent(p) }))
          : [{ label: 'No recent workspaces', enabled: false }],
      },
      { type: 'separator' },
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => actions.send('import-files') },
      { label: 'Export View…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export-view') },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'Exit' },
    ],
  };
  const view: Electron.MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...VIEWS.map(([command, label], i): Electron.MenuItemConstructorOptions => ({
        label,
        accelerator: `CmdOrCtrl+${i + 1}`,
        click: () => actions.send(command),
      })),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { label: 'Toggle Dark Theme', accelerator: 'CmdOrCtrl+Shift+D', click: () => actions.send('toggle-theme') },
    ],
  };
  const help: Electron.MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Metric Definitions', click: () => actions.showMetricDefinitions() },
      ...(mac ? [] : [{ label: 'About Pinsight', click: () => actions.showAbout() }]),
    ],
  };
  return [
    ...(mac
      ? [
          {
            label: 'Pinsight',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } as Electron.MenuItemConstructorOptions,
        ]
      : []),
    file,
    { role: 'editMenu' },
    view,
    ...(mac ? [{ role: 'windowMenu' } as Electron.MenuItemConstructorOptions] : []),
    help,
  ];
}
