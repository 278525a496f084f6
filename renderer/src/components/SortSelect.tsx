import type { MetricId } from '../../../shared/metrics';
import { useStrings } from '../i18n/use-strings';

export function SortSelect({
  value,
  options,
  onChange,
  testId,
}: {
  value: MetricId;
  options: readonly MetricId[];
  onChange: (m: MetricId) => void;
  testId: string;
}) {
  const { t, metricLabel } = useStrings();
  return (
    <label className="inline-control">
      {t('sortBy')}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as MetricId)}>
        {options.map((m) => (
          <option key={m} value={m}>
            {metricLabel(m)}
          </option>
        ))}
      </select>
    </label>
  );
}
