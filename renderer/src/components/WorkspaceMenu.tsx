/** New, open and recent workspaces. */
import { useState } from 'react';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';

export function WorkspaceMenu() {
  const { t, errorHeadline } = useStrings();
  const workspace = useAppStore((s) => s.workspace);
  const recent = useAppStore((s) => s.recent);
  const openError = useAppStore((s) => s.openError);
  const { openWorkspace } = useAppStore.getState();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  // In the desktop app, workspaces are chosen in native dialogs (the main process grants only those).
  const choose = window.pinsight?.chooseWorkspace;
  const viaDialog = (mode: 'open' | 'new') =>
    void choose?.(mode).then(async (p) => {
      if (p && (await openWorkspace(p, mode === 'new'))) setOpen(false);
    });
  return (
    <div className="workspace-menu">
      <button type="button" data-testid="workspace-button" aria-expanded={open} onClick={() => setOpen(!open)} title={workspace?.path}>
        {t('workspace')}: <span data-testid="workspace-path">{workspace?.path.split(/[\\/]/).pop() ?? '…'}</span>
      </button>
      {open && (
        <div
          className="workspace-popover"
          role="dialog"
          aria-label={t('workspace')}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {choose ? (
            <div className="row">
              <button type="button" data-testid="workspace-open-dialog" onClick={() => viaDialog('open')} autoFocus>
                {t('openWorkspace')}…
              </button>
              <button type="button" data-testid="workspace-new-dialog" onClick={() => viaDialog('new')}>
                {t('newWorkspace')}…
              </button>
            </div>
          ) : (
            <input
              data-testid="workspace-input"
              value={path}
              placeholder={t('workspacePathPlaceholder')}
              onChange={(e) => setPath(e.target.value)}
              autoFocus
            />
          )}
          <div className="row" hidden={Boolean(choose)}>
            <button
              type="button"
              data-testid="workspace-open"
              disabled={!path.trim()}
              onClick={() => void openWorkspace(path.trim(), false).then((ok) => ok && setOpen(false))}
            >
              {t('openWorkspace')}
            </button>
            <button
              type="button"
              data-testid="workspace-new"
              disabled={!path.trim()}
              onClick={() => void openWorkspace(path.trim(), true).then((ok) => ok && setOpen(false))}
            >
              {t('newWorkspace')}
            </button>
          </div>
          {openError && (
            <p className="field-error" role="alert" data-testid="workspace-error">
              <strong>{errorHeadline(openError.code)}</strong> <span lang="en">{openError.message}</span>
            </p>
          )}
          {recent.length > 0 && (
            <>
              <h4>{t('recent')}</h4>
              <ul>
                {recent.map((p) => (
                  <li key={p}>
                    <button type="button" className="link" onClick={() => void openWorkspace(p, false).then((ok) => ok && setOpen(false))}>
                      {p}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
