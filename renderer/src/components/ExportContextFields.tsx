/** Sets or corrects the filter selection of Analytics exports that lack it, at import. */
import { DIMENSION_IDS, DIMENSIONS } from '../../../shared/dimensions';
import type { ExportContextInput } from '../../../shared/filters';
import { useStrings } from '../i18n/use-strings';

export function ExportContextFields({ value, onChange }: { value: ExportContextInput; onChange: (v: ExportContextInput) => void }) {
  const { t, dimensionLabel, word } = useStrings();
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
        {DIMENSION_IDS.map((key) => (
          <label key={key}>
            {dimensionLabel(key)}
            <select
              data-testid={`export-context-${key}`}
              value={value[key] ?? ''}
              onChange={(e) => onChange({ ...value, [key]: (e.target.value || undefined) as never })}
            >
              <option value="">{t('fromFile')}</option>
              {['all', ...DIMENSIONS[key].values].map((v) => (
                <option key={v} value={v}>
                  {word(v)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </details>
  );
}
