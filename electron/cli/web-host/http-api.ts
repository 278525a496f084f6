/**
 * The API contract as `pinsight serve` offers it to a browser. The engine's API, with what differs over HTTP:
 * exports are written into the server's private folder and reach the analyst as browser downloads (the request's
 * `out` is only a file name: no server path is ever written); uploaded files are deleted once their import has
 * ended; and results speak of uploaded files by the names the analyst dropped, not by their staging paths.
 */
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import type { ApiArgs, ApiHandlers } from '../../../shared/api';
import type { ExportSummary } from '../../../shared/results';
import type { ServerFiles } from './server-files';

export interface Download {
  path: string;
  name: string;
  format: 'csv' | 'parquet';
}

const EXTENSION = { csv: '.csv', parquet: '.parquet' } as const;

/** A download's file name from what the page asked for: a plain name with the chosen format's extension. */
export function downloadName(requested: string, format: 'csv' | 'parquet'): string {
  // At most 100 characters (a file name has 255 bytes at most, and a character up to 4 of them in UTF-8).
  const plain = [
    ...basename(requested.replaceAll('\\', '/'))
      .replace(/[\x00-\x1f"*:<>?|/]/g, '_')
      .replace(/^\.+/, ''),
  ]
    .slice(0, 100)
    .join('');
  const stem = plain.replace(/\.(csv|txt|tsv|parquet|xlsx?|json)$/i, '') || 'pinsight-export';
  return `${stem}${EXTENSION[format]}`;
}

export function httpApi(api: ApiHandlers, files: ServerFiles): { api: ApiHandlers; downloads: Map<string, Download> } {
  const downloads = new Map<string, Download>();
  /** Export job id -> its private target. */
  const exportJobs = new Map<string, Download & { download?: string }>();
  /** Import job id -> the staged upload folders it reads. */
  const importJobs = new Map<string, string[]>();
  const stagingPrefix = `${files.uploads}/`;

  /** Upload paths as the analyst named them: "<uploads>/<batch>/a/b.csv" -> "a/b.csv" (any server's uploads). */
  const userPaths = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
      typeof v === 'string' ? v.replace(/(?:[A-Za-z]:)?[^\s"']*[\\/]pinsight-serve-[A-Za-z0-9]+[\\/]uploads[\\/][a-z0-9]+[\\/]/g, '') : v,
    ) as T;
  // Only a batch folder of this server's uploads, by its exact name pattern: never the uploads folder itself.
  const stagedBatches = (paths: string[]) => [
    ...new Set(
      paths
        .map((p) => resolve(p))
        .filter((p) => p.startsWith(stagingPrefix))
        .map((p) => p.slice(stagingPrefix.length).split(/[\\/]/)[0] ?? '')
        .filter((batch) => /^[a-z0-9]{4,40}$/.test(batch))
        .map((batch) => join(files.uploads, batch)),
    ),
  ];
  const removeStaged = (batches: string[] | undefined) => batches?.forEach((b) => files.remove(b));

  const target = (a: ApiArgs<'exportView'>): Download => {
    const format = a.format;
    const name = downloadName(a.out, format);
    return { path: join(mkdtempSync(join(files.exports, 'x-')), name), name, format };
  };
  const offer = (t: Download): string => {
    const id = randomBytes(16).toString('hex');
    downloads.set(id, t);
    return `/download/${id}`;
  };
  const asDownload = (summary: ExportSummary, t: Download & { download?: string }): ExportSummary => {
    t.download ??= offer(t);
    return { ...summary, path: t.name, download: t.download };
  };

  return {
    downloads,
    api: {
      ...api,
      async exportView(a) {
        const t = target(a);
        const r = await api.exportView({ ...a, out: t.path, overwrite: false });
        if (!r.ok) files.remove(join(t.path, '..'));
        return r.ok
          ? { ok: true, value: asDownload(r.value, t) }
          : { ok: false, error: { ...r.error, message: r.error.message.replaceAll(t.path, t.name) } };
      },
      async startExport(a) {
        const t = target(a);
        const r = await api.startExport({ ...a, out: t.path, overwrite: false });
        if (r.ok) exportJobs.set(r.value.id, t);
        return r.ok ? { ok: true, value: { ...r.value, out: t.name } } : r;
      },
      async exportStatus(a) {
        const r = await api.exportStatus(a);
        const t = exportJobs.get(a.id);
        if (!r.ok || !t) return r;
        const s = r.value;
        if (s.state !== 'running' && s.state !== 'done') files.remove(join(t.path, '..'));
        const error = s.error ? { ...s.error, message: s.error.message.replaceAll(t.path, t.name) } : undefined;
        return { ok: true, value: { ...s, out: t.name, error, result: s.result ? asDownload(s.result, t) : undefined } };
      },
      async importFiles(a) {
        try {
          return userPaths(await api.importFiles(a));
        } finally {
          removeStaged(stagedBatches(a.paths));
        }
      },
      async startImport(a) {
        const r = await api.startImport(a);
        if (r.ok) importJobs.set(r.value.id, stagedBatches(a.paths));
        else removeStaged(stagedBatches(a.paths));
        return userPaths(r);
      },
      async importStatus(a) {
        const r = await api.importStatus(a);
        if (r.ok && r.value.state !== 'running') {
          removeStaged(importJobs.get(a.id));
          importJobs.delete(a.id);
        }
        return userPaths(r);
      },
      importHistory: async () => userPaths(await api.importHistory(undefined)),
      removeImport: async (a) => userPaths(await api.removeImport(a)),
      // The reconcile view names the files of refused rows: as the analyst named them, never the upload folder.
      query: async (a) => (a.view === 'reconcile' ? userPaths(await api.query(a)) : api.query(a)),
    } satisfies ApiHandlers,
  };
}
