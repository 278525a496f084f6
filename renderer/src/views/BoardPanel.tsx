/** A board's Pins for the current filters, opened from a row of Top boards; a Pin opens its Pin stats. */
import { useCallback } from 'react';
import { TOP_SORT_METRICS } from '../../../shared/metrics';
import type { TopRow } from '../../../shared/results';
import { metricColumns, rankAndTitleColumns } from '../components/comparison-columns';
import { Provenance } from '../components/Provenance';
import { SidePanel } from '../components/SidePanel';
import { StatusMessage } from '../components/StatusMessage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { useStrings } from '../i18n/use-strings';
import { useAppStore } from '../store/app-store';

export function BoardPanel() {
  const strings = useStrings();
  const { t, dimensionLabel, word, formatMetric } = strings;
  const board = useAppStore((s) => s.selectedBoard);
  const pins = useAppStore((s) => s.boardPins);
  const sort = useAppStore((s) => s.topPinsSort);
  const name = useAppStore((s) => {
    const list = s.topBoards.status === 'ready' ? s.topBoards.data.rows : [];
    return list.find((r) => r.board_id === s.selectedBoard)?.name ?? null;
  });
  const close = useCallback(() => useAppStore.getState().openBoard(null), []);
  if (!board) return null;
  const columns: Column<TopRow>[] = [
    ...rankAndTitleColumns(strings, 200),
    { key: 'format', label: dimensionLabel('format'), width: 84, grow: 0, render: (r) => word(r.format) },
    ...metricColumns([sort, ...TOP_SORT_METRICS.filter((m) => m !== sort)].slice(0, 4), sort, strings),
  ];
  const data = pins.status === 'ready' ? pins.data : pins.status === 'loading' ? pins.previous : undefined;
  const total = data?.rows.reduce((sum, r) => sum + (typeof r[sort] === 'number' ? r[sort] : 0), 0);
  return (
    <SidePanel title={`${t('board')}: ${name ?? board}`} testId="board-panel" onClose={close} wide>
      {pins.status === 'error' ? (
        <StatusMessage kind="error" error={pins.error} />
      ) : !data ? (
        <StatusMessage kind="loading" message={t('loading')} />
      ) : data.rows.length === 0 ? (
        <StatusMessage kind="empty" message={t('noData')} />
      ) : (
        <>
          <p data-testid="board-summary">
            {t('boardPinsSummary').replace('{count}', String(data.rows.length)).replace('{metric}', strings.metricLabel(sort))}{' '}
            <strong data-testid="board-total">{formatMetric(sort, total)}</strong>
          </p>
          <p className="muted" data-testid="board-pins-note">
            {t('boardPinsNote')}
          </p>
          <VirtualTable
            label={t('boardPins')}
            columns={columns}
            rows={data.rows}
            rowTestId={(r) => `board-pin-${r.pin_id}`}
            onRowClick={(r) => r.pin_id && useAppStore.getState().openPin(r.pin_id)}
            sortKey={sort}
          />
        </>
      )}
      {data && <Provenance provenance={data.provenance} />}
    </SidePanel>
  );
}
