/** A TCP proxy to the test PostgreSQL that can drop its connections and hold new ones before forwarding. */
import { EventEmitter, once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface HeldConnection {
  /** Whether the client has hung up. */
  isClosed(): boolean;
}

export async function startHoldingProxy(targetPort: string | number) {
  const events = new EventEmitter();
  const sockets = new Set<Socket>();
  const upstreamPorts: number[] = [];
  let gate = Promise.resolve();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((downstream) => {
    track(downstream);
    let closed = false;
    downstream.on('close', () => {
      closed = true;
    });
    events.emit('connection', { isClosed: () => closed } satisfies HeldConnection);
    void gate.then(() => {
      if (closed) return;
      const upstream = connect(Number(targetPort), '127.0.0.1');
      track(upstream);
      upstream.on('connect', () => upstreamPorts.push(upstream.localPort ?? -1));
      downstream.pipe(upstream).pipe(downstream);
      downstream.on('close', () => upstream.destroy());
      upstream.on('close', () => downstream.destroy());
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    /** Emits 'connection' with a HeldConnection for each client. */
    events,
    /** Client ports PostgreSQL sees for the forwarded connections. */
    upstreamPorts: () => [...upstreamPorts],
    /** New connections wait until the returned function is called. */
    holdNew(): () => void {
      let release = () => {};
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return release;
    },
    /** Cuts every connection, as a lost network would. */
    dropAll() {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      this.dropAll();
      server.close();
      await once(server, 'close');
    },
  };
}
