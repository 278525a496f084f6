import { useEffect } from 'react';
import { LOCALES, type Locale } from '../../shared/ui-strings';
import { FilterPanel } from './components/FilterPanel';
import { StatusMessage } from './components/StatusMessage';
import { useStrings } from './i18n/use-strings';
import { useAppStore } from './store/app-store';
import type { ViewName } from './store/ui-slice';
import { OverviewView } from './views/OverviewView';

const TABS: { view: ViewName; label: 'overview' }[] = [{ view: 'overview', label: 'overview' }];

export function App() {
  const { t, locale } = useStrings();
  const workspace = useAppStore((s) => s.workspace);
  const workspaceError = useAppStore((s) => s.workspaceError);
  const theme = useAppStore((s) => s.theme);
  const view = useAppStore((s) => s.view);
  const { loadWorkspace, setLocale, setTheme, setView } = useAppStore.getState();

  useEffect(() => {
    void loadWorkspace();
  }, [loadWorkspace]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = locale;
  }, [theme, locale]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appName')}</h1>
        <nav className="tabs" role="tablist">
          {TABS.map((tab) => (
            <button key={tab.view} role="tab" aria-selected={view === tab.view} data-testid={`tab-${tab.view}`} onClick={() => setView(tab.view)}>
              {t(tab.label)}
            </button>
          ))}
        </nav>
        <div className="header-tools">
          <span className="workspace-path" title={workspace?.path} data-testid="workspace-path">
            {workspace?.path.split(/[\\/]/).pop()}
          </span>
          <label>
            {t('language')}
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
        {workspaceError ? <StatusMessage kind="error" message={workspaceError.message} onRetry={() => void loadWorkspace()} /> : <OverviewView />}
      </main>
    </div>
  );
}
