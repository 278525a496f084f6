/** Follows a background job (import, export) until it ends, reporting each status it passes through. */
import type { ApiError, ApiResult } from '../../../shared/api';

const POLL_MS = 250;

export async function followJob<S extends { id: string; state: string }>(
  started: ApiResult<S>,
  status: (id: string) => Promise<ApiResult<S>>,
  onStatus: (s: S) => void,
): Promise<{ ok: true; last: S } | { ok: false; error: ApiError }> {
  if (!started.ok) return started;
  let last = started.value;
  onStatus(last);
  while (last.state === 'running') {
    await new Promise((r) => setTimeout(r, POLL_MS));
    const next = await status(last.id);
    if (!next.ok) return next;
    last = next.value;
    onStatus(last);
  }
  return { ok: true, last };
}
