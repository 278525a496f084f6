import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFormatsMarkdown } from '../helpers/import-docs';

describe('docs/import-formats.md', () => {
  it('is up to date with the column tables (run `npx tsx scripts/write-import-docs.ts`)', () => {
    expect(readFileSync(new URL('../../docs/import-formats.md', import.meta.url), 'utf8')).toBe(importFormatsMarkdown());
  });
});
