/** A one-line progress bar for terminals. */
export function progressBar(done: number, total: number, label: string, width = 24): string {
  const share = total ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)
    .toString()
    .padStart(3)}% ${label}`;
}
