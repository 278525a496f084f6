/** Video: KPI tiles for video Pins and the top video Pins by a video metric. */
import { VIDEO_METRICS, VIDEO_SORT_METRICS, type MetricId } from '../../../shared/metrics';
import type { TopRow } from '../../../shared/results';
import { comparisonColumns, metricColumns, rankAndTitleColumns } from '../components/comparison-columns';
import { CompareNotice } from '../components/CompareNotice';
import { ExportButton } from '../components/ExportDialog';
import { KpiTiles } from '../components/KpiTiles';
import { emptyListText, Provenance } from '../components/Provenance';
import { SortSelect } from '../components/SortSelect';
import { StatusMessage } from '../components/StatusMessage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { HowCountedButton } from '../components/HowCountedButton';

const VIDEO_KPIS: MetricId[] = [
  'video_views',
  'avg_watch_time_s',
  'p95_views',
  'ten_second_views',
  'total_watch_time_min',
  'video_starts',
  'saves',
  'link_clicks',
];

export function VideoView() {
  const strings = useStrings();
  const workspace = useAppStore((s) => s.workspace);
  const { t, word } = strings;
  const format = useAppStore((s) => s.filters.format);
  const totals = useAppStore((s) => s.videoTotals);
  const top = useAppStore((s) => s.videoTop);
  const sort = useAppStore((s) => s.videoSort);
  const comparison = useAppStore((s) => (s.compare.enabled && s.videoComparison.status === 'ready' ? s.videoComparison.data : null));
  const { setSort, openPin, refresh } = useAppStore.getState();
  const totalsData = totals.status === 'ready' ? totals.data : totals.status === 'loading' ? totals.previous : undefined;
  const topData = top.status === 'ready' ? top.data : top.status === 'loading' ? top.previous : undefined;
  const columns: Column<TopRow>[] = [
    ...rankAndTitleColumns(strings),
    ...metricColumns(
      VIDEO_METRICS.filter((m) => m !== 'video_starts'),
      sort,
      strings,
      VIDEO_SORT_METRICS,
    ),
  ];
  columns.push(...comparisonColumns(topData, sort, strings));
  if (totals.status === 'error') return <StatusMessage kind="error" error={totals.error} onRetry={refresh} />;
  return (
    <section className="view video">
      <h2>{t('videoKpis')}</h2>
      {format !== 'all' && format !== 'video' && (
        <p className="filters-note" data-testid="video-format-ignored">
          {t('videoFormatIgnored').replace('{format}', word(format))}
        </p>
      )}
      {comparison && <CompareNotice coverage={comparison.coverage} />}
      <KpiTiles totals={totalsData?.totals ?? null} metrics={VIDEO_KPIS} loading={totals.status === 'loading'} comparison={comparison} />
      <div className="view-toolbar">
        <h2>{t('topVideoPins')}</h2>
        <SortSelect testId="sort-video" value={sort} options={VIDEO_SORT_METRICS} onChange={(m) => setSort('video', m)} />
        <HowCountedButton figure={sort} testId="how-counted-video" />
        <ExportButton />
      </div>
      {top.status === 'error' ? (
        <StatusMessage kind="error" error={top.error} onRetry={refresh} />
      ) : !topData ? (
        <StatusMessage kind="loading" message={t('loading')} />
      ) : topData.rows.length === 0 ? (
        <StatusMessage kind="empty" message={emptyListText(topData.provenance, strings, workspace)} />
      ) : (
        <VirtualTable
          label={t('topVideoPins')}
          columns={columns}
          rows={topData.rows}
          rowTestId={(r) => `top-video-${r.pin_id}`}
          onRowClick={(r) => r.pin_id && openPin(r.pin_id)}
          sortKey={sort}
          onSort={(key) => (VIDEO_SORT_METRICS as readonly string[]).includes(key) && setSort('video', key as MetricId)}
        />
      )}
      {topData && <Provenance provenance={topData.provenance} />}
    </section>
  );
}
