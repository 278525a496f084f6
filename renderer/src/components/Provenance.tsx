import type { Coverage, DataProvenance } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

/** Where the numbers on screen come from, in the interface language; the engine's detail on hover. */
export function provenanceText(p: DataProvenance, s: ReturnType<typeof useStrings>): string {
  return s
    .t(`prov_${p.reason}`)
    .replace('{from}', p.from ? s.formatDay(p.from) : '')
    .replace('{to}', p.to ? s.formatDay(p.to) : '');
}

/** Where the data's days are, for a message about a range that has none. */
export interface DataDays {
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * The provenance as a sentence of its own ("No event data between …."), for a view that has nothing else to show;
 * for a range outside the data, where the data is.
 */
export function provenanceSentence(p: DataProvenance, s: ReturnType<typeof useStrings>, data?: DataDays | null): string {
  const text = provenanceText(p, s);
  const where =
    p.reason === 'noEventsInRange' && data?.firstDay && data.lastDay
      ? ` ${s.t('dataCoversDays').replace('{from}', s.formatDay(data.firstDay)).replace('{to}', s.formatDay(data.lastDay))}`
      : '';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.${where}`;
}

/** What an empty list says: that the range lies outside the data's days where it does, else that nothing matches. */
export function emptyListText(p: DataProvenance, s: ReturnType<typeof useStrings>, data?: DataDays | null): string {
  return p.reason === 'noEventsInRange' ? provenanceSentence(p, s, data) : s.t('noData');
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
