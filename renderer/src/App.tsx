import { useEffect } from 'react';
import type { StringKey } from '../../shared/ui-strings';
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

const TABS: { view: ViewName; label: StringKey }[] = [
  { view: 'overview', label: 'overview' },
  { view: 'top-pins', label: 'topPins' },
  { view: 'top-boards', label: 'topBoards' },
  { view: 'video', label: 'video' },
  { view: 'legacy', label: 'legacy' },
  { view: 'import', label: 'import' },
];

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
  const { loadWorkspace, setLocale, setTheme, setView } = useAppStore.getState();

  useEffect(() => {
    void loadWorkspace();
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

  // Alt+1 … Alt+6 switch views.
  const workspace = useAppStore((s) => s.workspace);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const n = Number(e.key);
      const tab = e.altKey ? TABS[n - 1] : undefined;
      if (tab && n >= 1) {
        setView(tab.view);
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appName')}</h1>
        <nav className="tabs" role="tablist">
          {TABS.map((tab, i) => (
            <button
              key={tab.view}
              role="tab"
              aria-selected={view === tab.view}
              title={`Alt+${i + 1}`}
              data-testid={`tab-${tab.view}`}
              onClick={() => setView(tab.view)}
            >
              {t(tab.label)}
            </button>
          ))}
        </nav>
        <div className="header-tools">
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
          <button type="button" data-testid="theme-toggle" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
            {theme === 'light' ? t('dark') : t('light')}
          </button>
        </div>
      </header>
      <FilterPanel />
      <main className="content">
        {workspace?.readOnly && (
          <p className="status status-warning" role="status" data-testid="read-only">
            {t('readOnlyWorkspace').replace('{reason}', workspace.readOnly)}
          </p>
        )}
        {workspaceError ? (
          <StatusMessage kind="error" message={workspaceError.message} onRetry={() => void loadWorkspace()} />
        ) : (
          <CurrentView view={view} />
        )}
      </main>
      <PinStatsPanel />
      <ReconcilePanel />
    </div>
  );
}
