/**
 * Issue 15, what the workbench remembers: saved views live in the workspace file (they travel with it and
 * survive a reopen), names are unique whatever their case, and the app's preferences (theme, language, recent
 * workspaces) live in its app-data folder, the same for every host of the API.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchCall } from '../../shared/api';
import { engineApi } from '../../electron/engine/engine-api';
import { PinsightEngine } from '../../electron/engine/pinsight-engine';
import { AppPreferences } from '../../electron/engine/workbench/app-preferences';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir();

describe('saved views', () => {
  it('are saved, listed by name, renamed, replaced by name, deleted, and kept in the workspace file', async () => {
    const path = join(dir, 'views.duckdb');
    const engine = await PinsightEngine.open(path);
    expect(await engine.savedViews()).toEqual([]);
    await engine.saveView('Mobile video', 'view=video&device=mobile');
    const list = await engine.saveView('all paid', 'content-type=paid');
    expect(list.map((v) => [v.name, v.state])).toEqual([
      ['all paid', 'content-type=paid'],
      ['Mobile video', 'view=video&device=mobile'],
    ]);
    expect(list[0]?.savedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The same name in another case replaces the state (and takes the new spelling).
    const replaced = await engine.saveView('MOBILE VIDEO', 'view=video&device=tablet');
    expect(replaced.map((v) => [v.name, v.state])).toEqual([
      ['all paid', 'content-type=paid'],
      ['MOBILE VIDEO', 'view=video&device=tablet'],
    ]);
    const paid = replaced[0]!.id;
    await expect(engine.renameSavedView(paid, 'mobile video')).rejects.toThrow('Another saved view is already called "mobile video".');
    await expect(engine.renameSavedView(999, 'x')).rejects.toThrow('There is no saved view 999');
    expect((await engine.renameSavedView(paid, 'Paid, all devices')).map((v) => v.name)).toEqual(['MOBILE VIDEO', 'Paid, all devices']);
    engine.close();

    // A copy of the file carries its views; deleting in one leaves the other.
    copyFileSync(path, join(dir, 'views-copy.duckdb'));
    const reopened = await PinsightEngine.open(path);
    expect((await reopened.savedViews()).map((v) => v.name)).toEqual(['MOBILE VIDEO', 'Paid, all devices']);
    expect((await reopened.deleteSavedView(paid)).map((v) => v.name)).toEqual(['MOBILE VIDEO']);
    reopened.close();
    const copy = await PinsightEngine.open(join(dir, 'views-copy.duckdb'));
    expect((await copy.savedViews()).map((v) => v.name)).toEqual(['MOBILE VIDEO', 'Paid, all devices']);
    copy.close();
  });

  it('refuses empty and overlong names and states at the API boundary', async () => {
    const engine = await PinsightEngine.open(join(dir, 'api.duckdb'));
    const api = engineApi(engine);
    expect(await dispatchCall(api, 'saveView', { name: '   ', state: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: 'saveView: name: a saved view needs a name' },
    });
    expect(await dispatchCall(api, 'saveView', { name: 'x'.repeat(81), state: '' })).toMatchObject({ ok: false });
    expect(await dispatchCall(api, 'saveView', { name: 'ok', state: 'x'.repeat(4001) })).toMatchObject({ ok: false });
    expect(await dispatchCall(api, 'saveView', { name: ' Trimmed ', state: 'view=legacy' })).toMatchObject({
      ok: true,
      value: [{ name: 'Trimmed', state: 'view=legacy' }],
    });
    engine.close();
  });
});

describe('app preferences', () => {
  it('keep theme, language and recent workspaces in the app-data folder, shared by every API host', async () => {
    const appData = join(dir, 'app-data');
    const engine = await PinsightEngine.open(join(dir, 'first.duckdb'));
    const api = engineApi(engine, new AppPreferences(appData));
    expect(await dispatchCall(api, 'getPreferences', undefined)).toEqual({
      ok: true,
      value: { theme: null, locale: null, recentWorkspaces: [join(dir, 'first.duckdb')] },
    });
    expect(await dispatchCall(api, 'setPreferences', { theme: 'dark' })).toMatchObject({
      ok: true,
      value: { theme: 'dark', locale: null },
    });
    expect(await dispatchCall(api, 'setPreferences', { locale: 'sv' })).toMatchObject({ ok: true, value: { theme: 'dark', locale: 'sv' } });
    expect(await dispatchCall(api, 'setPreferences', { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatchCall(api, 'openWorkspace', { path: join(dir, 'second.duckdb'), create: true })).toMatchObject({ ok: true });
    engine.close();

    // Another host (the desktop app, or a second `serve`) reads the same folder.
    const again = new AppPreferences(appData).read();
    expect(again).toEqual({ theme: 'dark', locale: 'sv', recentWorkspaces: [join(dir, 'second.duckdb'), join(dir, 'first.duckdb')] });
    expect(JSON.parse(readFileSync(join(appData, 'preferences.json'), 'utf8'))).toEqual({ theme: 'dark', locale: 'sv' });
  });

  it('a damaged preferences file counts as empty, never as an error', () => {
    const appData = join(dir, 'damaged');
    const prefs = new AppPreferences(appData);
    prefs.update({ theme: 'light' });
    writeFileSync(join(appData, 'preferences.json'), '{not json');
    writeFileSync(join(appData, 'recent-workspaces.json'), '{"a": 1}');
    expect(prefs.read()).toEqual({ theme: null, locale: null, recentWorkspaces: [] });
    expect(new AppPreferences(null).read()).toEqual({ theme: null, locale: null, recentWorkspaces: [] });
    expect(existsSync(join(appData, 'preferences.json.tmp'))).toBe(false);
  });
});
