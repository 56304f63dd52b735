import type { CallProgress, CollectEvent } from '../collect/collect-inventory.js';
import { visible } from '../visible-text.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const BAR_WIDTH = 20;
const REDRAW_MS = 100;

/** What a progress line is drawn from: fed by collection events and per-call events. */
export interface ProgressState {
  scopesPlanned: number;
  scopesDone: number;
  calls: number;
  throttled: number;
  gaps: number;
  /** Calls sent and not yet ended, per account, region and service (`123456789012 eu-west-1 elbv2`). */
  inFlight: Map<string, number>;
  /** The scope started last, shown while no call is in flight. */
  current?: string;
  accounts: Set<string>;
  skipped: number;
}

/** Entries of the in-flight list drawn; the rest are counted. */
const IN_FLIGHT_SHOWN = 3;

/**
 * A one-line progress display on stderr, redrawn in place: what the scan waits on (the calls in
 * flight, per account, region and service, most first), the calls made, a bar of scopes (an account's region, or its global services)
 * done, and the time spent. Only for a terminal: the CLI does not create one otherwise or with
 * --quiet, and nothing of it ever goes to stdout.
 */
export class Progress {
  readonly state: ProgressState = { scopesPlanned: 0, scopesDone: 0, calls: 0, throttled: 0, gaps: 0, inFlight: new Map(), accounts: new Set(), skipped: 0 };
  private readonly started = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(): void {
    this.timer = setInterval(() => this.draw(), REDRAW_MS);
    // Never the reason the process stays alive.
    this.timer.unref();
  }

  onEvent(event: CollectEvent): void {
    switch (event.type) {
      case 'scopes-planned':
        this.state.scopesPlanned += event.scopes;
        this.state.accounts.add(event.accountId);
        break;
      case 'scope-started':
        this.state.current = `${event.accountId} ${event.region}`;
        break;
      case 'scope-finished':
        this.state.scopesDone += 1;
        this.state.gaps += event.gaps;
        break;
      case 'account-skipped':
        this.state.skipped += 1;
        break;
    }
  }

  /** One AWS call sent, or ended (`throttled`: AWS throttled at least one of its attempts). */
  onCall(call: CallProgress): void {
    const key = `${call.accountId} ${call.region} ${call.service}`;
    const inFlight = this.state.inFlight.get(key) ?? 0;
    if (call.phase === 'start') {
      this.state.inFlight.set(key, inFlight + 1);
      return;
    }
    if (inFlight > 1) this.state.inFlight.set(key, inFlight - 1);
    else this.state.inFlight.delete(key);
    this.state.calls += 1;
    if (call.throttled) this.state.throttled += 1;
  }

  /** A line of its own above the progress line (a warning): the progress line is drawn again below it. */
  note(line: string): void {
    this.clear();
    this.stream.write(`${line}\n`);
  }

  /** Clears the line and prints the final one: calls, gaps and time. */
  finish(outcome: 'done' | 'stopped'): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
    const s = this.state;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const accounts = s.accounts.size === 1 ? '1 account' : `${s.accounts.size} accounts`;
    const extra = [s.throttled > 0 ? `${s.throttled} throttled` : '', s.gaps > 0 ? `${s.gaps} gap${s.gaps === 1 ? '' : 's'}` : '', s.skipped > 0 ? `${s.skipped} account(s) skipped` : '']
      .filter(Boolean)
      .join(', ');
    const verb = outcome === 'done' ? 'Collected' : 'Stopped after';
    this.stream.write(`${verb} ${accounts}: ${s.calls.toLocaleString('en-US')} AWS calls in ${seconds} s${extra ? ` (${extra})` : ''}\n`);
  }

  /** The progress line as it is drawn (without the carriage return). */
  line(): string {
    const s = this.state;
    const total = Math.max(s.scopesPlanned, 1);
    const filled = Math.round((Math.min(s.scopesDone, total) / total) * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const spinner = SPINNER[this.frame % SPINNER.length];
    const scopes = s.scopesPlanned > 0 ? ` ${s.scopesDone}/${s.scopesPlanned}` : '';
    return `${spinner} ${visible(this.waitingOn())} ${bar}${scopes} · ${s.calls.toLocaleString('en-US')} calls · ${seconds}s`;
  }

  /** `111111111111 us-east-1 elbv2 ×4, 111111111111 global route53 ×2 +3 more`, or the scope started last. */
  private waitingOn(): string {
    const entries = [...this.state.inFlight].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
    if (entries.length === 0) return this.state.current ?? 'starting';
    const shown = entries.slice(0, IN_FLIGHT_SHOWN).map(([key, count]) => `${key} ×${count}`);
    const more = entries.length - IN_FLIGHT_SHOWN;
    return `${shown.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
  }

  private draw(): void {
    this.frame += 1;
    const width = this.stream.columns || 80;
    const text = this.line();
    this.stream.write(`\r${text.length >= width ? text.slice(0, width - 1) : text}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
