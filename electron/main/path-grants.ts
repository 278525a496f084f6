/**
 * Which files the page may have the engine read or write, in the desktop app. The page is treated as
 * untrusted: it may import only files the user chose in a native dialog or dropped on the window, export only
 * to a path the user chose in the save dialog (which asked before replacing a file), and open only a workspace
 * chosen in a dialog, the one open at start, or one of the app's recent workspaces. The main process keeps
 * these grants; a page that names any other path is refused.
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ApiResult, ApiHandlers } from '../../shared/api';

const canonical = (p: string): string => {
  const abs = resolve(p);
  return existsSync(abs) ? realpathSync(abs) : abs;
};

export class PathGrants {
  private readonly read = new Set<string>();
  private readonly write = new Set<string>();
  private readonly workspaces = new Set<string>();
  private readonly newWorkspaces = new Set<string>();

  /** `recentWorkspaces`: the app's recent workspaces (app-data preferences), which the page may open again. */
  constructor(recentWorkspaces: string[] = []) {
    for (const p of recentWorkspaces) this.workspaces.add(canonical(p));
  }

  /** Files or folders the user chose to import (a folder grants what is inside it). */
  grantRead(paths: string[]): void {
    for (const p of paths) this.read.add(canonical(p));
  }

  grantWrite(path: string): void {
    this.write.add(canonical(path));
  }

  grantWorkspace(path: string, create = false): void {
    (create ? this.newWorkspaces : this.workspaces).add(canonical(path));
  }

  mayRead(path: string): boolean {
    const p = canonical(path);
    return [...this.read].some((g) => p === g || p.startsWith(g + sep));
  }

  mayWrite(path: string): boolean {
    return this.write.has(canonical(path));
  }

  mayOpen(path: string, create: boolean): boolean {
    const p = canonical(path);
    return this.workspaces.has(p) || (create && this.newWorkspaces.has(p));
  }

  /** A workspace that opened may be opened again (the engine's API puts it in the recent list). */
  opened(path: string): void {
    this.workspaces.add(canonical(path));
  }
}

const refused = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'invalid-argument', message } });

/** The API as the desktop page may use it: file paths only as granted. */
export function guardApi(api: ApiHandlers, grants: PathGrants): ApiHandlers {
  const ungranted = (paths: string[]) => {
    const p = paths.find((path) => !grants.mayRead(path));
    return p === undefined ? null : refused(`${p} was not chosen in a dialog: choose it with "Choose files…" or drop it on the window`);
  };
  const unchosen = (out: string) =>
    grants.mayWrite(out) ? null : refused(`Choose where to save the export in the save dialog (${out} was not chosen there)`);
  return {
    ...api,
    importFiles: async (a) => ungranted(a.paths) ?? api.importFiles(a),
    startImport: async (a) => ungranted(a.paths) ?? api.startImport(a),
    // The save dialog asked before replacing an existing file: a granted path may be replaced.
    exportView: async (a) => unchosen(a.out) ?? api.exportView({ ...a, overwrite: true }),
    startExport: async (a) => unchosen(a.out) ?? api.startExport({ ...a, overwrite: true }),
    openWorkspace: async (a) => {
      if (!grants.mayOpen(a.path, a.create)) return refused(`Choose the workspace in the open dialog (${a.path} was not chosen there)`);
      const r = await api.openWorkspace(a);
      if (r.ok) grants.opened(a.path);
      return r;
    },
  };
}
