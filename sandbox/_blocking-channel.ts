import { readSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { LineReader } from './_line-reader.js';

/** The errno of a read or write that may simply be tried again: no data yet, or a signal. */
function isRetryable(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EAGAIN' || code === 'EINTR';
}

/** The part of Node's pipe handle this channel uses: libuv's uv_stream_set_blocking. */
interface BlockingSwitch {
  setBlocking(isBlocking: boolean): number;
}

/**
 * A switch between blocking and non-blocking reads of `fd`, where Node offers one (Linux): a
 * net.Socket that never reads or writes, kept only for its handle. undefined elsewhere.
 */
function blockingSwitch(fd: number): { socket: Socket; handle: BlockingSwitch } | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    // Opening the handle makes the fd non-blocking (libuv); the channel blocks unless it polls.
    const socket = new Socket({ fd, readable: false, writable: false });
    const handle = (socket as unknown as { _handle?: Partial<BlockingSwitch> })._handle;
    if (typeof handle?.setBlocking !== 'function' || handle.setBlocking(true) !== 0) return undefined;
    return { socket, handle: handle as BlockingSwitch };
  } catch {
    return undefined;
  }
}

/**
 * The worker's end of its channel to the caller (a socket pair the caller made; one JSON message
 * per line), read and written with blocking calls: a blocked read wakes on the next message
 * sooner than the event loop would (about 25 µs less per round trip on a 2-vCPU VM). A read may
 * first poll for a while without sleeping: a reply that comes within that time costs no wake-up.
 */
export class BlockingChannel {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(64 * 1024);
  private readonly decoder = new StringDecoder('utf8');
  // The caller is trusted: its lines (a bundle, an input) need no bound beyond what it sends.
  private readonly lines = new LineReader(Number.POSITIVE_INFINITY);
  private readonly pause = new Int32Array(new SharedArrayBuffer(4));
  // Held for the life of the channel: the socket owns the handle that switches the fd's mode.
  private readonly switch: ReturnType<typeof blockingSwitch>;

  constructor(fd: number) {
    this.fd = fd;
    this.switch = blockingSwitch(fd);
  }

  /**
   * Waits for the next chunk; returns the messages it completes, undefined once the caller left.
   * With `pollMicros`, polls that long before it blocks (where the platform allows).
   */
  read(pollMicros = 0): unknown[] | undefined {
    let size = pollMicros > 0 ? this.poll(pollMicros) : undefined;
    size ??= this.retry(() => readSync(this.fd, this.buffer, 0, this.buffer.length, null));
    if (size === 0) return undefined;
    return this.lines
      .push(this.decoder.write(this.buffer.subarray(0, size)))
      .map((line) => JSON.parse(line) as unknown);
  }

  /** Writes one message; throws when the caller is gone. */
  write(message: unknown): void {
    const line = Buffer.from(`${JSON.stringify(message)}\n`);
    for (let written = 0; written < line.length;) {
      written += this.retry(() => writeSync(this.fd, line, written));
    }
  }

  /** Reads without blocking until data comes or `micros` pass; undefined when nothing came. */
  private poll(micros: number): number | undefined {
    const handle = this.switch?.handle;
    if (!handle || handle.setBlocking(false) !== 0) return undefined;
    try {
      const end = performance.now() + micros / 1000;
      do {
        try {
          return readSync(this.fd, this.buffer, 0, this.buffer.length, null);
        } catch (error) {
          if (!isRetryable(error)) throw error;
        }
      } while (performance.now() < end);
      return undefined;
    } finally {
      handle.setBlocking(true);
    }
  }

  /**
   * Runs a read or write, again after a signal interrupted it (libuv does not retry a read). The
   * caller spawned the channel blocking (Linux); should a platform hand it over non-blocking,
   * waits a millisecond between tries.
   */
  private retry(io: () => number): number {
    for (;;) {
      try {
        return io();
      } catch (error) {
        if (!isRetryable(error)) throw error;
        if (error.code === 'EAGAIN') Atomics.wait(this.pause, 0, 0, 1);
      }
    }
  }
}
