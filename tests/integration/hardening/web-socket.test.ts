/**
 * Issue 16 (and 12's rules): the page's WebSocket answers the API as POST /api/METHOD does, and only the page
 * `pinsight serve` served: our host name, our origin, this start's token; malformed frames close it.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { demoWebHost } from '../../helpers/demo-web-host';
import { tempDir } from '../../helpers/temp-dir';
import { join } from 'node:path';
import { MAX_FRAGMENTS, MAX_IN_FLIGHT } from '../../../electron/cli/web-host/api-socket';
import { MAX_MESSAGE } from '../../../shared/serve-socket';
import { startWebHost, type WebHost } from '../../../electron/cli/web-host/web-host';
import { querySpecSchema } from '../../../shared/query';

const dir = tempDir();
const served = demoWebHost(dir);

interface Opened {
  status: number;
  head: string;
  socket: Socket;
  /** Frames from the server, as they arrive: [opcode, payload]. */
  frames: [number, Buffer][];
  next: () => Promise<[number, Buffer]>;
  closed: Promise<void>;
}

/** A WebSocket handshake as a browser sends it, with what a test changes. */
function open(
  change: { host?: string; origin?: string | null; protocol?: string | null; path?: string; method?: string; key?: string } = {},
  server: WebHost = served.host,
): Promise<Opened> {
  const port = server.port;
  const host = change.host ?? `127.0.0.1:${port}`;
  const headers = [
    `${change.method ?? 'GET'} ${change.path ?? '/api/socket'} HTTP/1.1`,
    `Host: ${host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${change.key ?? randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...(change.origin === null ? [] : [`Origin: ${change.origin ?? `http://${host}`}`]),
    ...(change.protocol === null ? [] : [`Sec-WebSocket-Protocol: ${change.protocol ?? `pinsight, ${server.token}`}`]),
  ];
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    let buffered = Buffer.alloc(0);
    let opened: Opened | null = null;
    const waiting: ((f: [number, Buffer]) => void)[] = [];
    const frames: [number, Buffer][] = [];
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    const parse = () => {
      for (;;) {
        if (buffered.length < 2) return;
        let length = (buffered[1] ?? 0) & 0x7f;
        let offset = 2;
        if (length === 126) [length, offset] = [buffered.readUInt16BE(2), 4];
        else if (length === 127) [length, offset] = [Number(buffered.readBigUInt64BE(2)), 10];
        if (buffered.length < offset + length) return;
        const f: [number, Buffer] = [(buffered[0] ?? 0) & 0x0f, buffered.subarray(offset, offset + length)];
        buffered = buffered.subarray(offset + length);
        const w = waiting.shift();
        if (w) w(f);
        else frames.push(f);
      }
    };
    socket.on('data', (d: Buffer) => {
      buffered = Buffer.concat([buffered, d]);
      if (!opened) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString();
        buffered = buffered.subarray(end + 4);
        const next = () => new Promise<[number, Buffer]>((r) => (frames.length ? r(frames.shift() as [number, Buffer]) : waiting.push(r)));
        opened = { status: Number(head.split(' ')[1]), head, socket, frames, next, closed };
        ok(opened);
      }
      parse();
    });
    socket.on('error', fail);
    socket.write(`${headers.join('\r\n')}\r\n\r\n`);
  });
}

/** A frame as a browser sends it: masked. */
function clientFrame(
  opcode: number,
  payload: Buffer,
  { fin = true, mask = true, declared }: { fin?: boolean; mask?: boolean; declared?: number } = {},
) {
  const n = declared ?? payload.length;
  const head = n < 126 ? Buffer.from([0, n]) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (n >= 126 && n < 65536) [head[1], head[2], head[3]] = [126, n >> 8, n & 255];
  else if (n >= 65536) {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  head[0] = (fin ? 0x80 : 0) | opcode;
  if (!mask) return Buffer.concat([head, payload]);
  head[1] = (head[1] ?? 0) | 0x80;
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ (key[i & 3] ?? 0)));
  return Buffer.concat([head, key, masked]);
}

const text = (value: unknown) => clientFrame(1, Buffer.from(JSON.stringify(value)));
const closeCode = (f: [number, Buffer]) => (f[0] === 8 ? f[1].readUInt16BE(0) : -1);

describe("the page's socket", () => {
  it('is refused without the token, from another origin or under another host name', async () => {
    for (const [change, status] of [
      [{ protocol: null }, 401],
      [{ protocol: 'pinsight' }, 401],
      [{ protocol: `pinsight, ${'x'.repeat(43)}` }, 401],
      [{ protocol: `${served.host.token}, pinsight` }, 401],
      [{ origin: null }, 403],
      [{ origin: 'http://evil.example' }, 403],
      [{ origin: 'null' }, 403],
      [{ host: `evil.example:${served.host.port}`, origin: `http://evil.example:${served.host.port}` }, 421],
      [{ path: '/api/other' }, 404],
      // Addresses that URL parsing throws on: refused, and the server lives on (below).
      [{ path: '//x:99999/' }, 404],
      [{ path: 'http://[' }, 404],
      [{ method: 'POST' }, 405],
      [{ key: 'not a key' }, 400],
    ] as const) {
      const o = await open(change);
      expect([change, o.status]).toEqual([change, status]);
      await o.closed;
    }
    const alive = await open();
    expect(alive.status).toBe(101);
    alive.socket.destroy();
  });

  it('answers calls as POST /api/METHOD does, each by its id, and answers pings', async () => {
    const o = await open();
    expect(o.status).toBe(101);
    expect(o.head).toContain(`Sec-WebSocket-Accept: `);
    expect(o.head).toMatch(/Sec-WebSocket-Protocol: pinsight\r?$/m);
    const spec = { view: 'overview', filters: { device: 'web' }, skipAudience: true };
    o.socket.write(Buffer.concat([text({ id: 7, method: 'query', arg: spec }), text({ id: 8, method: 'nope', arg: null })]));
    const answers = new Map<number, { ok: boolean; value?: { totals: { impressions: number } }; error?: { code: string } }>();
    for (let i = 0; i < 2; i++) {
      const [opcode, payload] = await o.next();
      expect(opcode).toBe(1);
      const m = JSON.parse(payload.toString()) as { id: number; result: never };
      answers.set(m.id, m.result);
    }
    const http = await served.engine.query(querySpecSchema.parse(spec));
    expect(answers.get(7)?.ok).toBe(true);
    expect(answers.get(7)?.value?.totals.impressions).toBe(http.view === 'overview' ? http.totals.impressions : -1);
    expect(answers.get(7)?.value?.totals.impressions).toBeGreaterThan(0);
    expect(answers.get(8)?.error?.code).toBe('unknown-method');
    // A message in two fragments, with a ping between them.
    const whole = Buffer.from(JSON.stringify({ id: 9, method: 'getWorkspace' }));
    o.socket.write(clientFrame(1, whole.subarray(0, 10), { fin: false }));
    o.socket.write(clientFrame(9, Buffer.from('are you there')));
    o.socket.write(clientFrame(0, whole.subarray(10)));
    const pong = await o.next();
    expect([pong[0], pong[1].toString()]).toEqual([10, 'are you there']);
    const [, payload] = await o.next();
    expect(JSON.parse(payload.toString())).toMatchObject({ id: 9, result: { ok: true } });
    // A message that arrives a byte at a time.
    for (const byte of text({ id: 10, method: 'getWorkspace' })) o.socket.write(Buffer.from([byte]));
    expect(JSON.parse((await o.next())[1].toString())).toMatchObject({ id: 10, result: { ok: true } });
    // A close frame: its code is echoed, and a call after it in the same packet is not run.
    o.socket.write(Buffer.concat([clientFrame(8, Buffer.from([15, 160])), text({ id: 11, method: 'getWorkspace' })]));
    expect(closeCode(await o.next())).toBe(4000);
    await o.closed;
    expect(o.frames).toEqual([]);
  });

  it('lets go of a page that leaves without a close frame', async () => {
    const o = await open();
    expect(o.status).toBe(101);
    o.socket.end();
    await o.closed;
  });

  it('closes on a message too large, unmasked, binary or not JSON', async () => {
    for (const [frame, code] of [
      [clientFrame(1, Buffer.alloc(0), { declared: MAX_MESSAGE + 1 }), 1009],
      [clientFrame(1, Buffer.from('{"id":1}'), { mask: false }), 1002],
      [clientFrame(2, Buffer.from([1, 2, 3])), 1003],
      [clientFrame(1, Buffer.from('{"id": 1, "method": ')), 1007],
      [text({ method: 'getWorkspace' }), 1007],
      // Not UTF-8 (a lone continuation byte).
      [clientFrame(1, Buffer.from([0x7b, 0x80, 0x7d])), 1007],
      // A reserved bit without an extension; a fragmented ping; a ping longer than a control frame may be.
      [Buffer.from(clientFrame(1, Buffer.from('{"id":1}')).map((b, i) => (i === 0 ? b | 0x40 : b))), 1002],
      [clientFrame(9, Buffer.from('x'), { fin: false }), 1002],
      [clientFrame(9, Buffer.alloc(126, 120)), 1002],
      // A close frame of one byte, or with a code no peer may send.
      [clientFrame(8, Buffer.from([3])), 1002],
      [clientFrame(8, Buffer.from([3, 231])), 1002],
      // More fragments than a message may have, each empty.
      [
        Buffer.concat([
          clientFrame(1, Buffer.alloc(0), { fin: false }),
          ...Array.from({ length: MAX_FRAGMENTS }, () => clientFrame(0, Buffer.alloc(0), { fin: false })),
        ]),
        1009,
      ],
      // A flood: more calls at once than a page ever has.
      [Buffer.concat(Array.from({ length: MAX_IN_FLIGHT + 1 }, (_, i) => text({ id: i, method: 'getWorkspace' }))), 1008],
    ] as const) {
      const o = await open();
      o.socket.write(frame);
      // Answers to calls read before the one that closed it may come first.
      let f = await o.next();
      while (f[0] === 1) f = await o.next();
      expect(closeCode(f)).toBe(code);
      await o.closed;
    }
    // Fragments that add up to more than a message may hold.
    const o = await open();
    const half = Buffer.alloc(MAX_MESSAGE / 2 + 1, 32);
    o.socket.write(Buffer.concat([clientFrame(1, half, { fin: false }), clientFrame(0, half)]));
    expect(closeCode(await o.next())).toBe(1009);
    await o.closed;
  });

  it('is closed when the server stops', async () => {
    const second = await startWebHost(served.engine, { port: 0, rendererDir: join(dir, 'renderer') });
    const o = await open({}, second);
    expect(o.status).toBe(101);
    let closed = false;
    void o.closed.then(() => (closed = true));
    await second.close();
    await o.closed;
    expect(closed).toBe(true);
  });
});
