/** The filter panel on the left: date range, the registry's dimensions (shared/dimensions.ts), compare, claimed accounts. */
import { DATE_PRESETS, type DatePreset } from '../../../shared/date-presets';
import { DIMENSION_IDS, DIMENSIONS, type DimensionChoice } from '../../../shared/dimensions';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { CompareControls } from './CompareControls';

export function FilterPanel() {
  const { t, dimensionLabel, word } = useStrings();
  const filters = useAppStore((s) => s.filters);
  const preset = useAppStore((s) => s.preset);
  const options = useAppStore((s) => s.options);
  const setPreset = useAppStore((s) => s.setPreset);
  const setCustomRange = useAppStore((s) => s.setCustomRange);
  const draft = useAppStore((s) => s.rangeDraft);
  const shown = { from: draft?.from ?? filters.from, to: draft?.to ?? filters.to };
  const setFilter = useAppStore((s) => s.setFilter);
  const setAccounts = useAppStore((s) => s.setAccounts);

  return (
    <aside className="filter-panel" aria-label={t('filters')}>
      <h2>{t('filters')}</h2>
      <fieldset>
        <legend>{t('dateRange')}</legend>
        <select
          aria-label={t('dateRange')}
          data-testid="filter-preset"
          value={preset}
          onChange={(e) => setPreset(e.target.value as DatePreset)}
        >
          {DATE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(p)}
            </option>
          ))}
        </select>
        <label>
          {t('from')}
          <input
            type="date"
            data-testid="filter-from"
            value={shown.from ?? ''}
            min={options?.firstDay ?? undefined}
            max={shown.to ?? options?.lastDay ?? undefined}
            aria-invalid={Boolean(draft)}
            aria-describedby={draft ? 'range-problem' : undefined}
            onChange={(e) => e.target.value && setCustomRange(e.target.value, shown.to ?? e.target.value)}
          />
        </label>
        <label>
          {t('to')}
          <input
            type="date"
            data-testid="filter-to"
            value={shown.to ?? ''}
            min={shown.from ?? options?.firstDay ?? undefined}
            max={options?.lastDay ?? undefined}
            aria-invalid={Boolean(draft)}
            aria-describedby={draft ? 'range-problem' : undefined}
            onChange={(e) => e.target.value && setCustomRange(shown.from ?? e.target.value, e.target.value)}
          />
        </label>
        {draft && (
          <p className="field-error" id="range-problem" role="alert" data-testid="range-problem">
            {t('rangeInvalid')}
          </p>
        )}
      </fieldset>
      {DIMENSION_IDS.map((key) => (
        <fieldset key={key}>
          <legend>{dimensionLabel(key)}</legend>
          <div className="segmented" role="radiogroup" aria-label={dimensionLabel(key)}>
            {['all', ...DIMENSIONS[key].values].map((v) => {
              // Values the workspace holds no data for stay selectable (a view then says so), but look it.
              const empty = v !== 'all' && options !== null && !options.held[key].includes(v);
              return (
                <button
                  key={v}
                  type="button"
                  role="radio"
                  aria-checked={filters[key] === v}
                  data-testid={`filter-${key}-${v}`}
                  data-empty={empty || undefined}
                  title={empty ? t('noDataOption') : undefined}
                  className={`${filters[key] === v ? 'active' : ''}${empty ? ' no-data' : ''}`}
                  onClick={() => setFilter(key, v as DimensionChoice<typeof key>)}
                >
                  {word(v)}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
      <CompareControls />
      {options && options.accounts.length > 0 && (
        <fieldset>
          <legend>{t('claimedAccounts')}</legend>
          {options.accounts.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                data-testid={`filter-account-${a.id}`}
                checked={filters.accounts.includes(a.id)}
                onChange={(e) => setAccounts(e.target.checked ? [...filters.accounts, a.id] : filters.accounts.filter((x) => x !== a.id))}
              />
              <span title={`${a.type}: ${a.value}`}>{a.value}</span>
            </label>
          ))}
        </fieldset>
      )}
    </aside>
  );
}
