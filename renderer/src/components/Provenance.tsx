import type { Coverage, DataProvenance } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

/** Where the numbers on screen come from, in the interface language; the engine's detail on hover. */
export function provenanceText(p: DataProvenance, s: ReturnType<typeof useStrings>): string {
  return s
    .t(`prov_${p.reason}`)
    .replace('{from}', p.from ? s.formatDay(p.from) : '')
    .replace('{to}', p.to ? s.formatDay(p.to) : '');
}

/** The provenance as a sentence of its own ("No event data between …."), for a view that has nothing else to show. */
export function provenanceSentence(p: DataProvenance, s: ReturnType<typeof useStrings>): string {
  const text = provenanceText(p, s);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** What an empty list says: that the range lies outside the data's days where it does, else that nothing matches. */
export function emptyListText(p: DataProvenance, s: ReturnType<typeof useStrings>): string {
  return p.reason === 'noEventsInRange' ? provenanceSentence(p, s) : s.t('noData');
}

/** The days of the range that hold data, when that is not all of them: "data for 40 of 89 days, Feb 25 – Apr 5". */
export function coverageText(c: Coverage, s: ReturnType<typeof useStrings>): string | null {
  if (c.covered >= c.days) return null;
  if (!c.from || !c.to || c.covered === 0) return s.t('noDataDays');
  return s
    .t('dataDays')
    .replace('{days}', s.formatCount(c.covered))
    .replace('{total}', s.formatCount(c.days))
    .replace('{from}', s.formatDay(c.from))
    .replace('{to}', s.formatDay(c.to));
}

export function Provenance({ provenance, coverage }: { provenance: DataProvenance; coverage?: Coverage }) {
  const strings = useStrings();
  const days = coverage && provenance.kind !== 'none' ? coverageText(coverage, strings) : null;
  return (
    <p
      className={`provenance provenance-${provenance.kind}`}
      data-testid="provenance"
      title={provenance.detail}
      data-reason={provenance.reason}
    >
      {strings.t('dataFrom')}: {provenanceText(provenance, strings)}
      {days && <span data-testid="provenance-days"> ({days})</span>}
    </p>
  );
}
