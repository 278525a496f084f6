/** Electron entry: opens the workspace (the demo on first start) and shows the window. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { appDataDir, defaultWorkspacePath } from '../engine/app-paths';
import { Workspace } from '../engine/db/workspace';
import { generateDemo } from '../engine/demo/generate-demo';
import { engineApi } from '../engine/engine-api';
import { PinsightEngine } from '../engine/pinsight-engine';
import { AppPreferences } from '../engine/workbench/app-preferences';
import { startDesktopApp } from './desktop-app';

const here = dirname(fileURLToPath(import.meta.url));
let engine: PinsightEngine | undefined;
const preferences = new AppPreferences(appDataDir());

void startDesktopApp(electron, {
  preloadPath: join(here, '../preload/index.cjs'),
  rendererDir: join(here, '../renderer'),
  preferences,
  windowStateFile: join(appDataDir(), 'window-state.json'),
  argv: process.argv.slice(1),
  devUrl: process.env.ELECTRON_RENDERER_URL,
  async openApi(named) {
    const path = named ? resolve(named) : (process.env.PINSIGHT_WORKSPACE ?? defaultWorkspacePath());
    if (!named && !existsSync(path)) {
      const ws = await Workspace.open(path);
      await generateDemo(ws).finally(() => ws.close());
    }
    engine = await PinsightEngine.open(path);
    engine.enableAudienceIndexes();
    return { api: engineApi(engine, preferences), workspacePath: path };
  },
  onQuit: () => engine?.shutdown(),
}).catch((e: unknown) => {
  electron.dialog.showErrorBox('Pinsight cannot start', e instanceof Error ? e.message : String(e));
  electron.app.exit(1);
});
