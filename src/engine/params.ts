import { HaAuditError } from '../model/errors.js';
import type { ParamValues, ParamsSpec, Rule } from './define-rule.js';
import { excerpt } from '../visible-text.js';

/** Per rule id, parameter name to value, as a configuration file or a test gives them. */
export type ParamOverrides = Record<string, Record<string, unknown>>;

/** The rule's parameters: its defaults, overridden and checked. */
export function resolveParams(rule: Rule, overrides: Record<string, unknown> = {}): ParamValues<ParamsSpec> {
  const values: Record<string, number> = {};
  for (const [name, spec] of Object.entries(rule.params)) values[name] = spec.default;
  for (const [name, value] of Object.entries(overrides)) {
    // Own keys only: `constructor` or `__proto__` are no parameters.
    const spec = Object.hasOwn(rule.params, name) ? rule.params[name] : undefined;
    if (!spec) {
      const known = Object.keys(rule.params);
      throw new HaAuditError(
        'usage',
        `rule ${rule.id} has no parameter "${excerpt(name)}"`,
        known.length ? `its parameters are: ${known.join(', ')}` : 'it takes no parameters',
      );
    }
    const bounds = spec.max === undefined ? `>= ${spec.min}` : `from ${spec.min} to ${spec.max}`;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || (spec.max !== undefined && value > spec.max)) {
      throw new HaAuditError('usage', `parameter ${name} of rule ${rule.id} must be an integer ${bounds}, got ${excerpt(JSON.stringify(value) ?? String(value))}`);
    }
    values[name] = value;
  }
  return values;
}
