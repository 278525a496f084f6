import { useEffect } from 'react';
import { LOCALES, type Locale } from '../../shared/ui-strings';
import { runMenuCommand } from './store/menu-commands';
import { FilterPanel } from './components/FilterPanel';
import { StatusMessage } from './components/StatusMessage';
import { WorkspaceMenu } from './components/WorkspaceMenu';
import { useStrings } from './i18n/use-strings';
import { useAppStore } from './store/app-store';
import type { ViewName } from './store/ui-slice';
import { ImportView } from './views/ImportView';
import { LegacyView } from './views/LegacyView';
import { OverviewView } from './views/OverviewView';
import { PinStatsPanel } from './views/PinStatsPanel';
import { TopListView } from './views/TopListView';
import { VideoView } from './views/VideoView';
import { ReconcilePanel } from './views/ReconcilePanel';
import { BoardPanel } from './views/BoardPanel';
import { SavedViewsMenu } from './components/SavedViewsMenu';
import { ViewTabs } from './components/ViewTabs';

function CurrentView({ view }: { view: ViewName }) {
  switch (view) {
    case 'overview':
      return <OverviewView />;
    case 'top-pins':
      return <TopListView kind="pins" />;
    case 'top-boards':
      return <TopListView kind="boards" />;
    case 'video':
      return <VideoView />;
    case 'legacy':
      return <LegacyView />;
    case 'import':
      return <ImportView />;
  }
}

export function App() {
  const { t, locale } = useStrings();
  const workspaceError = useAppStore((s) => s.workspaceError);
  const theme = useAppStore((s) => s.theme);
  const view = useAppStore((s) => s.view);
  const { loadWorkspace, setLocale, setTheme } = useAppStore.getState();

  useEffect(() => {
    void loadWorkspace();
    void useAppStore.getState().loadPreferences();
  }, [loadWorkspace]);

  // The desktop app's native menu, and workspaces its main process opened (menu, double-clicked files).
  useEffect(() => {
    window.pinsight?.onMenu?.((command) => runMenuCommand(command, useAppStore.getState()));
    window.pinsight?.onWorkspaceOpened?.(() => void useAppStore.getState().loadWorkspace());
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = locale;
  }, [theme, locale]);

  const workspace = useAppStore((s) => s.workspace);
  const selectedPin = useAppStore((s) => s.selectedPin);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appName')}</h1>
        <ViewTabs />
        <div className="header-tools">
          <SavedViewsMenu />
          <WorkspaceMenu />
          <label>
            <span className="label-text">{t('language')}</span>
            <select data-testid="locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {l === 'en' ? 'English' : 'Svenska'}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            data-testid="theme-toggle"
            title={theme === 'light' ? t('dark') : t('light')}
            onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}
          >
            <span className="icon" aria-hidden="true">
              {theme === 'light' ? '☾' : '☀'}
            </span>
            <span className="label-text">{theme === 'light' ? t('dark') : t('light')}</span>
          </button>
        </div>
      </header>
      <FilterPanel />
      <main className="content">
        <div id="view-panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
          {workspace?.readOnly && (
            <p className="status status-warning" role="status" data-testid="read-only">
              {t('readOnlyWorkspace').replace('{reason}', workspace.readOnly)}
            </p>
          )}
          {workspaceError ? (
            <StatusMessage kind="error" error={workspaceError} onRetry={() => void loadWorkspace()} />
          ) : (
            <CurrentView view={view} />
          )}
        </div>
      </main>
      {/* A Pin opened from a board's panel shows over it; closing the Pin returns to the board. */}
      <PinStatsPanel />
      {!selectedPin && <BoardPanel />}
      <ReconcilePanel />
    </div>
  );
}
