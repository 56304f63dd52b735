import type { Operation, ServiceId } from '../model/operations.js';
import type { RemediationStep, ResourceRef } from '../model/result.js';
import type { Severity } from '../model/severity.js';
import type { BestPracticeId } from '../model/well-architected.js';
import type { AccountScope } from './account-scope.js';
import type { RegionScope } from './region-scope.js';
import type { ResilienceScope } from './resilience-scope.js';

/** A numeric parameter with its default and bounds; the configuration may override it. */
export interface ParamSpec {
  type: 'integer';
  default: number;
  min: number;
  max?: number;
  description: string;
}

export type ParamsSpec = Record<string, ParamSpec>;
export type ParamValues<P extends ParamsSpec> = { [K in keyof P]: number };

/** `'{{name}} spans {{count}} zones'` -> `'name' | 'count'`. */
export type Placeholders<S extends string> = S extends `${string}{{${infer K}}}${infer Rest}`
  ? K | Placeholders<Rest>
  : never;

export type MessageData<S extends string> = { [K in Placeholders<S>]: string | number };

export type Evidence = Record<string, unknown>;

/** The arguments after `messageId`: the template's data (typed from its placeholders), then extras. */
type MessageArgs<S extends string, Extra> = [Placeholders<S>] extends [never]
  ? [data?: Record<string, never>, extra?: Extra]
  : [data: MessageData<S>, extra?: Extra];

export interface FailExtra {
  /** What the rule saw, for the report and for scripts (`{ "stickiness.type": "lb_cookie" }`). */
  evidence?: Evidence;
  /** The AWS CLI commands that fix it, in order, with the real identifiers filled in (`aws(...)`). */
  steps?: RemediationStep[];
  /** What the fix costs when it interrupts service, loses data, costs money or logs users out. */
  warning?: string;
  /** Short lines that help act on the failure, shown by every report (empty ones are dropped). */
  hints?: string[];
}

export interface RuleContext<P extends ParamsSpec, M extends Record<string, string>> {
  params: ParamValues<P>;
  pass<K extends keyof M & string>(resource: ResourceRef, messageId: K, ...args: MessageArgs<M[K], { evidence?: Evidence }>): void;
  fail<K extends keyof M & string>(resource: ResourceRef, messageId: K, ...args: MessageArgs<M[K], FailExtra>): void;
  /**
   * The resource lacks a field the rule needs, one added to the inventory after the file was
   * saved (`Added` in the definition: absent means not collected): an `error` naming the field,
   * never a guessed `pass`. `field` as the definition names it: `suspendedProcesses`.
   */
  notCollected(resource: ResourceRef, field: string): void;
  /**
   * The resource could not be judged from what was collected (the resilience model's `unknown`:
   * a gap hides part of its paths): an `error` saying why, never a guessed `pass`.
   */
  notEvaluated(resource: ResourceRef, why: string, evidence?: Evidence): void;
}

interface RuleMetadata<P extends ParamsSpec, M extends Record<string, string>> {
  /** Stable id, also the file name: `rules/<id>.ts`. */
  id: string;
  title: string;
  service: ServiceId;
  severity: Severity;
  /**
   * The Well-Architected Reliability best practices the rule gives evidence for (the compliance
   * mapping of the reports). Every rule of `rules/` names at least one (test/rules/meta.test.ts).
   */
  wellArchitected?: readonly BestPracticeId[];
  /** Operations whose data the rule reads: a gap in any of them makes its results `error`. */
  uses: readonly Operation[];
  params: P;
  /** Message templates keyed by message id; `{{key}}` is replaced by the data of that key. */
  messages: M;
  /** Why it matters for availability: what breaks when a zone or region fails. */
  rationale: string;
  remediation: { summary: string; docs: string };
}

/** A rule judged in each account and region (load balancers, Auto Scaling groups, databases...). */
export interface RuleDefinition<P extends ParamsSpec, M extends Record<string, string>> extends RuleMetadata<P, M> {
  /** Pure and synchronous: one `pass` or `fail` per resource the rule applies to. */
  check(scope: RegionScope, context: RuleContext<P, M>): void;
}

/** A rule judged once per account: a global service (Route 53). */
export interface AccountRuleDefinition<P extends ParamsSpec, M extends Record<string, string>> extends RuleMetadata<P, M> {
  check(scope: AccountScope, context: RuleContext<P, M>): void;
}

/**
 * A rule judged once per scan from the resilience model (RESILIENCE.md): entry points span
 * accounts and regions. Gaps do not stop it: the model makes what they hide `unknown`, which
 * the rule reports as `error` for that entry point.
 */
export interface ResilienceRuleDefinition<P extends ParamsSpec, M extends Record<string, string>> extends RuleMetadata<P, M> {
  check(scope: ResilienceScope, context: RuleContext<P, M>): void;
}

type ErasedContext = RuleContext<ParamsSpec, Record<string, string>>;

/** A rule with its generic types erased, as the engine and the registry hold it. */
export type Rule = RuleMetadata<ParamsSpec, Record<string, string>> &
  (
    | { level: 'region'; check(scope: RegionScope, context: ErasedContext): void }
    | { level: 'account'; check(scope: AccountScope, context: ErasedContext): void }
    | { level: 'resilience'; check(scope: ResilienceScope, context: ErasedContext): void }
  );

export function defineRule<const P extends ParamsSpec, const M extends Record<string, string>>(definition: RuleDefinition<P, M>): Rule {
  return { ...definition, level: 'region' } as unknown as Rule;
}

export function defineAccountRule<const P extends ParamsSpec, const M extends Record<string, string>>(
  definition: AccountRuleDefinition<P, M>,
): Rule {
  return { ...definition, level: 'account' } as unknown as Rule;
}

export function defineResilienceRule<const P extends ParamsSpec, const M extends Record<string, string>>(
  definition: ResilienceRuleDefinition<P, M>,
): Rule {
  return { ...definition, level: 'resilience' } as unknown as Rule;
}
