/** Saved views of the workspace: save the current view under a name, open, rename or delete one. */
import { useCallback, useRef, useState } from 'react';
import { SAVED_VIEW_NAME_MAX, type SavedView } from '../../../shared/preferences';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { useFocusTrap } from './use-focus-trap';
import { serveToken } from '../api/transport';
import { viewTextOf } from '../store/workbench-slice';

export function SavedViewsMenu() {
  const { t } = useStrings();
  const [open, setOpen] = useState(false);
  return (
    <div className="workspace-menu">
      <button
        type="button"
        data-testid="saved-views-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        title={t('savedViews')}
        onClick={() => setOpen(!open)}
      >
        <span className="icon" aria-hidden="true">
          ☆
        </span>
        <span className="label-text">{t('savedViews')}</span>
      </button>
      {open && <SavedViewsPopover onClose={() => setOpen(false)} />}
    </div>
  );
}

function SavedViewsPopover({ onClose }: { onClose: () => void }) {
  const { t } = useStrings();
  const views = useAppStore((s) => s.savedViews);
  const error = useAppStore((s) => s.savedViewsError);
  const { saveView } = useAppStore.getState();
  const [name, setName] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => onClose(), [onClose]);
  useFocusTrap(ref, close);
  const exists = views.some((v) => v.name.toLowerCase() === name.trim().toLowerCase());
  const save = async () => {
    if (name.trim() && (await saveView(name.trim()))) setName('');
  };
  return (
    <div ref={ref} className="workspace-popover saved-views" role="dialog" aria-modal="true" aria-label={t('savedViews')}>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="grow">
          <span>{t('saveViewAs')}</span>
          <input
            data-testid="saved-view-name"
            value={name}
            maxLength={SAVED_VIEW_NAME_MAX}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={exists ? 'saved-view-exists' : undefined}
            autoFocus
          />
        </label>
        <button type="submit" data-testid="saved-view-save" disabled={!name.trim()}>
          {t('saveView')}
        </button>
      </form>
      {exists && (
        <p className="muted" id="saved-view-exists">
          {t('viewReplaced')}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="saved-views-error">
          {error.message}
        </p>
      )}
      {!window.pinsight && <ViewLink />}
      <h4>{t('savedViews')}</h4>
      {views.length === 0 ? (
        <p className="muted" data-testid="saved-views-empty">
          {t('noSavedViews')}
        </p>
      ) : (
        <ul className="saved-view-list" data-testid="saved-views">
          {views.map((v) => (
            <SavedViewItem key={v.id} view={v} onOpened={close} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SavedViewItem({ view, onOpened }: { view: SavedView; onOpened: () => void }) {
  const { t, formatTime } = useStrings();
  const { openSavedView, renameSavedView, deleteSavedView } = useAppStore.getState();
  const [mode, setMode] = useState<'show' | 'rename' | 'delete'>('show');
  const [name, setName] = useState(view.name);
  if (mode === 'rename')
    return (
      <li>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void renameSavedView(view.id, name.trim()).then((ok) => ok && setMode('show'));
          }}
        >
          <input
            aria-label={t('viewName')}
            data-testid={`saved-view-rename-input-${view.id}`}
            value={name}
            maxLength={SAVED_VIEW_NAME_MAX}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <button type="submit" disabled={!name.trim()} data-testid={`saved-view-rename-ok-${view.id}`}>
            {t('rename')}
          </button>
          <button type="button" className="secondary" onClick={() => setMode('show')}>
            {t('cancel')}
          </button>
        </form>
      </li>
    );
  if (mode === 'delete')
    return (
      <li className="row">
        <span>{t('confirmDelete').replace('{name}', view.name)}</span>
        <button
          type="button"
          className="danger"
          data-testid={`saved-view-delete-ok-${view.id}`}
          onClick={() => void deleteSavedView(view.id)}
        >
          {t('delete')}
        </button>
        <button type="button" className="secondary" onClick={() => setMode('show')} autoFocus>
          {t('cancel')}
        </button>
      </li>
    );
  return (
    <li className="row">
      <button
        type="button"
        className="link grow"
        data-testid={`saved-view-${view.name}`}
        title={`${view.name} (${t('savedAt')} ${formatTime(view.savedAt)})`}
        onClick={() => {
          openSavedView(view);
          onOpened();
        }}
      >
        {view.name}
      </button>
      <button type="button" className="secondary" data-testid={`saved-view-rename-${view.id}`} onClick={() => setMode('rename')}>
        {t('rename')}
      </button>
      <button type="button" className="secondary" data-testid={`saved-view-delete-${view.id}`} onClick={() => setMode('delete')}>
        {t('delete')}
      </button>
    </li>
  );
}

/**
 * In the browser: a link to this view that another browser on this computer can open (the address bar's own
 * address has no access token: it is taken off the address when the page opens).
 */
function ViewLink() {
  const { t } = useStrings();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = () => {
    // The view on screen, not the address's fragment: its history entry is written a moment after a change.
    const state = viewTextOf(useAppStore.getState());
    const full = `${location.origin}${location.pathname}#token=${serveToken() ?? ''}${state ? `&${state}` : ''}`;
    setLink(full);
    void navigator.clipboard
      ?.writeText(full)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <div className="view-link">
      <button type="button" className="secondary" data-testid="copy-link" onClick={make}>
        {t('copyLink')}
      </button>
      {link && (
        <>
          <input readOnly aria-label={t('copyLink')} data-testid="view-link" value={link} onFocus={(e) => e.target.select()} />
          <p className="muted" role="status">
            {copied ? t('linkCopied') : t('linkSelect')}
          </p>
        </>
      )}
    </div>
  );
}
