/**
 * A modal dialog's keyboard behaviour (WAI-ARIA dialog pattern): focus moves into the dialog when it opens,
 * Tab and Shift+Tab stay inside it, Esc closes it from anywhere, and focus returns to what opened it.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

/** The dialogs open now, by the order they opened in: only the last one opened takes Esc and Tab. */
const open = new Set<number>();
let opened = 0;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function useFocusTrap(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  // What had focus at the first render, before the dialog's own autofocus moved it.
  const openerRef = useRef(document.activeElement as HTMLElement | null);
  const [order] = useState(() => ++opened);
  useEffect(() => {
    const opener = openerRef.current;
    const root = ref.current;
    if (!root) return;
    open.add(order);
    const items = () =>
      [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (!root.contains(document.activeElement)) (root.querySelector<HTMLElement>('[autofocus]') ?? items()[0] ?? root).focus();
    const onKey = (e: KeyboardEvent) => {
      // A dialog opened over this one (the Pin panel's "How this is counted") takes the key alone.
      if (Math.max(...open) !== order) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
        return;
      }
      if (e.key !== 'Tab') return;
      const list = items();
      const first = list[0];
      const last = list[list.length - 1];
      if (!first || !last) return;
      if (!root.contains(document.activeElement)) {
        e.preventDefault();
        first.focus();
      } else if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      open.delete(order);
      document.removeEventListener('keydown', onKey, true);
      opener?.focus?.();
    };
  }, [ref, onClose, order]);
}
