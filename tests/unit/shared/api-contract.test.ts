import { describe, expect, it } from 'vitest';
import { API_METHODS, callSchemas, createApiClient, dispatchCall, PinsightError, type PinsightApi } from '../../../shared/api';
import { isApiMethod } from '../../../shared/api-methods';

function fakeApi(overrides: Partial<PinsightApi> = {}): PinsightApi {
  const ok = async () => ({ ok: true as const, value: 'done' as never });
  return Object.fromEntries(API_METHODS.map((m) => [m, overrides[m] ?? ok])) as unknown as PinsightApi;
}

describe('API contract', () => {
  it('has one schema per method', () => {
    expect(Object.keys(callSchemas).sort()).toEqual([...API_METHODS].sort());
    expect(isApiMethod('query')).toBe(true);
    expect(isApiMethod('__proto__')).toBe(false);
  });

  it('refuses unknown methods as data', async () => {
    expect(await dispatchCall(fakeApi(), 'dropTables', {})).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'Unknown method "dropTables"' },
    });
  });

  it('validates arguments and says which field is wrong', async () => {
    const r = await dispatchCall(fakeApi(), 'query', { view: 'overview', filters: { contentType: 'both' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-argument');
      expect(r.error.message).toContain('filters.contentType');
    }
  });

  it('refuses extra fields (no SQL or unknown keys slip through)', async () => {
    const r = await dispatchCall(fakeApi(), 'query', { view: 'overview', sql: 'DROP TABLE events' });
    expect(r.ok).toBe(false);
  });

  it('passes validated arguments with defaults filled in', async () => {
    let seen: unknown;
    const api = fakeApi({
      query: async (spec) => {
        seen = spec;
        return { ok: true, value: null as never };
      },
    });
    await dispatchCall(api, 'query', { view: 'top-pins', filters: { from: '2026-01-01', to: '2026-01-31' } });
    expect(seen).toMatchObject({ view: 'top-pins', splitBy: 'none', filters: { contentType: 'all', accounts: [], from: '2026-01-01' } });
  });

  it('turns thrown errors into error data', async () => {
    const api = fakeApi({
      getWorkspace: async () => {
        throw new PinsightError('workspace-in-use', 'in use');
      },
    });
    expect(await dispatchCall(api, 'getWorkspace', undefined)).toEqual({
      ok: false,
      error: { code: 'workspace-in-use', message: 'in use' },
    });
  });

  it('rejects impossible dates and reversed ranges', async () => {
    const bad = await dispatchCall(fakeApi(), 'query', { view: 'overview', filters: { from: '2026-02-30' } });
    const reversed = await dispatchCall(fakeApi(), 'query', { view: 'overview', filters: { from: '2026-03-02', to: '2026-03-01' } });
    expect(bad.ok).toBe(false);
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.error.message).toContain('--from must not be after --to');
  });

  it('a client sends each call through its transport', async () => {
    const calls: [string, unknown][] = [];
    const client = createApiClient(async (m, a) => {
      calls.push([m, a]);
      return { ok: true, value: m };
    });
    expect(await client.importHistory()).toEqual({ ok: true, value: 'importHistory' });
    await client.openWorkspace({ path: '/tmp/x.duckdb' });
    expect(calls).toEqual([
      ['importHistory', undefined],
      ['openWorkspace', { path: '/tmp/x.duckdb' }],
    ]);
  });
});
