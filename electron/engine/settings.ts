/** Workspace settings: the time zone that defines calendar days. */
import { PinsightError } from '../../shared/api';
import type { Workspace } from './db/workspace';
import { rebuildDerived } from './derive/rebuild-derived';

export interface WorkspaceSettings {
  timeZone: string;
}

export async function readSettings(ws: Workspace): Promise<WorkspaceSettings> {
  return { timeZone: await ws.timeZone() };
}

/** Sets the time zone (an IANA name such as Europe/Stockholm) and re-derives the days of every event. */
export async function setTimeZone(ws: Workspace, timeZone: string): Promise<WorkspaceSettings> {
  const known = await ws.value<number>(`SELECT count(*) FROM pg_timezone_names() WHERE name = $tz`, { tz: timeZone });
  if (!known)
    throw new PinsightError('invalid-argument', `Unknown time zone "${timeZone}" (use an IANA name such as Europe/Stockholm or UTC)`);
  await ws.transaction(async () => {
    await ws.setMeta('time_zone', timeZone);
    await rebuildDerived(ws);
  });
  await ws.checkpoint();
  return readSettings(ws);
}
