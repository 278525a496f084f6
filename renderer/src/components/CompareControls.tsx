/** Comparison on/off, and range B: the previous period, the same period last year, or custom dates. */
import { COMPARE_PRESETS, type ComparePreset } from '../../../shared/compare';
import type { StringKey } from '../../../shared/ui-strings';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { compareProblem, compareRangeOf } from '../store/filters-slice';

const LABEL: Record<ComparePreset, StringKey> = { previous: 'previousPeriod', lastYear: 'lastYear', custom: 'custom' };

export function CompareControls() {
  const { t, formatDay } = useStrings();
  const compare = useAppStore((s) => s.compare);
  const filters = useAppStore((s) => s.filters);
  const range = compareRangeOf({ compare, filters });
  const problem = compareProblem({ compare, filters });
  const { setCompare } = useAppStore.getState();
  return (
    <fieldset>
      <legend>{t('compare')}</legend>
      <label className="check">
        <input
          type="checkbox"
          data-testid="compare-toggle"
          checked={compare.enabled}
          onChange={(e) => setCompare({ enabled: e.target.checked })}
        />
        <span>{t('compareWith')}</span>
      </label>
      {compare.enabled && (
        <>
          <select
            data-testid="compare-preset"
            value={compare.preset}
            aria-label={t('rangeB')}
            onChange={(e) => setCompare({ preset: e.target.value as ComparePreset })}
          >
            {COMPARE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(LABEL[p])}
              </option>
            ))}
          </select>
          {compare.preset === 'custom' ? (
            <>
              <label>
                {t('from')}
                <input
                  type="date"
                  data-testid="compare-from"
                  value={compare.from ?? ''}
                  aria-invalid={Boolean(problem)}
                  aria-describedby={problem ? 'compare-problem' : undefined}
                  onChange={(e) => setCompare({ from: e.target.value || null })}
                />
              </label>
              <label>
                {t('to')}
                <input
                  type="date"
                  data-testid="compare-to"
                  value={compare.to ?? ''}
                  aria-invalid={Boolean(problem)}
                  aria-describedby={problem ? 'compare-problem' : undefined}
                  onChange={(e) => setCompare({ to: e.target.value || null })}
                />
              </label>
              {problem && (
                <p className="field-error" id="compare-problem" role="alert" data-testid="compare-problem">
                  {/* What is on screen meanwhile: the last valid B, or (opened from a link with B reversed) none. */}
                  {t(problem)} {t(compare.lastValid ? 'compareKeepsLast' : 'compareNoneYet')}
                </p>
              )}
            </>
          ) : (
            range && (
              <span className="muted" data-testid="compare-range">
                {t('rangeB')}: {formatDay(range.from)} – {formatDay(range.to)}
              </span>
            )
          )}
        </>
      )}
    </fieldset>
  );
}
