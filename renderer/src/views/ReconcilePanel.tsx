/**
 * "How this is counted": the steps from the raw event records to the figure on screen for the current filters,
 * as a waterfall and a table with the rule of each step; the rows refused at import, to save as CSV; or, where
 * the figures come from Analytics exports, which files.
 */
import { useRef } from 'react';
import { isMetricId, RECONCILE_METRICS } from '../../../shared/metrics';
import { RECONCILE_STEPS, type ReconcileCounts, type ReconcileResult, type ReconcileStep } from '../../../shared/results';
import type { StringKey } from '../../../shared/ui-strings';
import { downloadText, rejectedCsv } from '../components/rejected-csv';
import { StatusMessage } from '../components/StatusMessage';
import { useFocusTrap } from '../components/use-focus-trap';
import { WaterfallChart, type WaterfallStep } from '../components/WaterfallChart';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import type { ReconcileFigure } from '../store/reconcile-slice';

const STEP_TEXT: Record<'raw' | ReconcileStep | 'final', { label: StringKey; rule: StringKey }> = {
  raw: { label: 'stepRaw', rule: 'ruleRaw' },
  duplicates: { label: 'stepDuplicates', rule: 'ruleDuplicates' },
  spam: { label: 'stepSpam', rule: 'ruleSpam' },
  out_of_scope: { label: 'stepOutOfScope', rule: 'ruleOutOfScope' },
  final: { label: 'stepFinal', rule: 'ruleFinal' },
};
const ROWS = ['raw', ...RECONCILE_STEPS, 'final'] as const;

/** The figure the panel shows steps for: a count metric as it is; others (rates, audiences) by their events. */
function shownFigure(figure: ReconcileFigure): ReconcileFigure {
  return figure === 'events' || RECONCILE_METRICS.includes(figure) ? figure : 'events';
}

export function ReconcilePanel() {
  const figure = useAppStore((s) => s.reconcileFor);
  // Mounted while open, so that the focus trap starts and ends with the panel.
  return figure === null ? null : <ReconcileDialog figure={figure} />;
}

function ReconcileDialog({ figure }: { figure: ReconcileFigure }) {
  const { t, metricLabel, formatMetric, formatDay } = useStrings();
  const result = useAppStore((s) => s.reconcile);
  const theme = useAppStore((s) => s.theme);
  const { closeReconcile, openReconcile } = useAppStore.getState();
  const panel = useRef<HTMLElement>(null);
  useFocusTrap(panel, closeReconcile);
  const shown = shownFigure(figure);
  const figureLabel = (f: ReconcileFigure) => (f === 'events' ? t('allEvents') : metricLabel(f));
  const count = (v: number) => formatMetric('impressions', v);

  const steps = (r: ReconcileResult) => {
    const counts: ReconcileCounts | undefined = shown === 'events' ? r : r.metrics[shown];
    if (!counts) return null;
    const chartSteps: WaterfallStep[] = ROWS.map((row) => ({
      label: t(STEP_TEXT[row].label),
      value: counts[row],
      kind: row === 'raw' || row === 'final' ? 'total' : 'removed',
    }));
    return (
      <>
        <WaterfallChart steps={chartSteps} theme={theme} label={t('reconcileChart')} format={count} />
        <table className="reconcile-steps" data-testid="reconcile-table">
          <caption className="visually-hidden">{t('howCountedFor').replace('{metric}', figureLabel(shown))}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reconcileStep')}</th>
              <th scope="col" className="num">
                {t('reconcileCount')}
              </th>
              <th scope="col">{t('reconcileRule')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} className={row === 'raw' || row === 'final' ? 'total' : 'removed'}>
                <th scope="row">{t(STEP_TEXT[row].label)}</th>
                <td className="num" data-testid={`reconcile-${row}`} data-value={counts[row]}>
                  {row === 'raw' || row === 'final' || counts[row] === 0 ? count(counts[row]) : `−${count(counts[row])}`}
                </td>
                <td className="help-text">{t(STEP_TEXT[row].rule)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  };

  const body = () => {
    if (result.status === 'error') return <StatusMessage kind="error" error={result.error} />;
    if (result.status !== 'ready') return <StatusMessage kind="loading" message={t('loading')} />;
    const r = result.data;
    if (r.source === 'export') {
      return (
        <p className="status" data-testid="reconcile-export">
          {t('reconcileExport').replace('{detail}', r.provenance.detail)}
        </p>
      );
    }
    if (r.source === 'none') return <StatusMessage kind="empty" message={t('reconcileNone')} />;
    return (
      <>
        <p className="help-text" data-testid="reconcile-intro">
          {(r.pinId === undefined ? t('reconcileIntro') : t('reconcilePin').replace('{pin}', r.pinId))
            .replace('{from}', formatDay(r.range.from))
            .replace('{to}', formatDay(r.range.to))}
        </p>
        <label className="reconcile-figure">
          {t('reconcileFigure')}
          <select
            data-testid="reconcile-figure"
            value={shown}
            onChange={(e) => openReconcile(e.target.value === 'events' ? 'events' : isMetricId(e.target.value) ? e.target.value : 'events')}
          >
            <option value="events">{t('allEvents')}</option>
            {RECONCILE_METRICS.map((m) => (
              <option key={m} value={m}>
                {metricLabel(m)}
              </option>
            ))}
          </select>
        </label>
        {figure !== shown && isMetricId(figure) && (
          <p className="help-text" data-testid="reconcile-derived">
            {t('reconcileDerived').replace('{metric}', metricLabel(figure))}
          </p>
        )}
        {steps(r)}
        {r.pinAttributeFilter && <p className="help-text">{t('reconcilePinFilter')}</p>}
        {r.rejected > 0 && (
          <div className="reconcile-rejected" data-testid="reconcile-rejected" data-value={r.rejected}>
            <p>
              {t('reconcileRejected')
                .replace('{count}', count(r.rejected))
                .replace('{files}', r.rejectedFiles.map((f) => `${f.file.split(/[\\/]/).pop() ?? f.file} (${count(f.rows)})`).join(', '))}
            </p>
            <button
              type="button"
              data-testid="reconcile-save-rejected"
              onClick={() => downloadText('pinsight-refused-rows.csv', rejectedCsv(r.rejectedRows))}
            >
              {t('reconcileSaveRejected')}
            </button>
          </div>
        )}
      </>
    );
  };

  return (
    <aside
      ref={panel}
      className="pin-panel reconcile-panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby="reconcile-heading"
      data-testid="reconcile-panel"
    >
      <div className="pin-panel-head">
        <h2 id="reconcile-heading">
          {figure === 'events' ? t('howCounted') : t('howCountedFor').replace('{metric}', figureLabel(figure))}
        </h2>
        <button type="button" onClick={closeReconcile} data-testid="reconcile-close" autoFocus>
          {t('close')}
        </button>
      </div>
      {body()}
    </aside>
  );
}
