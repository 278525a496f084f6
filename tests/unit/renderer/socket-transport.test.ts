/** Issue 16: the served page's calls go over its socket, matched by id; over HTTP where no socket opens. */
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult, Transport } from '../../../shared/api';
import { OPEN_TIMEOUT_MS, socketTransport, type SocketLike } from '../../../renderer/src/api/socket-transport';
import { MAX_MESSAGE } from '../../../shared/serve-socket';

class StandInSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: never) => unknown) | null = null;
  onclose: ((event: never) => unknown) | null = null;
  onmessage: ((event: never) => unknown) | null = null;
  sent: { id: number; method: string; arg: unknown }[] = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; method: string; arg: unknown });
  }
  accept(): void {
    this.readyState = 1;
    this.onopen?.(undefined as never);
  }
  close(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason } as never);
  }
  answer(id: number, result: ApiResult<unknown>): void {
    this.onmessage?.({ data: JSON.stringify({ id, result }) } as never);
  }
}

function setUp(token: string | null = 'tok') {
  const sockets: StandInSocket[] = [];
  const overHttp: string[] = [];
  const fallback: Transport = async (method) => {
    overHttp.push(method);
    return { ok: true, value: 'http' };
  };
  const transport = socketTransport({
    fallback,
    token: () => token,
    url: () => 'ws://127.0.0.1:1/api/socket',
    open: (url, protocols) => {
      const s = new StandInSocket(url, protocols);
      sockets.push(s);
      return s;
    },
  });
  return { sockets, overHttp, transport };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the socket transport', () => {
  it('sends calls over one socket once it is open, offering the token, and matches answers by id', async () => {
    const { sockets, overHttp, transport } = setUp();
    const first = transport('getWorkspace', undefined);
    const second = transport('query', { view: 'overview' });
    await tick();
    expect(sockets).toHaveLength(1);
    const s = sockets[0] as StandInSocket;
    expect(s.protocols).toEqual(['pinsight', 'tok']);
    s.accept();
    await tick();
    expect(s.sent.map((m) => m.method)).toEqual(['getWorkspace', 'query']);
    const [a, b] = s.sent;
    // Out of order: each call gets its own answer.
    s.answer(b?.id ?? -1, { ok: true, value: 'second' });
    s.answer(a?.id ?? -1, { ok: true, value: 'first' });
    expect(await first).toEqual({ ok: true, value: 'first' });
    expect(await second).toEqual({ ok: true, value: 'second' });
    expect(overHttp).toEqual([]);
  });

  it('sends a call on an open socket at once, before anything else the page has queued runs', async () => {
    const { sockets, transport } = setUp();
    void transport('getWorkspace', undefined);
    await tick();
    const s = sockets[0] as StandInSocket;
    s.accept();
    await tick();
    let queuedRan = false;
    queueMicrotask(() => {
      queuedRan = true;
    });
    void transport('query', { view: 'overview' });
    // Sent within the call: a click's render (queued like this) does not delay it.
    expect(s.sent.map((m) => m.method)).toEqual(['getWorkspace', 'query']);
    expect(queuedRan).toBe(false);
    // Once closed, the next call waits for a new socket.
    s.close();
    void transport('query', {});
    expect(s.sent).toHaveLength(2);
    await tick();
    expect(sockets).toHaveLength(2);
  });

  it('tells the calls in flight when the socket closes, and opens a new one for the next call', async () => {
    const { sockets, transport } = setUp();
    const pending = transport('query', {});
    await tick();
    sockets[0]?.accept();
    await tick();
    sockets[0]?.close(1009, 'A message is at most 1048576 bytes');
    const lost = await pending;
    expect(lost.ok).toBe(false);
    expect(lost.ok ? '' : lost.error.message).toMatch(/not reachable.*closed \(1009 A message is at most 1048576 bytes\)/);
    const next = transport('getWorkspace', undefined);
    await tick();
    expect(sockets).toHaveLength(2);
    sockets[1]?.accept();
    await tick();
    sockets[1]?.answer(sockets[1].sent[0]?.id ?? -1, { ok: true, value: 'again' });
    expect(await next).toEqual({ ok: true, value: 'again' });
  });

  it('goes over HTTP when the socket is refused (and does not knock again at once), or without a token', async () => {
    const { sockets, overHttp, transport } = setUp();
    const call = transport('getWorkspace', undefined);
    await tick();
    sockets[0]?.close();
    expect(await call).toEqual({ ok: true, value: 'http' });
    expect(await transport('query', {})).toEqual({ ok: true, value: 'http' });
    expect(sockets).toHaveLength(1);
    expect(overHttp).toEqual(['getWorkspace', 'query']);

    const noToken = setUp(null);
    expect(await noToken.transport('getWorkspace', undefined)).toEqual({ ok: true, value: 'http' });
    expect(noToken.sockets).toHaveLength(0);
  });

  it('gives up a socket that does not open in time, and goes over HTTP', async () => {
    vi.useFakeTimers();
    try {
      const { sockets, overHttp, transport } = setUp();
      const call = transport('getWorkspace', undefined);
      await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS - 1);
      expect(overHttp).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(await call).toEqual({ ok: true, value: 'http' });
      expect(sockets[0]?.readyState).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a call too large for the socket as a POST, and answers an argument that cannot be sent', async () => {
    const { sockets, overHttp, transport } = setUp();
    const opening = transport('getWorkspace', undefined);
    await tick();
    sockets[0]?.accept();
    await tick();
    sockets[0]?.answer(sockets[0].sent[0]?.id ?? -1, { ok: true, value: 'socket' });
    await opening;
    expect(await transport('importFiles', { paths: ['x'.repeat(MAX_MESSAGE)] })).toEqual({ ok: true, value: 'http' });
    expect(overHttp).toEqual(['importFiles']);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const refused = await transport('query', circular);
    expect(refused.ok ? '' : refused.error.code).toBe('invalid-argument');
    expect(sockets[0]?.sent).toHaveLength(1);
  });
});
