/** Saved views: named states of the workbench, stored in the workspace file so that they travel with it. */
import { PinsightError } from '../../../shared/api';
import type { SavedView } from '../../../shared/preferences';
import type { Workspace } from '../db/workspace';

const refuseReadOnly = (ws: Workspace): void => {
  if (ws.readOnlyReason)
    throw new PinsightError('bad-input', `The view was not saved: the workspace is open read-only (${ws.readOnlyReason}).`);
};

export async function listSavedViews(ws: Workspace): Promise<SavedView[]> {
  const rows = await ws.all<{ id: number; name: string; state: string; saved_at: string }>(
    `SELECT view_id AS id, name, state, strftime(saved_at, '%Y-%m-%dT%H:%M:%SZ') AS saved_at FROM saved_views ORDER BY lower(name), view_id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, state: r.state, savedAt: r.saved_at }));
}

/** Saves the state under a name; a view of the same name (any case) takes the new state. */
export async function saveView(ws: Workspace, name: string, state: string): Promise<SavedView[]> {
  refuseReadOnly(ws);
  await ws.transaction(async () => {
    const same = await ws.value<number>(`SELECT view_id FROM saved_views WHERE lower(name) = lower($name)`, { name });
    if (same !== null)
      await ws.run(`UPDATE saved_views SET name = $name, state = $state, saved_at = now()::TIMESTAMP WHERE view_id = $id`, {
        name,
        state,
        id: Number(same),
      });
    else
      await ws.run(`INSERT INTO saved_views SELECT coalesce(max(view_id), 0) + 1, $name, $state, now()::TIMESTAMP FROM saved_views`, {
        name,
        state,
      });
  });
  await ws.checkpoint();
  return listSavedViews(ws);
}

export async function renameSavedView(ws: Workspace, id: number, name: string): Promise<SavedView[]> {
  refuseReadOnly(ws);
  await ws.transaction(async () => {
    if (!(await ws.value<number>(`SELECT count(*) FROM saved_views WHERE view_id = $id`, { id })))
      throw new PinsightError('not-found', `There is no saved view ${id} in this workspace.`);
    const clash = await ws.value<number>(`SELECT count(*) FROM saved_views WHERE lower(name) = lower($name) AND view_id <> $id`, {
      name,
      id,
    });
    if (clash) throw new PinsightError('bad-input', `Another saved view is already called "${name}".`);
    await ws.run(`UPDATE saved_views SET name = $name WHERE view_id = $id`, { name, id });
  });
  await ws.checkpoint();
  return listSavedViews(ws);
}

export async function deleteSavedView(ws: Workspace, id: number): Promise<SavedView[]> {
  refuseReadOnly(ws);
  await ws.run(`DELETE FROM saved_views WHERE view_id = $id`, { id });
  await ws.checkpoint();
  return listSavedViews(ws);
}
