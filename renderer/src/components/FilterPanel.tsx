/** The filter panel on the left: date range, content type, claimed accounts, device, source, format. */
import { DATE_PRESETS, type DatePreset } from '../../../shared/date-presets';
import { CONTENT_TYPES, DEVICES, FORMATS, SOURCES, type Filters } from '../../../shared/filters';
import type { FilterOptions } from '../../../shared/results';
import type { StringKey } from '../../../shared/ui-strings';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { CompareControls } from './CompareControls';

type ChoiceKey = 'contentType' | 'device' | 'source' | 'format';
const CHOICES: { key: ChoiceKey; label: StringKey; values: readonly string[]; held: keyof Pick<FilterOptions, 'contentTypes' | 'devices' | 'sources' | 'formats'> }[] = [
  { key: 'contentType', label: 'contentType', values: CONTENT_TYPES, held: 'contentTypes' },
  { key: 'device', label: 'device', values: DEVICES, held: 'devices' },
  { key: 'source', label: 'source', values: SOURCES, held: 'sources' },
  { key: 'format', label: 'format', values: FORMATS, held: 'formats' },
];

export function FilterPanel() {
  const { t } = useStrings();
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
        <select aria-label={t('dateRange')} data-testid="filter-preset" value={preset} onChange={(e) => setPreset(e.target.value as DatePreset)}>
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
      {CHOICES.map(({ key, label, values, held }) => (
        <fieldset key={key}>
          <legend>{t(label)}</legend>
          <div className="segmented" role="radiogroup" aria-label={t(label)}>
            {['all', ...values].map((v) => {
              // Values the workspace holds no data for stay selectable (a view then says so), but look it.
              const empty = v !== 'all' && options !== null && !options[held].includes(v);
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
                onClick={() => setFilter(key, v as Filters[typeof key])}
              >
                {t(v as StringKey)}
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
                onChange={(e) =>
                  setAccounts(e.target.checked ? [...filters.accounts, a.id] : filters.accounts.filter((x) => x !== a.id))
                }
              />
              <span title={`${a.type}: ${a.value}`}>{a.value}</span>
            </label>
          ))}
        </fieldset>
      )}
    </aside>
  );
}
