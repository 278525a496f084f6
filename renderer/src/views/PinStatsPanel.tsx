/** Pin stats of one Pin: phase, last 24 hours, lifetime, the group's Pins and re-saves, and why they differ. */
import { METRIC_IDS, type MetricId } from '../../../shared/metrics';
import type { MetricValues, PinStatsResult } from '../../../shared/results';
import { StatusMessage } from '../components/StatusMessage';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { HowCountedButton } from '../components/HowCountedButton';
import { SidePanel } from '../components/SidePanel';
import { PinFiltersNote } from '../components/PinFiltersNote';
import { useCallback } from 'react';

const SHOWN: MetricId[] = METRIC_IDS.filter((m) => m !== 'carousel_swipes');

export function PinStatsPanel() {
  const { t, metricLabel, formatMetric, formatTime, word } = useStrings();
  const selected = useAppStore((s) => s.selectedPin);
  const stats = useAppStore((s) => s.pinStats);
  const close = useCallback(() => useAppStore.getState().openPin(null), []);
  if (!selected) return null;

  const body = () => {
    if (stats.status === 'error') return <StatusMessage kind="error" error={stats.error} />;
    if (stats.status !== 'ready') return <StatusMessage kind="loading" message={t('loading')} />;
    const r: PinStatsResult = stats.data;
    const blocks: [string, MetricValues][] =
      r.phase === 'real-time'
        ? [[t('realTime'), r.real_time]]
        : [
            [t('last24h'), r.last_24h],
            [t('lifetime'), r.final],
          ];
    return (
      <>
        <h3 data-testid="pin-title">{r.title ?? r.pin_id}</h3>
        <p>
          {t('phase')}: <strong data-testid="pin-phase">{r.phase === 'real-time' ? t('phaseRealTime') : t('phaseFinal')}</strong> ·{' '}
          {t('asOf')} <span data-testid="pin-as-of">{formatTime(r.as_of)}</span>
        </p>
        <PinFiltersNote />
        <table className="pin-blocks" data-testid="pin-blocks">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('metric')}</span>
              </th>
              {blocks.map(([name]) => (
                <th key={name} className="num">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SHOWN.map((m) => (
              <tr key={m}>
                <th scope="row">{metricLabel(m)}</th>
                {blocks.map(([name, b], i) => (
                  <td
                    key={name}
                    className="num"
                    data-testid={`pin-${i === blocks.length - 1 ? 'main' : 'first'}-${m}`}
                    data-value={b[m] ?? ''}
                  >
                    {formatMetric(m, b[m])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <h4>{t('groupPins')}</h4>
        <ul className="group-pins" data-testid="pin-group">
          {r.groupPins.map((p) => (
            <li key={p.pin_id}>
              {p.pin_id} · {p.title ?? ''} · {word(p.source)}
              {p.parent_pin_id ? ` · ${t('savedFrom')} ${p.parent_pin_id}` : ''}
            </li>
          ))}
        </ul>
        <h4>{t('whyDifferent')}</h4>
        <HowCountedButton figure="events" pinId={r.pin_id} testId="pin-how-counted" />
        <p className="help-text">{t('whyText1')}</p>
        <p className="help-text">{t('whyText2')}</p>
        <p className="help-text">{t('whyText3')}</p>
      </>
    );
  };

  return (
    <SidePanel title={t('pinStats')} testId="pin-panel" onClose={close}>
      {body()}
    </SidePanel>
  );
}
