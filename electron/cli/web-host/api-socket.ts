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
 * r being what POST /api/m answers. Answers go out as they are ready, not in order. What breaks the protocol
 * closes the socket with its reason: a message larger than MAX_MESSAGE or in too many fragments, a binary or
 * unmasked frame, reserved bits, a long or fragmented control frame, text that is not UTF-8 or not such JSON,
 * more than MAX_IN_FLIGHT calls at once. While answers wait to be sent, the socket is not read (as HTTP does).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { MAX_MESSAGE, SOCKET_PROTOCOL } from '../../../shared/serve-socket';
import { sameToken } from './access-token';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;
/** Close codes: normal, going away, protocol error, unsupported data, invalid payload, policy, too big. */
const CLOSE = { normal: 1000, goingAway: 1001, protocol: 1002, unsupported: 1003, invalid: 1007, policy: 1008, tooBig: 1009 } as const;
/** Calls of one socket being answered at once; a page has a few (a flood closes the socket). */
export const MAX_IN_FLIGHT = 256;
/** Fragments of one message (each costs memory beyond its bytes). */
export const MAX_FRAGMENTS = 1024;
/** Answers waiting to be sent above this many bytes: the socket is not read until they have gone. */
const HIGH_WATER = 1 << 20;
/** A refused upgrade's connection is dropped after its answer, or after this long if the peer does not read it. */
const REFUSAL_MS = 2_000;
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

/** Answers an upgrade request with an HTTP error and drops the connection (also when the peer never reads). */
export function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const drop = setTimeout(() => socket.destroy(), REFUSAL_MS);
  drop.unref();
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${message}`, () => {
    clearTimeout(drop);
    socket.destroy();
  });
}

/** The refusal of an upgrade request, or null when it may become the page's socket. */
export function socketRefusal(req: IncomingMessage, options: Pick<SocketOptions, 'hosts' | 'token'>): [number, string, string] | null {
  const host = req.headers.host ?? '';
  if (!options.hosts.includes(host)) return [421, 'Misdirected Request', 'Misdirected request'];
  if (req.method !== 'GET') return [405, 'Method Not Allowed', 'A socket is opened with GET'];
  if (req.headers.origin !== `http://${host}`) return [403, 'Forbidden', 'Only the page Pinsight served may open its socket'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || req.headers['sec-websocket-version'] !== '13') {
    return [426, 'Upgrade Required', 'Expected a WebSocket (version 13)'];
  }
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || !/^[A-Za-z0-9+/]{21}[AQgw]==$/.test(key)) return [400, 'Bad Request', 'Malformed WebSocket key'];
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

/** What a page's socket hands on: whole messages (fragments joined) and control frames. */
interface FrameEvents {
  message: (text: string) => void;
  /** A close frame: its code (1005 when it gave none). Nothing after it is read. */
  close: (code: number) => void;
  ping: (payload: Buffer) => void;
}

/**
 * Reads the frames of a page's socket as bytes arrive. Chunks are kept apart until a frame is complete (joined
 * once: a frame arriving in thousands of small pieces costs no more than one). Throws SocketClose for what closes
 * the socket.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private bytes = 0;
  /** Bytes the next step needs (a header, then the whole frame). */
  private needed = 2;
  private fragments: Buffer[] = [];
  private fragmentBytes = 0;
  private closed = false;

  constructor(private readonly on: FrameEvents) {}

  push(chunk: Buffer): void {
    if (this.closed) return;
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    while (!this.closed && this.bytes >= this.needed) {
      const b = this.chunks.length === 1 ? (this.chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(this.chunks);
      this.chunks = [b];
      const used = this.frameAt(b);
      if (used === 0) continue;
      const rest = b.subarray(used);
      this.chunks = rest.length ? [rest] : [];
      this.bytes = rest.length;
      this.needed = 2;
    }
  }

  /** Reads the frame at the start of `b`: the bytes it took, or 0 when more are needed (set in `needed`). */
  private frameAt(b: Buffer): number {
    const first = b[0] ?? 0;
    const second = b[1] ?? 0;
    const fin = (first & 0x80) !== 0;
    const opcode = first & 0x0f;
    if ((first & 0x70) !== 0) throw new SocketClose(CLOSE.protocol, 'No extension was agreed: reserved bits must be 0');
    if ((second & 0x80) === 0) throw new SocketClose(CLOSE.protocol, 'A page must mask its frames');
    // Control frames (close, ping, pong) are whole and short.
    if (opcode >= 8 && (!fin || (second & 0x7f) > 125))
      throw new SocketClose(CLOSE.protocol, 'A control frame is unfragmented and at most 125 bytes');
    let length = second & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return this.need(4);
      length = b.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return this.need(10);
      const long = b.readBigUInt64BE(2);
      if (long > BigInt(MAX_MESSAGE)) throw new SocketClose(CLOSE.tooBig, `A message is at most ${MAX_MESSAGE} bytes`);
      length = Number(long);
      offset = 10;
    }
    if (length > MAX_MESSAGE || (opcode < 8 && this.fragmentBytes + length > MAX_MESSAGE)) {
      throw new SocketClose(CLOSE.tooBig, `A message is at most ${MAX_MESSAGE} bytes`);
    }
    const end = offset + 4 + length;
    if (b.length < end) return this.need(end);
    const mask = b.subarray(offset, offset + 4);
    const payload = Buffer.from(b.subarray(offset + 4, end));
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i & 3] ?? 0);
    this.take(opcode, fin, payload);
    return end;
  }

  private need(bytes: number): number {
    this.needed = bytes;
    return 0;
  }

  private take(opcode: number, fin: boolean, payload: Buffer): void {
    if (opcode === OP.close) {
      if (payload.length === 1) throw new SocketClose(CLOSE.protocol, 'A close frame gives a code of two bytes, or nothing');
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      if (payload.length >= 2 && !validCloseCode(code)) throw new SocketClose(CLOSE.protocol, `No close code ${code}`);
      this.closed = true;
      return this.on.close(code);
    }
    if (opcode === OP.ping) return this.on.ping(payload);
    if (opcode === OP.pong) return;
    if (opcode === OP.binary) throw new SocketClose(CLOSE.unsupported, 'Messages are JSON text');
    if (opcode !== OP.text && opcode !== OP.continuation) throw new SocketClose(CLOSE.protocol, `Unknown frame type ${opcode}`);
    if ((opcode === OP.continuation) !== this.fragments.length > 0) throw new SocketClose(CLOSE.protocol, 'Fragments out of order');
    if (this.fragments.length >= MAX_FRAGMENTS) throw new SocketClose(CLOSE.tooBig, `A message is in at most ${MAX_FRAGMENTS} fragments`);
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

/** Close codes a peer may send (RFC 6455, 7.4). */
const validCloseCode = (code: number): boolean =>
  (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);

/** A page's open socket, as the server holds it. */
export interface PageSocket {
  /** Says goodbye (1001) and closes: the server stops. */
  shutdown(): void;
}

/** Completes the upgrade to the page's socket (or refuses it) and answers its calls; null when refused. */
export function acceptApiSocket(req: IncomingMessage, socket: Duplex, head: Buffer, options: SocketOptions): PageSocket | null {
  socket.on('error', () => socket.destroy());
  const refusal = socketRefusal(req, options);
  if (refusal) {
    refuse(socket, ...refusal);
    return null;
  }
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
    if (!open || !socket.writable) return;
    // Answers the page does not read pile up here: stop reading its calls until they have gone.
    if (!socket.write(frame(opcode, payload)) || socket.writableLength > HIGH_WATER) socket.pause();
  };
  socket.on('drain', () => socket.resume());
  const close = (code: number, reason: string) => {
    if (!open) return;
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
    payload.writeUInt16BE(code, 0);
    payload.write(reason, 2);
    send(OP.close, payload);
    open = false;
    const drop = setTimeout(() => socket.destroy(), REFUSAL_MS);
    drop.unref();
    socket.end(() => {
      clearTimeout(drop);
      socket.destroy();
    });
  };
  const reader = new FrameReader({
    // The page's code is echoed (none given: a normal close).
    close: (code) => close(code === 1005 ? CLOSE.normal : code, ''),
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
      else close(CLOSE.protocol, 'Unreadable frame');
    }
  };
  socket.on('data', read);
  // The page went without a close frame (its tab closed, its process killed): the connection is let go.
  socket.on('end', () => {
    open = false;
    socket.destroy();
  });
  socket.on('close', () => (open = false));
  if (head.length) read(head);
  return { shutdown: () => close(CLOSE.goingAway, 'Pinsight is stopping') };
}
