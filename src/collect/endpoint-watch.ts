/**
 * How long an endpoint may stay silent on an open connection before the attempt is given up
 * (the SDK's socket inactivity timeout). AWS answers in well under a second; a stuck emulator or
 * a proxy that swallows requests never does.
 */
export const SILENCE_MS = 10_000;
/** How long a connection may take to open. */
export const CONNECT_MS = 5_000;
/** How long a whole answer may take: a large page streams for a while, but not for minutes. */
export const ANSWER_MS = 60_000;
/** An endpoint that has answered before is given up after this many attempts in a row without an answer. */
const SILENT_ATTEMPTS = 3;

/** Errors of an attempt that got no HTTP answer at all: the network, not AWS, failed. */
const NO_ANSWER_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** The calls of an endpoint that was given up: they fail at once with this, and the SDK does not retry it. */
export class NoAnswer extends Error {
  override readonly name = 'NoAnswer';

  constructor(readonly endpoint: string, reason: string) {
    super(`no answer from ${endpoint} (${reason})`);
  }
}

/** Whether an attempt failed without any answer from the endpoint: a timeout, a refused or reset connection, an unknown host. */
export function isNoAnswer(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'TimeoutError' || (typeof code === 'string' && NO_ANSWER_CODES.has(code));
}

/**
 * Tells "no answer" apart from throttling, per endpoint (scheme, host and port) over a whole
 * scan. An endpoint that never answered is given up at its first silent attempt; one that has
 * answered is given up after `SILENT_ATTEMPTS` silent attempts in a row. Once given up, its calls
 * fail at once: a scan against an endpoint that accepts connections and never answers ends in
 * one timeout, not in ten retries of every call, region after region.
 */
export class EndpointWatch {
  private readonly answered = new Set<string>();
  private readonly silentInARow = new Map<string, number>();
  private readonly givenUp = new Map<string, NoAnswer>();

  /** `onGiveUp` hears each endpoint given up, once. */
  constructor(private readonly onGiveUp: (failure: NoAnswer) => void = () => {}) {}

  /** Throws the endpoint's `NoAnswer` if it was given up. */
  check(endpoint: string): void {
    const failure = this.givenUp.get(endpoint);
    if (failure) throw failure;
  }

  /** An HTTP answer came, whatever its status. */
  answer(endpoint: string): void {
    this.answered.add(endpoint);
    this.silentInARow.delete(endpoint);
  }

  /** An attempt got no answer; returns the `NoAnswer` to throw when that gives the endpoint up. */
  silence(endpoint: string, error: unknown): NoAnswer | undefined {
    const silent = (this.silentInARow.get(endpoint) ?? 0) + 1;
    this.silentInARow.set(endpoint, silent);
    const known = this.givenUp.get(endpoint);
    if (known) return known;
    if (this.answered.has(endpoint) && silent < SILENT_ATTEMPTS) return undefined;
    const failure = new NoAnswer(endpoint, reasonOf(error, this.answered.has(endpoint) ? silent : 1));
    this.givenUp.set(endpoint, failure);
    this.onGiveUp(failure);
    return failure;
  }
}

function reasonOf(error: unknown, attempts: number): string {
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  const timeout = name === 'TimeoutError' ? String(message) : '';
  const what = /establish a connection/.test(timeout)
    ? `no connection within ${CONNECT_MS / 1000} s`
    : /requestTimeout/.test(timeout)
      ? `no complete answer within ${ANSWER_MS / 1000} s`
      : name === 'TimeoutError'
        ? `silent for ${SILENCE_MS / 1000} s`
        : String(code);
  return attempts > 1 ? `${what}, ${attempts} attempts in a row` : what;
}

/** `https://elasticloadbalancing.us-east-1.amazonaws.com`, `http://127.0.0.1:4566`: what an HTTP request is sent to. */
export function endpointOf(request: unknown): string | undefined {
  const { protocol, hostname, port } = (request ?? {}) as { protocol?: unknown; hostname?: unknown; port?: unknown };
  if (typeof hostname !== 'string' || !hostname) return undefined;
  const scheme = typeof protocol === 'string' && protocol ? protocol.replace(/:?$/, ':') : 'https:';
  return `${scheme}//${hostname}${typeof port === 'number' || (typeof port === 'string' && port) ? `:${port}` : ''}`;
}
