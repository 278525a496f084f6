/** Sets or corrects the filter selection of Analytics exports that lack it, at import. */
import { CONTENT_TYPES, DEVICES, FORMATS, SOURCES, type ExportContextInput } from '../../../shared/filters';
import type { StringKey } from '../../../shared/ui-strings';
import { useStrings } from '../i18n/use-strings';

const FIELDS = [
  ['contentType', 'contentType', CONTENT_TYPES],
  ['device', 'device', DEVICES],
  ['source', 'source', SOURCES],
  ['format', 'format', FORMATS],
] as const;

export function ExportContextFields({ value, onChange }: { value: ExportContextInput; onChange: (v: ExportContextInput) => void }) {
  const { t } = useStrings();
  return (
    <details className="export-context" data-testid="export-context">
      <summary>{t('exportContextTitle')}</summary>
      <p className="muted">{t('exportContextHint')}</p>
      <div className="context-grid">
        <label>
          {t('from')}
          <input type="date" value={value.from ?? ''} onChange={(e) => onChange({ ...value, from: e.target.value || undefined })} />
        </label>
        <label>
          {t('to')}
          <input type="date" value={value.to ?? ''} onChange={(e) => onChange({ ...value, to: e.target.value || undefined })} />
        </label>
        {FIELDS.map(([key, label, values]) => (
          <label key={key}>
            {t(label)}
            <select
              data-testid={`export-context-${key}`}
              value={value[key] ?? ''}
              onChange={(e) => onChange({ ...value, [key]: (e.target.value || undefined) as never })}
            >
              <option value="">{t('fromFile')}</option>
              {['all', ...values].map((v) => (
                <option key={v} value={v}>
                  {t(v as StringKey)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </details>
  );
}
