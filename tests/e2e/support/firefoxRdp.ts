import net from 'node:net';

/**
 * A client for Firefox's remote debugging protocol (the one `web-ext run` and about:debugging
 * use), for the one thing WebDriver BiDi cannot do: run code in an add-on's background page.
 * Packets are `length:JSON`; each actor answers its requests in order; events carry a `type`.
 */
type Packet = Record<string, unknown> & { from: string; type?: string };

interface Waiter {
  matches(packet: Packet): boolean;
  resolve(packet: Packet): void;
}

export interface RdpConnection {
  request(to: string, type: string, extra?: Record<string, unknown>): Promise<Packet>;
  /** The first packet (already received or still to come) that `matches`. */
  next(matches: (packet: Packet) => boolean): Promise<Packet>;
  close(): void;
}

/** Connects to `--start-debugger-server PORT` (retrying while Firefox is still opening it). */
export async function connectRdp(port: number): Promise<RdpConnection> {
  let socket: net.Socket | undefined;
  for (let attempt = 0; !socket; attempt++) {
    socket = await new Promise<net.Socket | undefined>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => resolve(s));
      s.once('error', (error) => (attempt < 50 ? setTimeout(() => resolve(undefined), 200) : reject(error)));
    });
  }
  const open = socket;
  // Packets nobody waited for yet are kept: an event can arrive in the same chunk as the reply before it.
  const unclaimed: Packet[] = [];
  const waiters: Waiter[] = [];
  let buffer = Buffer.alloc(0);
  const deliver = (packet: Packet) => {
    const waiter = waiters.find((w) => w.matches(packet));
    if (!waiter) return void unclaimed.push(packet);
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(packet);
  };
  open.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      deliver(JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet);
      buffer = buffer.subarray(colon + 1 + length);
    }
  });
  const next = (matches: (packet: Packet) => boolean) =>
    new Promise<Packet>((resolve) => {
      const i = unclaimed.findIndex(matches);
      if (i >= 0) resolve(unclaimed.splice(i, 1)[0] as Packet);
      else waiters.push({ matches, resolve });
    });
  const failed = (packet: Packet) => {
    if (typeof packet.error === 'string') throw new Error(`Firefox debugger: ${packet.error}: ${String(packet.message)}`);
    return packet;
  };
  await next((p) => p.from === 'root' && 'applicationType' in p);
  return {
    next,
    request(to, type, extra = {}) {
      const reply = next((p) => p.from === to && (p.type === undefined || 'error' in p)).then(failed);
      const text = JSON.stringify({ to, type, ...extra });
      open.write(`${Buffer.byteLength(text)}:${text}`);
      return reply;
    },
    close: () => open.destroy(),
  };
}

/** Evaluates expressions with a console actor; a returned promise is awaited. */
export type Evaluate = (expression: string) => Promise<unknown>;

function consoleOf(rdp: RdpConnection, consoleActor: string, where: string): Evaluate {
  return async (expression) => {
    // `mapped.await` makes the console await the expression's promise, as its `await` support does.
    const { resultID } = await rdp.request(consoleActor, 'evaluateJSAsync', { text: expression, mapped: { await: true } });
    const result = await rdp.next((p) => p.type === 'evaluationResult' && p.resultID === resultID);
    if (result.hasException) throw new Error(`In ${where}: ${String(result.exceptionMessage)}`);
    // The console does not say why an awaited promise rejected.
    if (result.topLevelAwaitRejected) throw new Error(`In ${where}, a promise rejected: ${expression}`);
    return result.result;
  };
}

/** The console of an add-on's background page. */
export async function backgroundConsole(rdp: RdpConnection, addonId: string): Promise<Evaluate> {
  const { addons } = (await rdp.request('root', 'listAddons')) as unknown as { addons: { id: string; actor: string }[] };
  const addon = addons.find((a) => a.id === addonId);
  if (!addon) throw new Error(`Firefox lists no add-on ${addonId}`);
  const watcher = (await rdp.request(addon.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true })) as unknown as { actor: string };
  const background = rdp.next((p) => p.type === 'target-available-form' && String((p.target as { url?: string }).url).endsWith('/_generated_background_page.html'));
  await rdp.request(watcher.actor, 'watchTargets', { targetType: 'frame' });
  const { consoleActor } = (await background).target as { consoleActor: string };
  return consoleOf(rdp, consoleActor, "the add-on's background");
}

/** The console of Firefox's parent process (the browser's own code, as about:addons runs it). */
export async function browserConsole(rdp: RdpConnection): Promise<Evaluate> {
  const { processDescriptor } = (await rdp.request('root', 'getProcess', { id: 0 })) as unknown as { processDescriptor: { actor: string } };
  const { process } = (await rdp.request(processDescriptor.actor, 'getTarget')) as unknown as { process: { consoleActor: string } };
  return consoleOf(rdp, process.consoleActor, "Firefox's parent process");
}
