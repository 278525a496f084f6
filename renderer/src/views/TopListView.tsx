/** Top Pins and top boards: sortable, virtualised; a click on a Pin opens its Pin stats, on a board its Pins. */
import { TOP_SORT_METRICS, type MetricId } from '../../../shared/metrics';
import type { TopResult, TopRow } from '../../../shared/results';
import { comparisonColumns, metricColumns, rankAndTitleColumns } from '../components/comparison-columns';
import { CompareNotice } from '../components/CompareNotice';
import { ExportButton } from '../components/ExportDialog';
import { emptyListText, Provenance } from '../components/Provenance';
import { SortSelect } from '../components/SortSelect';
import { StatusMessage } from '../components/StatusMessage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';
import { TOP_LIMITS } from '../store/view-state';
import type { Loadable } from '../store/views-slice';
import { HowCountedButton } from '../components/HowCountedButton';

export function TopListView({ kind }: { kind: 'pins' | 'boards' }) {
  const strings = useStrings();
  const workspace = useAppStore((s) => s.workspace);
  const { t, formatMetric, dimensionLabel, word } = strings;
  const loadable: Loadable<TopResult> = useAppStore((s) => (kind === 'pins' ? s.topPins : s.topBoards));
  const sort = useAppStore((s) => (kind === 'pins' ? s.topPinsSort : s.topBoardsSort));
  const limit = useAppStore((s) => s.topLimit);
  const { setSort, openPin, openBoard, setTopLimit, refresh } = useAppStore.getState();

  const columns: Column<TopRow>[] = [
    ...(kind === 'pins'
      ? [
          ...rankAndTitleColumns(strings),
          { key: 'board', label: t('board'), width: 120, grow: 1.3, render: (r: TopRow) => r.board_name ?? '' },
          { key: 'format', label: dimensionLabel('format'), width: 84, grow: 0, render: (r: TopRow) => word(r.format) },
          { key: 'source', label: dimensionLabel('source'), width: 96, grow: 0, render: (r: TopRow) => word(r.source) },
        ]
      : [
          { key: 'rank', label: t('rank'), numeric: true, width: 56, sticky: true, render: (_r: TopRow, i: number) => i + 1 },
          {
            key: 'name',
            label: t('board'),
            width: 220,
            sticky: true,
            render: (r: TopRow) => <span title={r.name ?? r.board_id ?? ''}>{r.name ?? r.board_id ?? ''}</span>,
          },
        ]),
    ...metricColumns(TOP_SORT_METRICS, sort, strings, TOP_SORT_METRICS),
  ];

  const data = loadable.status === 'ready' ? loadable.data : loadable.status === 'loading' ? loadable.previous : undefined;
  const comparison = data?.comparison;
  columns.push(...comparisonColumns(data, sort, strings));
  return (
    <section className="view top-list" aria-busy={loadable.status === 'loading'}>
      <div className="view-toolbar">
        <h2>{kind === 'pins' ? t('topPins') : t('topBoards')}</h2>
        <SortSelect
          testId={`sort-${kind}`}
          value={sort}
          options={TOP_SORT_METRICS}
          onChange={(m) => setSort(kind === 'pins' ? 'topPins' : 'topBoards', m)}
        />
        <label className="inline-control">
          {t('rows')}
          <select value={limit} data-testid={`limit-${kind}`} onChange={(e) => setTopLimit(Number(e.target.value))}>
            {TOP_LIMITS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <HowCountedButton figure={sort} testId={`how-counted-${kind}`} />
        <ExportButton />
      </div>
      {loadable.status === 'error' ? (
        <StatusMessage kind="error" error={loadable.error} onRetry={refresh} />
      ) : !data ? (
        <StatusMessage kind="loading" message={t('loading')} />
      ) : data.rows.length === 0 ? (
        <>
          <StatusMessage kind="empty" message={emptyListText(data.provenance, strings, workspace)} />
          <Provenance provenance={data.provenance} />
        </>
      ) : (
        <>
          {comparison && <CompareNotice coverage={comparison.coverage} perDaySwitch={false} />}
          <VirtualTable
            label={kind === 'pins' ? t('topPins') : t('topBoards')}
            columns={columns}
            rows={data.rows}
            rowTestId={(r) => (kind === 'pins' ? `top-pin-${r.pin_id}` : `top-board-${r.board_id}`)}
            onRowClick={kind === 'pins' ? (r) => r.pin_id && openPin(r.pin_id) : (r) => r.board_id && openBoard(r.board_id)}
            sortKey={sort}
            onSort={(key) =>
              (TOP_SORT_METRICS as readonly string[]).includes(key) && setSort(kind === 'pins' ? 'topPins' : 'topBoards', key as MetricId)
            }
          />
          {comparison && comparison.gone.length > 0 && (
            <div className="gone" data-testid="gone-entries">
              <h3>{t('goneEntries')}</h3>
              <ul>
                {comparison.gone.map((g) => (
                  <li key={g.pin_id ?? g.board_id ?? ''}>
                    #{g.rank_b} {g.title ?? g.name ?? g.pin_id ?? g.board_id} · {formatMetric(sort, g[sort])}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Provenance provenance={data.provenance} />
        </>
      )}
    </section>
  );
}
