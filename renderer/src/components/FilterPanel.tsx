/**
 * The filter panel on the left: date range, the registry's dimensions (shared/dimensions.ts), compare, claimed
 * accounts. Filters a view cannot apply are shown as not applying there (disabled, with the reason), never
 * silently ignored. The panel collapses to a narrow bar that says how many filters are set.
 */
import { DATE_PRESETS, type DatePreset } from '../../../shared/date-presets';
import { DIMENSION_IDS, DIMENSIONS, type DimensionChoice } from '../../../shared/dimensions';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { CompareControls } from './CompareControls';
import { isSupportedDay, MAX_DAY, MIN_DAY } from '../../../shared/dates';
import { RadioGroup } from './RadioGroup';
import type { StringKey } from '../../../shared/ui-strings';
import type { ViewName } from '../store/view-state';

/** Why no filter applies on a view (its note), or nothing when they do. */
const NOT_APPLIED: Partial<Record<ViewName, StringKey>> = { legacy: 'filtersLegacy', import: 'filtersImport' };

export function FilterPanel() {
  const { t, dimensionLabel, word, coded } = useStrings();
  const filters = useAppStore((s) => s.filters);
  const preset = useAppStore((s) => s.preset);
  const options = useAppStore((s) => s.options);
  const setPreset = useAppStore((s) => s.setPreset);
  const setCustomRange = useAppStore((s) => s.setCustomRange);
  const draft = useAppStore((s) => s.rangeDraft);
  const shown = { from: draft?.from ?? filters.from, to: draft?.to ?? filters.to };
  const setFilter = useAppStore((s) => s.setFilter);
  const setAccounts = useAppStore((s) => s.setAccounts);
  const view = useAppStore((s) => s.view);
  const collapsed = useAppStore((s) => s.filtersCollapsed);
  const { setFiltersCollapsed, resetFilters } = useAppStore.getState();
  const notApplied = NOT_APPLIED[view];
  const active = DIMENSION_IDS.filter((d) => filters[d] !== 'all').length + (filters.accounts.length ? 1 : 0);

  if (collapsed)
    return (
      <aside className="filter-panel collapsed" aria-label={t('filters')}>
        <button
          type="button"
          className="collapse-toggle"
          data-testid="filters-expand"
          aria-expanded={false}
          title={t('showFilters')}
          onClick={() => setFiltersCollapsed(false)}
        >
          <span aria-hidden="true">»</span> <span className="vertical-label">{t('filters')}</span>
          {active > 0 && <span className="badge">{active}</span>}
        </button>
      </aside>
    );

  return (
    <aside className="filter-panel" aria-label={t('filters')}>
      <div className="filter-panel-head">
        <h2>{t('filters')}</h2>
        <button type="button" className="link" data-testid="filters-reset" onClick={resetFilters}>
          {t('resetFilters')}
        </button>
        <button
          type="button"
          className="collapse-toggle"
          data-testid="filters-collapse"
          aria-expanded={true}
          title={t('hideFilters')}
          aria-label={t('hideFilters')}
          onClick={() => setFiltersCollapsed(true)}
        >
          «
        </button>
      </div>
      {notApplied && (
        <p className="filters-note" data-testid="filters-not-applied">
          {t(notApplied)}
        </p>
      )}
      <fieldset disabled={Boolean(notApplied)} title={notApplied ? t(notApplied) : undefined} className="filter-fields">
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
              {draft && (!isSupportedDay(draft.from) || !isSupportedDay(draft.to))
                ? t('rangeOutOfBounds').replace('{min}', MIN_DAY).replace('{max}', MAX_DAY)
                : t('rangeInvalid')}
            </p>
          )}
        </fieldset>
        {DIMENSION_IDS.map((key) => {
          const reason = notApplied ? t(notApplied) : view === 'video' && key === 'format' ? t('formatVideoOnly') : undefined;
          return (
            <fieldset key={key}>
              <legend>{dimensionLabel(key)}</legend>
              <RadioGroup
                label={dimensionLabel(key)}
                value={view === 'video' && key === 'format' ? 'video' : filters[key]}
                disabled={reason}
                testId={`filter-${key}`}
                onChange={(v) => setFilter(key, v as DimensionChoice<typeof key>)}
                options={['all', ...DIMENSIONS[key].values].map((v) => {
                  // Values the workspace holds no data for stay selectable (a view then says so), but look it.
                  const empty = v !== 'all' && options !== null && !options.held[key].includes(v);
                  return { value: v, label: word(v), empty, title: empty ? t('noDataOption') : undefined, testId: `filter-${key}-${v}` };
                })}
              />
              {!reason && options?.unknown.includes(key) && (
                <p className="muted filter-note" data-testid={`filter-${key}-unknown`}>
                  {t('unknownValueNote').replace('{dimension}', dimensionLabel(key).toLowerCase())}
                </p>
              )}
            </fieldset>
          );
        })}
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
                <span title={`${coded('account_', a.type)}: ${a.value}`}>{a.value}</span>
              </label>
            ))}
          </fieldset>
        )}
      </fieldset>
    </aside>
  );
}
