/**
 * A segmented choice as a WAI-ARIA radio group: one tab stop (the checked option), arrow keys move the choice,
 * Home and End go to the first and last. `disabled` greys the whole group out with its reason on hover.
 */
import { useRef, type KeyboardEvent } from 'react';
import { rovingIndex } from './roving-index';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  /** The option has no data here (still selectable, but looks it). */
  empty?: boolean;
  title?: string;
  testId?: string;
}

export function RadioGroup<V extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  testId,
}: {
  label: string;
  value: V;
  options: RadioOption<V>[];
  onChange: (value: V) => void;
  /** Why the group does not apply here, or nothing when it does. */
  disabled?: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const index = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const to = rovingIndex(e.key, index, options.length, true);
    const next = to === null ? undefined : options[to];
    if (to === null || !next || disabled) return;
    e.preventDefault();
    onChange(next.value);
    box.current?.querySelectorAll<HTMLElement>('[role="radio"]')[to]?.focus();
  };
  return (
    <div
      ref={box}
      className={`segmented${disabled ? ' not-applied' : ''}`}
      role="radiogroup"
      aria-label={label}
      aria-disabled={disabled ? true : undefined}
      title={disabled}
      data-testid={testId}
      onKeyDown={onKey}
    >
      {options.map((o, i) => {
        const checked = o.value === value;
        return (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={i === index ? 0 : -1}
            disabled={Boolean(disabled)}
            data-testid={o.testId}
            data-empty={o.empty || undefined}
            title={disabled ?? o.title}
            className={`${checked ? 'active' : ''}${o.empty ? ' no-data' : ''}`}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
