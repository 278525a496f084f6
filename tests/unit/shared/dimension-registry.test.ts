/**
 * The dimension registry is read everywhere a dimension appears: each consumer is checked against every entry,
 * so a new entry that one of them does not pick up fails here.
 */
import { describe, expect, it } from 'vitest';
import { dimensionOptions, FILTER_HELP, FILTER_OPTIONS, toQuerySpec } from '../../../electron/cli/common/cli-args';
import {
  DIMENSION_COLUMNS,
  derivedConditions,
  rawConditions,
  snapshotSelection,
  splitExpression,
} from '../../../electron/engine/db/dimension-columns';
import { DIMENSION_IDS, DIMENSIONS, valueLabel } from '../../../shared/dimensions';
import { EXPORT_LANGUAGES, EXPORT_VOCABULARY } from '../../../shared/export-vocabulary';
import { DEFAULT_FILTERS, exportContextSchema, filtersSchema, splitDimension, SPLITS } from '../../../shared/filters';

describe('the dimension registry', () => {
  for (const id of DIMENSION_IDS) {
    const { flag, values } = DIMENSIONS[id];
    describe(id, () => {
      it('is a filter of the API and of an export context, with "all" as default', () => {
        expect(DEFAULT_FILTERS[id]).toBe('all');
        for (const v of values) expect(filtersSchema.parse({ [id]: v })[id]).toBe(v);
        expect(filtersSchema.safeParse({ [id]: 'no-such-value' }).success).toBe(false);
        expect(exportContextSchema.parse({ [id]: values[0] })[id]).toBe(values[0]);
      });

      it('is a CLI option, an import option and a split key', () => {
        expect(FILTER_OPTIONS).toHaveProperty(flag);
        expect(dimensionOptions('export-')).toHaveProperty(`export-${flag}`);
        expect(FILTER_HELP).toContain(`--${flag} all|${values.join('|')}`);
        expect(toQuerySpec('overview', { [flag]: values[0] }).filters[id]).toBe(values[0]);
        expect(() => toQuerySpec('overview', { [flag]: 'no-such-value' })).toThrow(`--${flag}`);
        expect(SPLITS).toContain(flag);
        expect(splitDimension(flag)).toBe(id);
      });

      it('has labels in both languages and words in every export language', () => {
        for (const v of values) {
          expect(valueLabel(v, 'en')).toBeTruthy();
          expect(valueLabel(v, 'sv')).toBeTruthy();
        }
        for (const language of EXPORT_LANGUAGES) {
          expect(EXPORT_VOCABULARY[language].preamble[id].length).toBeGreaterThan(0);
          for (const v of values) expect(EXPORT_VOCABULARY[language].values[v]?.length).toBeGreaterThan(0);
        }
      });

      it('compiles to its columns in every table, its value bound', () => {
        const filters = { ...DEFAULT_FILTERS, [id]: values[0] };
        const columns = DIMENSION_COLUMNS[id];
        expect(derivedConditions(filters, 'r')).toEqual({ clauses: [`r.${columns.derived} = $${id}`], params: { [id]: values[0] } });
        expect(rawConditions(filters).clauses[0]).toContain('event' in columns.raw ? columns.raw.event : columns.raw.pin);
        expect(snapshotSelection(filters).sql).toContain(`s.${columns.snapshot} = $ctx_${id}`);
        expect(snapshotSelection(filters).params[`ctx_${id}`]).toBe(values[0]);
        expect(splitExpression(flag)).toContain(columns.derived);
      });
    });
  }
});
