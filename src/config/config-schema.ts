import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { closest } from '../closest.js';
import { parseRegions } from '../model/regions.js';
import type { Rule } from '../engine/define-rule.js';
import { resolveParams } from '../engine/params.js';
import type { Suppression } from '../engine/suppressions.js';
import { HaAuditError } from '../model/errors.js';
import { isSeverity, SEVERITIES, type Severity } from '../model/severity.js';
import type { ApplicationConfig, ResilienceSettings } from '../model/resilience.js';
import { excerpt } from '../visible-text.js';

/** What the configuration says about one rule. */
export interface RuleSettings {
  /** False turns the rule off (unless `--rule` names it). */
  enabled: boolean;
  /** Replaces the rule's own severity in its results, and so in the gate. */
  severity?: Severity;
  /** Checked against the rule's `params`. */
  params: Record<string, number>;
}

/** A `.ha-audit.yml`, validated. */
export interface Config {
  /** The file, as named in messages: `.ha-audit.yml` or the path given to `--config`. */
  file: string;
  /** Regions of a live scan when `--region` is not given; empty: the environment's default. */
  regions: string[];
  /** By rule id; rules not named keep their defaults. */
  rules: Record<string, RuleSettings>;
  suppressions: Suppression[];
  /** The resilience model: `minCapacityShare` and the applications to judge as a whole. */
  resilience?: ResilienceSettings;
}

export const CONFIG_KEYS = ['regions', 'rules', 'suppressions', 'resilience'] as const;
const RESILIENCE_KEYS = ['minCapacityShare', 'applications'] as const;
const APPLICATION_KEYS = ['name', 'entryPoints', 'dependsOn'] as const;
const RULE_KEYS = ['enabled', 'severity', 'params'] as const;
const SUPPRESSION_KEYS = ['rule', 'resource', 'tag', 'reason', 'expires'] as const;
const DOCS = 'see docs/configuration.md';

/**
 * Parses and validates a configuration against the rules ha-audit ships. Every problem is a
 * `HaAuditError` that starts with `file:line:` and says what was expected.
 */
export function parseConfig(text: string, file: string, rules: readonly Rule[]): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const reader = new ConfigReader(file, doc, lineCounter);
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    const hint = syntax.code === 'BAD_ALIAS' ? 'quote values that start with *, e.g. rule: "*"' : 'the file must be YAML; ' + DOCS;
    throw new HaAuditError('config-invalid', `${file}:${line}: invalid YAML: ${lowerFirst(syntax.message)}`, hint);
  }

  const config: Config = { file, regions: [], rules: {}, suppressions: [] };
  const root = reader.resolve(doc.contents);
  if (root === null || (isScalar(root) && root.value === null)) return config; // empty, or only comments
  for (const { key, keyNode, value } of reader.entries(root, 'the configuration', CONFIG_KEYS)) {
    if (key === 'regions') config.regions = readRegions(reader, value);
    else if (key === 'rules') config.rules = readRules(reader, value, rules);
    else if (key === 'suppressions') config.suppressions = readSuppressions(reader, value, rules);
    else if (key === 'resilience') config.resilience = readResilience(reader, value);
    else throw reader.error(keyNode, `unknown key "${excerpt(key)}"${didYouMean(key, CONFIG_KEYS)}`, `the top-level keys are: ${CONFIG_KEYS.join(', ')}`);
  }
  return config;
}

function readRegions(reader: ConfigReader, node: YamlNode | null): string[] {
  const items = reader.list(node, 'regions', 'a list of region names, e.g. [us-east-1, eu-west-1]');
  return [
    ...new Set(
      items.map((item, index) => {
        const name = reader.string(item, `regions[${index}]`);
        try {
          return parseRegions([name])[0]!;
        } catch (error) {
          throw reader.relocate(item, error);
        }
      }),
    ),
  ];
}

function readRules(reader: ConfigReader, node: YamlNode | null, rules: readonly Rule[]): Record<string, RuleSettings> {
  const known = new Map(rules.map((rule) => [rule.id, rule]));
  const settings: Record<string, RuleSettings> = {};
  for (const { key: id, keyNode, value } of reader.entries(node, 'rules', undefined, 'a mapping of rule id to its settings')) {
    const rule = known.get(id);
    if (!rule) throw reader.error(keyNode, `unknown rule "${excerpt(id)}"${didYouMean(id, [...known.keys()])}`, 'run `ha-audit rules` to list the rule ids');
    const path = `rules.${id}`;
    const resolved = reader.resolve(value);
    if (resolved && isScalar(resolved) && typeof resolved.value === 'boolean') {
      settings[id] = { enabled: resolved.value, params: {} };
      continue;
    }
    const entry: RuleSettings = { enabled: true, params: {} };
    for (const setting of reader.entries(value, path, RULE_KEYS, 'true, false, or a mapping of enabled, severity, params')) {
      const at = `${path}.${setting.key}`;
      if (setting.key === 'enabled') entry.enabled = reader.boolean(setting.value, at);
      else if (setting.key === 'severity') entry.severity = readSeverity(reader, setting.value, at);
      else if (setting.key === 'params') entry.params = readParams(reader, setting.value, at, rule);
      else throw reader.error(setting.keyNode, `unknown key "${excerpt(setting.key)}" in ${path}${didYouMean(setting.key, RULE_KEYS)}`, `a rule takes: ${RULE_KEYS.join(', ')}`);
    }
    settings[id] = entry;
  }
  return settings;
}

function readSeverity(reader: ConfigReader, node: YamlNode | null, path: string): Severity {
  const value = reader.resolve(node);
  const text = value && isScalar(value) ? value.value : undefined;
  if (typeof text === 'string' && isSeverity(text)) return text;
  throw reader.error(node, `${path} must be one of ${SEVERITIES.join(', ')}, got ${reader.describe(node)}`);
}

function readParams(reader: ConfigReader, node: YamlNode | null, path: string, rule: Rule): Record<string, number> {
  const params: Record<string, number> = {};
  for (const { key, keyNode, value } of reader.entries(node, path, undefined, 'a mapping of parameter name to value')) {
    const resolved = reader.resolve(value);
    const raw: unknown = resolved === null ? null : isScalar(resolved) ? resolved.value : resolved.toJSON();
    try {
      // The rule's own check: the same bounds and wording as for parameters given in tests.
      params[key] = resolveParams(rule, { [key]: raw })[key]!;
    } catch (error) {
      throw reader.relocate(key in rule.params ? value : keyNode, error);
    }
  }
  return params;
}

function readSuppressions(reader: ConfigReader, node: YamlNode | null, rules: readonly Rule[]): Suppression[] {
  const ids = rules.map((rule) => rule.id);
  return reader.list(node, 'suppressions', 'a list of suppressions (rule, resource or tag, reason, expires)').map((item, index) => {
    const path = `suppressions[${index}]`;
    const fields = new Map<string, { keyNode: YamlNode; value: YamlNode | null }>();
    for (const { key, keyNode, value } of reader.entries(item, path, SUPPRESSION_KEYS, 'a mapping of rule, resource or tag, reason, expires')) {
      if (!(SUPPRESSION_KEYS as readonly string[]).includes(key)) {
        throw reader.error(keyNode, `unknown key "${excerpt(key)}" in ${path}${didYouMean(key, SUPPRESSION_KEYS)}`, `a suppression takes: ${SUPPRESSION_KEYS.join(', ')}`);
      }
      fields.set(key, { keyNode, value });
    }
    const field = (key: string) => fields.get(key)?.value ?? null;
    const suppression: Suppression = { rule: '', reason: '', source: `${reader.file}:${reader.line(item)}` };

    if (!fields.has('rule')) throw reader.error(item, `${path} needs a rule`, 'name a rule id, or "*" for every rule');
    suppression.rule = reader.string(field('rule'), `${path}.rule`);
    if (suppression.rule !== '*' && !ids.includes(suppression.rule)) {
      throw reader.error(field('rule'), `${path}.rule: unknown rule "${excerpt(suppression.rule)}"${didYouMean(suppression.rule, ids)}`, 'run `ha-audit rules` to list the rule ids, or use "*"');
    }
    if (fields.has('resource')) suppression.resource = reader.string(field('resource'), `${path}.resource`);
    if (fields.has('tag')) {
      const tag = reader.string(field('tag'), `${path}.tag`);
      const equals = tag.indexOf('=');
      if (equals <= 0) throw reader.error(field('tag'), `${path}.tag must be key=value, got ${excerpt(JSON.stringify(tag))}`);
      suppression.tag = { key: tag.slice(0, equals), value: tag.slice(equals + 1) };
    }
    if (suppression.resource === undefined && !suppression.tag) {
      throw reader.error(item, `${path} needs a resource or a tag`, 'resource: an ARN or id (with * globs); tag: key=value');
    }
    if (!fields.has('reason') || reader.isEmpty(field('reason'))) throw reader.error(item, `${path} needs a reason`, 'say why the risk is accepted, for whoever reads the report');
    suppression.reason = reader.string(field('reason'), `${path}.reason`).trim();
    if (fields.has('expires')) suppression.expires = readDate(reader, field('expires'), `${path}.expires`);
    return suppression;
  });
}

function readResilience(reader: ConfigReader, node: YamlNode | null): ResilienceSettings {
  const settings: ResilienceSettings = {};
  for (const { key, keyNode, value } of reader.entries(node, 'resilience', RESILIENCE_KEYS)) {
    if (key === 'minCapacityShare') {
      const resolved = reader.resolve(value);
      const share = resolved && isScalar(resolved) ? resolved.value : undefined;
      if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
        throw reader.error(value ?? keyNode, `resilience.minCapacityShare must be a number above 0 and at most 1, got ${reader.describe(value)}`, 'the share of its capacity an entry point must keep to survive, e.g. 0.5');
      }
      settings.minCapacityShare = share;
    } else if (key === 'applications') {
      settings.applications = readApplications(reader, value);
    } else {
      throw reader.error(keyNode, `unknown key "${excerpt(key)}" in resilience${didYouMean(key, RESILIENCE_KEYS)}`, `resilience takes: ${RESILIENCE_KEYS.join(', ')}`);
    }
  }
  return settings;
}

function readApplications(reader: ConfigReader, node: YamlNode | null): ApplicationConfig[] {
  const names = new Set<string>();
  return reader.list(node, 'resilience.applications', 'a list of applications (name, entryPoints, dependsOn)').map((item, index) => {
    const path = `resilience.applications[${index}]`;
    const application: ApplicationConfig & { entryPoints: string[]; dependsOn: string[] } = { name: '', entryPoints: [], dependsOn: [] };
    let named = false;
    for (const { key, keyNode, value } of reader.entries(item, path, APPLICATION_KEYS)) {
      if (key === 'name') {
        application.name = reader.string(value, `${path}.name`);
        named = true;
      } else if (key === 'entryPoints' || key === 'dependsOn') {
        const what = key === 'entryPoints' ? 'DNS names or load balancer names' : 'data store names or ARNs';
        application[key] = reader.list(value, `${path}.${key}`, `a list of ${what}`).map((entry, i) => reader.string(entry, `${path}.${key}[${i}]`));
      } else {
        throw reader.error(keyNode, `unknown key "${excerpt(key)}" in ${path}${didYouMean(key, APPLICATION_KEYS)}`, `an application takes: ${APPLICATION_KEYS.join(', ')}`);
      }
    }
    if (!named) throw reader.error(item, `${path} needs a name`);
    if (names.has(application.name)) throw reader.error(item, `${path}: application "${excerpt(application.name)}" is named twice`, 'give each application its own name');
    names.add(application.name);
    if (application.entryPoints.length + application.dependsOn.length === 0) throw reader.error(item, `${path} names no entry point and no data store`, 'list its entryPoints (DNS names) and what it dependsOn');
    return application;
  });
}

function readDate(reader: ConfigReader, node: YamlNode | null, path: string): string {
  const value = reader.resolve(node);
  const text = value && isScalar(value) ? value.value : undefined;
  if (typeof text === 'string' && isCalendarDate(text)) return text;
  throw reader.error(node, `${path} must be a date YYYY-MM-DD, got ${reader.describe(node)}`);
}

/** `2026-02-29` has the right shape but is no date: the round trip through `Date` catches it. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function didYouMean(input: string, candidates: readonly string[]): string {
  const guess = closest(input, [...candidates]);
  return guess ? ` (did you mean ${guess}?)` : '';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Reads the YAML tree; every error it makes names the file and the line of the node. */
class ConfigReader {
  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  /** An alias (`*name`) stands for its anchored node. */
  resolve(node: unknown): YamlNode | null {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return (node.resolve(this.doc) as YamlNode | undefined) ?? null;
    return node as YamlNode;
  }

  line(node: unknown): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineCounter.linePos(range[0]).line : 1;
  }

  error(node: unknown, message: string, hint: string = DOCS): HaAuditError {
    return new HaAuditError('config-invalid', `${this.file}:${this.line(node)}: ${message}`, hint);
  }

  /** An error of a shared check (`parseRegions`, `resolveParams`), placed at a node. */
  relocate(node: unknown, error: unknown): unknown {
    if (!(error instanceof HaAuditError)) return error;
    return new HaAuditError('config-invalid', `${this.file}:${this.line(node)}: ${error.message}`, error.hint, { cause: error });
  }

  /** The entries of a mapping; with `allowed`, an unknown key is left for the caller to name. */
  entries(node: YamlNode | null, path: string, allowed?: readonly string[], expected = `a mapping of ${allowed?.join(', ')}`) {
    const map = this.resolve(node);
    if (!map || !isMap(map)) throw this.error(node, `${path} must be ${expected}, got ${this.describe(node)}`);
    return map.items.map((pair) => {
      const keyNode = this.resolve(pair.key);
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : JSON.stringify(keyNode?.toJSON());
      return { key, keyNode: (keyNode ?? map) as YamlNode, value: this.resolve(pair.value) };
    });
  }

  list(node: YamlNode | null, path: string, expected: string): YamlNode[] {
    const seq = this.resolve(node);
    if (!seq || !isSeq(seq)) throw this.error(node, `${path} must be ${expected}, got ${this.describe(node)}`);
    return seq.items.map((item) => this.resolve(item) ?? seq) as YamlNode[];
  }

  string(node: YamlNode | null, path: string): string {
    const value = this.resolve(node);
    if (value && isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') return value.value;
    throw this.error(node, `${path} must be a non-empty string, got ${this.describe(node)}`);
  }

  boolean(node: YamlNode | null, path: string): boolean {
    const value = this.resolve(node);
    if (value && isScalar(value) && typeof value.value === 'boolean') return value.value;
    throw this.error(node, `${path} must be true or false, got ${this.describe(node)}`);
  }

  isEmpty(node: YamlNode | null): boolean {
    const value = this.resolve(node);
    return !value || (isScalar(value) && (value.value === null || (typeof value.value === 'string' && value.value.trim() === '')));
  }

  /** What a node is, for "got ...": `"two"`, `3`, `a list`, `a mapping`, `nothing`. */
  describe(node: unknown): string {
    const value = this.resolve(node);
    if (!value) return 'nothing';
    if (isMap(value)) return 'a mapping';
    if (isSeq(value)) return 'a list';
    if (isScalar(value)) {
      if (value.value === null) return 'nothing';
      if (['string', 'number', 'boolean'].includes(typeof value.value)) return excerpt(JSON.stringify(value.value));
    }
    return `an unsupported value (${(value as { tag?: string }).tag ?? 'unknown type'})`;
  }
}
