// Slack's Socket Mode side for tests: a WebSocket endpoint (RFC 6455, text frames, ping/pong, close handshake) on
// the fake Slack API's server. It greets the app with `hello`, sends envelopes (slash_commands, interactive,
// events_api) and resolves with the payload the app acknowledges them with.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65_536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(BigInt(len));
    return b;
  })()]);
  return Buffer.concat([head, payload]);
}

/** Frames parsed from a client stream (always masked, per RFC 6455); returns the frames and the unread rest. */
function parseFrames(buffer: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let offset = 0;
  for (;;) {
    if (buffer.length - offset < 2) break;
    const b0 = buffer[offset] ?? 0;
    const b1 = buffer[offset + 1] ?? 0;
    let len = b1 & 0x7f;
    let pos = offset + 2;
    if (len === 126) {
      if (buffer.length < pos + 2) break;
      len = buffer.readUInt16BE(pos);
      pos += 2;
    } else if (len === 127) {
      if (buffer.length < pos + 8) break;
      len = Number(buffer.readBigUInt64BE(pos));
      pos += 8;
    }
    const masked = (b1 & 0x80) !== 0;
    if (buffer.length < pos + (masked ? 4 : 0) + len) break;
    const mask = masked ? buffer.subarray(pos, pos + 4) : null;
    pos += masked ? 4 : 0;
    const payload = Buffer.from(buffer.subarray(pos, pos + len));
    if (mask) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    frames.push({ opcode: b0 & 0x0f, payload });
    offset = pos + len;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export class FakeSlackSocket {
  /** Every message the app sent over the socket (acknowledgements). */
  readonly received: Array<Record<string, unknown>> = [];
  private socket: Duplex | null = null;
  private readonly waiting = new Map<string, (payload: Record<string, unknown>) => void>();
  private connectedResolve: () => void = () => {};
  /** Resolves once the app is connected and greeted. */
  readonly connected: Promise<void> = new Promise((resolve) => {
    this.connectedResolve = resolve;
  });

  /** Serves Socket Mode connections on `path` of `server`. */
  attach(server: Server, path: string): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
      if ((req.url ?? '').split('?')[0] !== path) return void socket.destroy();
      const accept = createHash('sha1').update(`${String(req.headers['sec-websocket-key'])}${GUID}`).digest('base64');
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      this.socket = socket;
      let pending: Buffer = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        const { frames, rest } = parseFrames(Buffer.concat([pending, chunk]));
        pending = rest;
        for (const f of frames) this.onFrame(socket, f.opcode, f.payload);
      });
      socket.on('error', () => socket.destroy());
      this.send({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A0LICDOC' } });
      this.connectedResolve();
    });
  }

  /** Sends an envelope and resolves with the payload the app acknowledged it with. */
  envelope(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = randomBytes(8).toString('hex');
    const acked = new Promise<Record<string, unknown>>((resolve) => this.waiting.set(id, resolve));
    this.send({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api' });
    return acked;
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private send(message: Record<string, unknown>): void {
    this.socket?.write(frame(0x1, Buffer.from(JSON.stringify(message))));
  }

  private onFrame(socket: Duplex, opcode: number, payload: Buffer): void {
    if (opcode === 0x9) return void socket.write(frame(0xa, payload));
    if (opcode === 0x8) {
      socket.write(frame(0x8, payload.subarray(0, 2)));
      return void socket.end();
    }
    if (opcode !== 0x1) return;
    const message = JSON.parse(payload.toString('utf8')) as { envelope_id?: string; payload?: Record<string, unknown> };
    this.received.push(message);
    if (message.envelope_id) {
      this.waiting.get(message.envelope_id)?.(message.payload ?? {});
      this.waiting.delete(message.envelope_id);
    }
  }
}
