/**
 * What a comparison can and cannot say, above the figures it concerns: the days of A and B that have data when a
 * range is only partly covered, unequal lengths, and the switch to per-day averages.
 */
import type { Coverage } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';

export interface CompareNoticeProps {
  coverage: { a: Coverage; b: Coverage };
  /** Whether the per-day switch applies (the tiles); the tables show coverage only. */
  perDaySwitch?: boolean;
}

export function CompareNotice({ coverage, perDaySwitch = true }: CompareNoticeProps) {
  const { t, formatDay } = useStrings();
  const perDay = useAppStore((s) => s.compare.perDay);
  const { setCompare } = useAppStore.getState();
  const partial = (c: Coverage) => c.covered < c.days;
  const line = (name: 'A' | 'B', c: Coverage) =>
    c.covered === 0 || c.from === null || c.to === null
      ? t('coverageNone').replace('{range}', name)
      : t('coverageOf')
          .replace('{range}', name)
          .replace('{covered}', String(c.covered))
          .replace('{days}', String(c.days))
          .replace('{from}', formatDay(c.from))
          .replace('{to}', formatDay(c.to));
  const comparable = !partial(coverage.a) && !partial(coverage.b);
  const equal = coverage.a.days === coverage.b.days;
  if (comparable && equal) return null;
  // A B without any data compares with nothing: the tiles say "no data in B"; here, only that.
  if (coverage.b.covered === 0) {
    return (
      <div className="compare-notice" role="note" data-testid="compare-notice" data-comparable="false">
        <p data-testid="coverage-b">{line('B', coverage.b)}</p>
      </div>
    );
  }
  return (
    <div className="compare-notice" role="note" data-testid="compare-notice" data-comparable={comparable} data-equal-lengths={equal}>
      {partial(coverage.a) && <p data-testid="coverage-a">{line('A', coverage.a)}</p>}
      {partial(coverage.b) && <p data-testid="coverage-b">{line('B', coverage.b)}</p>}
      {!comparable && <p>{t('notComparable')}</p>}
      {!equal && (
        <p data-testid="unequal-lengths">
          {t('unequalLengths').replace('{a}', String(coverage.a.days)).replace('{b}', String(coverage.b.days))}
        </p>
      )}
      {perDaySwitch && (
        <label className="check">
          <input
            type="checkbox"
            data-testid="compare-per-day"
            checked={perDay}
            onChange={(e) => setCompare({ perDay: e.target.checked })}
          />
          <span>{t('perDayToggle')}</span>
        </label>
      )}
    </div>
  );
}
