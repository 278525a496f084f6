/** What an import brought, per file, in the interface's language: kind, rows, refused rows, notes. */
import type { StringKey } from '../../../shared/ui-strings';
import type { ImportFileSummary, ImportNote, ImportSummary } from '../../../shared/results';
import { useStrings } from '../i18n/use-strings';

const STATUS: Record<ImportFileSummary['status'], StringKey> = {
  imported: 'statusImported',
  'already-imported': 'statusAlready',
  failed: 'statusFailed',
};

export function ImportSummaryTable({ summary }: { summary: ImportSummary }) {
  const { t, formatCount, coded } = useStrings();
  const note = (n: ImportNote) =>
    t(`note_${n.code}`)
      .replace('{count}', formatCount(n.count ?? 0))
      .replace('{detail}', n.detail ?? '');
  const rejected = summary.files.reduce((sum, f) => sum + f.rejected, 0);
  return (
    <div className="import-summary" data-testid="import-summary">
      <h3>{t('summaryTitle')}</h3>
      <p data-testid="import-summary-total">
        {t('summaryTotal').replace('{rows}', formatCount(summary.imported)).replace('{files}', formatCount(summary.files.length))}
        {rejected > 0 && ` ${t('summaryRejectedTotal').replace('{count}', formatCount(rejected))}`}
        {summary.outOfScopeEvents > 0 && ` ${t('summaryOutOfScope').replace('{count}', formatCount(summary.outOfScopeEvents))}`}
      </p>
      {summary.warning && <p className="status status-warning">{summary.warning}</p>}
      <div className="table-scroll">
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('summaryFile')}</th>
              <th scope="col">{t('summaryKind')}</th>
              <th scope="col" className="num">
                {t('summaryRows')}
              </th>
              <th scope="col" className="num">
                {t('summaryRejected')}
              </th>
              <th scope="col">{t('summaryNotes')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.files.map((f, i) => (
              <tr key={`${f.file}-${i}`} data-testid={`import-summary-${i}`}>
                <th scope="row" title={f.file}>
                  {f.file.split(/[\\/]/).pop()}
                </th>
                <td>{coded('kind_', f.kind)}</td>
                <td className="num">{formatCount(f.rows)}</td>
                <td className="num">{formatCount(f.rejected)}</td>
                <td>{[f.status === 'imported' ? '' : t(STATUS[f.status]), ...(f.notes ?? []).map(note)].filter(Boolean).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
