/** Where the desktop app keeps its files; the CLI and `serve` use the same places. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Pinsight';

/** The same folder Electron's app.getPath('userData') names for this app. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PINSIGHT_HOME) return env.PINSIGHT_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(appDataDir(env), 'demo-workspace.duckdb');
}
