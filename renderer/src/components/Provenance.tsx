import type { DataProvenance } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

/** Where the numbers on screen come from. */
export function Provenance({ provenance }: { provenance: DataProvenance }) {
  const { t } = useStrings();
  return (
    <p className={`provenance provenance-${provenance.kind}`} data-testid="provenance">
      {t('dataFrom')}: {provenance.detail}
    </p>
  );
}
