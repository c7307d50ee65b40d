// A TCP proxy in front of a server (PostgreSQL in the store-loss tests): stopping it cuts every connection and refuses
// new ones, as a database that went away would; starting it again on the same port brings the database back.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The port clients connect to (the same after a restart). */
  readonly port: number;
  /** Cuts every open connection and stops listening. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port that forwards to `targetHost:targetPort`. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    const s = createServer((client) => {
      const upstream = createConnection(targetPort, targetHost);
      for (const sock of [client, upstream]) {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
        // A cut connection is the point of this proxy: each side's error just closes the pair.
        sock.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => {
      const address = s.address();
      if (address !== null && typeof address === 'object') port = address.port;
      server = s;
      resolve();
    });
  });
  const stop = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  return { get port() { return port; }, stop, start: listen, close: stop };
}
