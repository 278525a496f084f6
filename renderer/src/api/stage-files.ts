import { serveHeaders } from './transport';

/**
 * Turns files dropped on the window into paths the engine can import. In Electron the preload tells a file's
 * path; in the browser the files are streamed to `pinsight serve`, which keeps them in a staging folder.
 */

interface DroppedFile {
  file: File;
  /** Path inside a dropped folder ("folder/sub/file.csv"), or the file name. */
  relativePath: string;
}

async function readEntry(entry: FileSystemEntry, prefix: string): Promise<DroppedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
    return [{ file, relativePath: `${prefix}${entry.name}` }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const out: DroppedFile[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) break;
    for (const e of batch) out.push(...(await readEntry(e, `${prefix}${entry.name}/`)));
  }
  return out;
}

/** Files and folders of a drop, folders walked. */
export async function droppedFiles(data: DataTransfer): Promise<{ direct: File[]; walked: DroppedFile[] }> {
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => Boolean(e));
  const walked: DroppedFile[] = [];
  for (const e of entries) walked.push(...(await readEntry(e, '')));
  return { direct: [...data.files], walked };
}

export async function stageFiles(data: DataTransfer | FileList, onUpload?: (name: string) => void): Promise<string[]> {
  const bridge = window.pinsight;
  const { direct, walked } = data instanceof DataTransfer ? await droppedFiles(data) : { direct: [...data], walked: [] as DroppedFile[] };
  const pathForFile = bridge?.pathForFile;
  if (pathForFile) return direct.map((f) => pathForFile(f)).filter(Boolean);
  const batch = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const paths: string[] = [];
  for (const { file, relativePath } of walked.length ? walked : direct.map((file) => ({ file, relativePath: file.name }))) {
    onUpload?.(relativePath);
    const res = await fetch(`/upload?batch=${batch}&name=${encodeURIComponent(relativePath)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Pinsight-Upload': '1', ...serveHeaders() },
      body: file,
    });
    if (!res.ok) throw new Error(`Upload of ${relativePath} failed: ${res.status} ${await res.text()}`);
    paths.push(((await res.json()) as { path: string }).path);
  }
  // A dropped folder is imported as a folder, in one transaction with the rest.
  return [...new Set(paths.map((p) => (walked.length ? p.slice(0, p.indexOf(batch) + batch.length) : p)))];
}
