/**
 * The API over one WebSocket per page (GET /api/socket, upgraded): the same calls as POST /api/METHOD, without
 * the cost of a request in the browser. On this machine Chromium spends ~7 ms on a small POST to localhost and
 * ~2 ms on a message over an open socket, and a filter click waits for one call.
 *
 * Who may connect: the same as for the API. Our own host name (DNS rebinding), our own origin (a browser always
 * sends it with a socket, so a page of another site is refused), and this start's token, offered as the second
 * sub-protocol ("pinsight", token): a page cannot set headers on a socket, and an address would be logged.
 *
 * Messages are JSON in text frames (RFC 6455): {"id": n, "method": m, "arg": a} in, {"id": n, "result": r} out,
 * r being what POST /api/m answers. Answers go out as they are ready, not in order. A message larger than
 * MAX_MESSAGE, a binary one, an unmasked one or one that is not such JSON closes the socket with the reason.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { SOCKET_PROTOCOL } from '../../../shared/serve-socket';
import { sameToken } from './access-token';

/** The largest message a page may send (API arguments are small; files go through /upload). */
export const MAX_MESSAGE = 1 << 20;
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;
/** Close codes: normal, protocol error, unsupported data, invalid payload, policy, too big. */
const CLOSE = { normal: 1000, protocol: 1002, unsupported: 1003, invalid: 1007, policy: 1008, tooBig: 1009 } as const;
/** Calls of one socket being answered at once; a page has a few (a flood closes the socket). */
export const MAX_IN_FLIGHT = 256;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface SocketOptions {
  /** The host names the server answers under (127.0.0.1:PORT, localhost:PORT). */
  hosts: readonly string[];
  token: string;
  /** Answers one call (what POST /api/METHOD answers), as JSON text. */
  call: (method: string, arg: unknown) => Promise<string>;
}

/** What closes a page's socket: its close code and reason. */
export class SocketClose extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${message}`);
}

/** The refusal of an upgrade request, or null when it may become the page's socket. */
export function socketRefusal(req: IncomingMessage, options: Pick<SocketOptions, 'hosts' | 'token'>): [number, string, string] | null {
  const host = req.headers.host ?? '';
  if (!options.hosts.includes(host)) return [421, 'Misdirected Request', 'Misdirected request'];
  if (req.headers.origin !== `http://${host}`) return [403, 'Forbidden', 'Only the page Pinsight served may open its socket'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || req.headers['sec-websocket-version'] !== '13') {
    return [426, 'Upgrade Required', 'Expected a WebSocket (version 13)'];
  }
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || Buffer.from(key, 'base64').length !== 16) return [400, 'Bad Request', 'Malformed WebSocket key'];
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  if (offered[0] !== SOCKET_PROTOCOL || !sameToken(offered[1], options.token)) {
    return [401, 'Unauthorized', 'Unauthorised: open the address that pinsight serve printed (it ends in #token=…)'];
  }
  return null;
}

/** A frame from the server: never masked, never fragmented. */
export function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (n >= 126 && n < 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(n, 2);
  } else if (n >= 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
}

/**
 * Reads the frames of a page's socket as bytes arrive: whole messages (fragments joined) and control frames.
 * Throws SocketClose for what closes the socket.
 */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragmentBytes = 0;

  constructor(private readonly on: { message: (text: string) => void; close: () => void; ping: (payload: Buffer) => void }) {}

  push(bytes: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, bytes]) : bytes;
    for (;;) {
      const b = this.buffered;
      if (b.length < 2) return;
      const first = b[0] ?? 0;
      const second = b[1] ?? 0;
      const fin = (first & 0x80) !== 0;
      const opcode = first & 0x0f;
      if ((first & 0x70) !== 0) throw new SocketClose(CLOSE.protocol, 'No extension was agreed: reserved bits must be 0');
      if ((second & 0x80) === 0) throw new SocketClose(CLOSE.policy, 'A page must mask its frames');
      // Control frames (close, ping, pong) are whole and short.
      if (opcode >= 8 && (!fin || (second & 0x7f) > 125))
        throw new SocketClose(CLOSE.protocol, 'A control frame is unfragmented and at most 125 bytes');
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        const long = b.readBigUInt64BE(2);
        if (long > BigInt(MAX_MESSAGE)) throw new SocketClose(CLOSE.tooBig, `A message is at most ${MAX_MESSAGE} bytes`);
        length = Number(long);
        offset = 10;
      }
      if (length > MAX_MESSAGE || this.fragmentBytes + length > MAX_MESSAGE)
        throw new SocketClose(CLOSE.tooBig, `A message is at most ${MAX_MESSAGE} bytes`);
      if (b.length < offset + 4 + length) return;
      const mask = b.subarray(offset, offset + 4);
      const payload = Buffer.from(b.subarray(offset + 4, offset + 4 + length));
      for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i & 3] ?? 0);
      this.buffered = b.subarray(offset + 4 + length);
      this.take(opcode, fin, payload);
    }
  }

  private take(opcode: number, fin: boolean, payload: Buffer): void {
    if (opcode === OP.close) return this.on.close();
    if (opcode === OP.ping) return this.on.ping(payload);
    if (opcode === OP.pong) return;
    if (opcode === OP.binary) throw new SocketClose(CLOSE.unsupported, 'Messages are JSON text');
    if (opcode !== OP.text && opcode !== OP.continuation) throw new SocketClose(CLOSE.policy, `Unknown frame type ${opcode}`);
    if ((opcode === OP.continuation) !== this.fragments.length > 0) throw new SocketClose(CLOSE.policy, 'Fragments out of order');
    this.fragments.push(payload);
    this.fragmentBytes += payload.length;
    if (!fin) return;
    const bytes = Buffer.concat(this.fragments);
    this.fragments = [];
    this.fragmentBytes = 0;
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      throw new SocketClose(CLOSE.invalid, 'A text message is UTF-8');
    }
    this.on.message(text);
  }
}

/** Completes the upgrade to the page's socket (or refuses it) and answers its calls. */
export function acceptApiSocket(req: IncomingMessage, socket: Duplex, head: Buffer, options: SocketOptions): void {
  socket.on('error', () => socket.destroy());
  const refusal = socketRefusal(req, options);
  if (refusal) return refuse(socket, ...refusal);
  const accept = createHash('sha1')
    .update(`${String(req.headers['sec-websocket-key'])}${GUID}`)
    .digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${SOCKET_PROTOCOL}\r\n\r\n`,
  );
  // Small answers leave at once (no waiting to fill a packet).
  if (socket instanceof Socket) socket.setNoDelay(true);
  let open = true;
  let inFlight = 0;
  const send = (opcode: number, payload: Buffer) => {
    if (open && socket.writable) socket.write(frame(opcode, payload));
  };
  const close = (code: number, reason: string) => {
    if (!open) return;
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
    payload.writeUInt16BE(code, 0);
    payload.write(reason, 2);
    send(OP.close, payload);
    open = false;
    socket.end();
  };
  const reader = new FrameReader({
    close: () => close(CLOSE.normal, ''),
    ping: (payload) => send(OP.pong, payload),
    message: (text) => {
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        throw new SocketClose(CLOSE.invalid, 'A message is JSON');
      }
      if (typeof message !== 'object' || message === null || !('id' in message) || typeof message.id !== 'number') {
        throw new SocketClose(CLOSE.invalid, 'A message is {"id": number, "method": string, "arg": ...}');
      }
      const { id } = message;
      const method = 'method' in message && typeof message.method === 'string' ? message.method : '';
      const arg = 'arg' in message ? message.arg : undefined;
      if (inFlight >= MAX_IN_FLIGHT) throw new SocketClose(CLOSE.policy, `At most ${MAX_IN_FLIGHT} calls at once`);
      inFlight++;
      void options
        .call(method, arg)
        .catch(() => JSON.stringify({ ok: false, error: { code: 'internal', message: 'Internal error' } }))
        .then((result) => {
          inFlight--;
          send(OP.text, Buffer.from(`{"id":${id},"result":${result}}`));
        });
    },
  });
  const read = (bytes: Buffer) => {
    if (!open) return;
    try {
      reader.push(bytes);
    } catch (e) {
      if (e instanceof SocketClose) close(e.code, e.message);
      else close(CLOSE.policy, 'Unreadable frame');
    }
  };
  socket.on('data', read);
  socket.on('close', () => (open = false));
  if (head.length) read(head);
}
