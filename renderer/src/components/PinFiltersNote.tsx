/**
 * Which of the panel's filters Pin stats apply, and how: the dimension filters apply to the Pin's events; the
 * date range and claimed accounts do not (Pin stats are the last 24 hours and the lifetime of one Pin).
 */
import { DIMENSION_IDS } from '../../../shared/dimensions';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';

export function PinFiltersNote() {
  const { t, dimensionLabel, word } = useStrings();
  const filters = useAppStore((s) => s.filters);
  const applied = DIMENSION_IDS.filter((d) => filters[d] !== 'all').map((d) => `${dimensionLabel(d)}: ${word(filters[d])}`);
  return (
    <p className="help-text filters-note" data-testid="pin-filters-note">
      {applied.length ? t('pinFiltersApplied').replace('{filters}', applied.join(', ')) : t('pinFiltersNone')} {t('pinFiltersIgnored')}
    </p>
  );
}
