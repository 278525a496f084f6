/**
 * The view tabs, as the WAI-ARIA tabs pattern: one tab stop (the selected tab), Left/Right/Home/End move between
 * tabs and open them, the view below is their tab panel. Alt+1 … Alt+6 open a view from anywhere.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { StringKey } from '../../../shared/ui-strings';
import { rovingIndex } from './roving-index';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import type { ViewName } from '../store/view-state';

export const TABS: { view: ViewName; label: StringKey }[] = [
  { view: 'overview', label: 'overview' },
  { view: 'top-pins', label: 'topPins' },
  { view: 'top-boards', label: 'topBoards' },
  { view: 'video', label: 'video' },
  { view: 'legacy', label: 'legacy' },
  { view: 'import', label: 'import' },
];

export function ViewTabs() {
  const { t } = useStrings();
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const n = Number(e.key);
      const tab = e.altKey && n >= 1 ? TABS[n - 1] : undefined;
      if (!tab) return;
      setView(tab.view);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);

  const onArrow = (e: KeyboardEvent<HTMLDivElement>) => {
    const to = rovingIndex(
      e.key,
      TABS.findIndex((tab) => tab.view === view),
      TABS.length,
      false,
    );
    const next = to === null ? undefined : TABS[to];
    if (!next) return;
    e.preventDefault();
    setView(next.view);
    list.current?.querySelector<HTMLElement>(`#tab-${next.view}`)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('viewsTabs')} ref={list} onKeyDown={onArrow}>
      {TABS.map((tab, i) => (
        <button
          key={tab.view}
          id={`tab-${tab.view}`}
          type="button"
          role="tab"
          aria-selected={view === tab.view}
          aria-controls="view-panel"
          tabIndex={view === tab.view ? 0 : -1}
          title={`Alt+${i + 1}`}
          data-testid={`tab-${tab.view}`}
          onClick={() => setView(tab.view)}
        >
          {t(tab.label)}
        </button>
      ))}
    </div>
  );
}
