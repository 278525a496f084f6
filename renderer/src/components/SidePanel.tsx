/** A panel over the right side (Pin stats, a board's Pins): a modal dialog that keeps focus and closes on Esc. */
import { useRef, type ReactNode } from 'react';
import { useStrings } from '../i18n/use-strings';
import { useFocusTrap } from './use-focus-trap';

export function SidePanel({
  title,
  testId,
  onClose,
  wide,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  /** Room for a table of several columns (the board's Pins). */
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useStrings();
  const ref = useRef<HTMLElement>(null);
  // Callers pass a stable onClose (useCallback): the focus trap is set up once.
  useFocusTrap(ref, onClose);
  return (
    <section
      ref={ref}
      className={`pin-panel${wide ? ' wide' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label={title}
      data-testid={testId}
    >
      <div className="pin-panel-head">
        <h2>{title}</h2>
        <button type="button" onClick={onClose} data-testid={`${testId.replace(/-panel$/, '')}-close`} autoFocus>
          {t('close')}
        </button>
      </div>
      {children}
    </section>
  );
}
