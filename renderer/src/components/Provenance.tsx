import type { DataProvenance } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

/** Where the numbers on screen come from, in the interface language; the engine's detail on hover. */
export function provenanceText(p: DataProvenance, s: ReturnType<typeof useStrings>): string {
  return s
    .t(`prov_${p.reason}`)
    .replace('{from}', p.from ? s.formatDay(p.from) : '')
    .replace('{to}', p.to ? s.formatDay(p.to) : '');
}

export function Provenance({ provenance }: { provenance: DataProvenance }) {
  const strings = useStrings();
  return (
    <p
      className={`provenance provenance-${provenance.kind}`}
      data-testid="provenance"
      title={provenance.detail}
      data-reason={provenance.reason}
    >
      {strings.t('dataFrom')}: {provenanceText(provenance, strings)}
    </p>
  );
}
