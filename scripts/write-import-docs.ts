// Writes docs/import-formats.md from the column table in shared/dump-columns.ts and the export vocabulary.
// `npx tsx scripts/write-import-docs.ts`; a test fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { importFormatsMarkdown } from '../tests/helpers/import-docs';

writeFileSync(new URL('../docs/import-formats.md', import.meta.url), importFormatsMarkdown());
