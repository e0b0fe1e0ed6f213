/**
 * A TCP proxy in front of the test Redis whose inflow can be shut: after `hold()`, whatever a
 * client sends is kept here and never reaches Redis, so the client's commands hang. A bot pointed
 * at it can be caught in the middle of a write — its own writes only, the shared Redis carries on.
 */
import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { TEST_REDIS_URL } from './redis.js';

export class RedisValve {
  private holding = false;
  private readonly held: Buffer[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async open(): Promise<RedisValve> {
    const target = new URL(TEST_REDIS_URL);
    let valve: RedisValve | undefined;
    const server = createServer((client) => valve?.forward(client, createConnection({ host: target.hostname, port: Number(target.port || 6379) })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    valve = new RedisValve(server);
    return valve;
  }

  get url(): string {
    return `redis://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** From now on nothing the clients send reaches Redis; replies already on their way still arrive. */
  hold(): void {
    this.holding = true;
  }

  /** Everything sent since `hold()`, as text (RESP commands: key names appear verbatim). */
  heldText(): string {
    return Buffer.concat(this.held).toString('latin1');
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket, upstream: Socket): void {
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      if (this.holding) this.held.push(chunk);
      else upstream.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.pipe(client);
  }
}
