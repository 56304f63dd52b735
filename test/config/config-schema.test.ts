import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { isCalendarDate, parseConfig } from '../../src/config/config-schema.js';
import { HaAuditError } from '../../src/model/errors.js';
import { packageRoot } from '../../src/package-info.js';

const FILE = '.ha-audit.yml';
const parse = (text: string) => parseConfig(text, FILE, rules);

/** The error a configuration gives: its code, its one-line message, its hint. */
function errorOf(text: string): { code: string; message: string; hint?: string } {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(HaAuditError);
    const { code, message, hint } = error as HaAuditError;
    return { code, message, ...(hint ? { hint } : {}) };
  }
  throw new Error('expected the configuration to be rejected');
}

const yaml = (...lines: string[]) => lines.join('\n') + '\n';

describe('parseConfig: a valid file', () => {
  it('reads regions, rule settings and suppressions', () => {
    const config = parse(
      yaml(
        '# ha-audit settings of the shop team',
        'regions: [us-east-1, eu-west-1, us-east-1]',
        'rules:',
        '  elb-multi-az:',
        '    params:',
        '      minAzs: 3',
        '  tg-health-check:',
        '    severity: high',
        '    params: { maxDetectionSeconds: 60 }',
        '  elb-deletion-protection: false',
        '  asg-scaling-policy:',
        '    enabled: false',
        '    severity: info',
        'suppressions:',
        '  - rule: tg-stickiness',
        '    resource: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/legacy-*',
        '    reason: Sessions move to ElastiCache in Q3 (SHOP-412)',
        '    expires: 2026-09-30',
        '  - rule: "*"',
        '    tag: ha-audit=accepted',
        '    reason: "  Batch workers, not user-facing  "',
      ),
    );
    expect(config).toEqual({
      file: FILE,
      regions: ['us-east-1', 'eu-west-1'],
      rules: {
        'elb-multi-az': { enabled: true, params: { minAzs: 3 } },
        'tg-health-check': { enabled: true, severity: 'high', params: { maxDetectionSeconds: 60 } },
        'elb-deletion-protection': { enabled: false, params: {} },
        'asg-scaling-policy': { enabled: false, severity: 'info', params: {} },
      },
      suppressions: [
        {
          rule: 'tg-stickiness',
          resource: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/legacy-*',
          reason: 'Sessions move to ElastiCache in Q3 (SHOP-412)',
          expires: '2026-09-30',
          source: '.ha-audit.yml:15',
        },
        { rule: '*', tag: { key: 'ha-audit', value: 'accepted' }, reason: 'Batch workers, not user-facing', source: '.ha-audit.yml:19' },
      ],
    });
  });

  it('the full example of docs/configuration.md is valid', () => {
    const doc = readFileSync(join(packageRoot(), 'docs', 'configuration.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const config = parse(example!);
    expect(config.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(Object.keys(config.rules).length).toBeGreaterThan(3);
    expect(config.suppressions.length).toBeGreaterThan(2);
  });

  it('reads the resilience model\'s settings: minCapacityShare and applications', () => {
    const config = parse(
      yaml(
        'resilience:',
        '  minCapacityShare: 0.66',
        '  applications:',
        '    - name: shop',
        '      entryPoints: [www.shop.example.com]',
        '      dependsOn: [shop-db, shop-sessions]',
        '    - { name: reports, dependsOn: [reporting-aurora] }',
      ),
    );
    expect(config.resilience).toEqual({
      minCapacityShare: 0.66,
      applications: [
        { name: 'shop', entryPoints: ['www.shop.example.com'], dependsOn: ['shop-db', 'shop-sessions'] },
        { name: 'reports', entryPoints: [], dependsOn: ['reporting-aurora'] },
      ],
    });
  });

  it('an empty file, or one of comments only, changes nothing', () => {
    const empty = { file: FILE, regions: [], rules: {}, suppressions: [] };
    expect(parse('')).toEqual(empty);
    expect(parse('# nothing yet\n')).toEqual(empty);
  });

  it('follows YAML anchors and aliases', () => {
    const config = parse(
      yaml(
        'suppressions:',
        '  - rule: tg-stickiness',
        '    resource: "*legacy*"',
        '    reason: &migration Sessions move to ElastiCache in Q3',
        '  - rule: tg-health-check',
        '    resource: "*legacy*"',
        '    reason: *migration',
      ),
    );
    expect(config.suppressions.map((s) => s.reason)).toEqual(['Sessions move to ElastiCache in Q3', 'Sessions move to ElastiCache in Q3']);
  });
});

describe('parseConfig: each kind of invalid file names the file and the line', () => {
  it.each([
    ['YAML syntax', yaml('rules:', '  elb-multi-az: [1', 'regions: []'), '.ha-audit.yml:3: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a duplicate key', yaml('regions: [us-east-1]', 'rules: {}', 'regions: [eu-west-1]'), '.ha-audit.yml:3: invalid YAML: map keys must be unique'],
    ['an unquoted *', yaml('suppressions:', '  - rule: *', '    reason: x'), '.ha-audit.yml:2: invalid YAML: alias cannot be an empty string'],
    ['a list at the top', yaml('- rules'), '.ha-audit.yml:1: the configuration must be a mapping of regions, rules, suppressions, resilience, got a list'],
    ['an unknown top-level key', yaml('regions: []', 'rule:', '  elb-multi-az: false'), '.ha-audit.yml:2: unknown key "rule" (did you mean rules?)'],
    ['an unknown rule id', yaml('rules:', '  tg-stickiness: false', '  elb-multiaz:', '    params: { minAzs: 3 }'), '.ha-audit.yml:3: unknown rule "elb-multiaz" (did you mean elb-multi-az?)'],
    ['an unknown rule setting', yaml('rules:', '  elb-multi-az:', '    severty: low'), '.ha-audit.yml:3: unknown key "severty" in rules.elb-multi-az (did you mean severity?)'],
    ['a rule with nothing', yaml('rules:', '  elb-multi-az:'), '.ha-audit.yml:2: rules.elb-multi-az must be true, false, or a mapping of enabled, severity, params, got nothing'],
    ['an unknown parameter', yaml('rules:', '  elb-multi-az:', '    params:', '      minAz: 3'), '.ha-audit.yml:4: rule elb-multi-az has no parameter "minAz"'],
    ['a parameter named like an object property', yaml('rules:', '  elb-multi-az:', '    params: { constructor: 3 }'), '.ha-audit.yml:3: rule elb-multi-az has no parameter "constructor"'],
    ['a parameter of the wrong type', yaml('rules:', '  elb-multi-az:', '    params:', '', '      minAzs: two'), '.ha-audit.yml:5: parameter minAzs of rule elb-multi-az must be an integer from 1 to 10, got "two"'],
    ['a parameter out of bounds', yaml('rules:', '  tg-health-check: { params: { maxDetectionSeconds: 5 } }'), '.ha-audit.yml:2: parameter maxDetectionSeconds of rule tg-health-check must be an integer from 10 to 3000, got 5'],
    ['a fractional parameter', yaml('rules:', '  asg-min-capacity:', '    params: { minInstances: 2.5 }'), '.ha-audit.yml:3: parameter minInstances of rule asg-min-capacity must be an integer from 1 to 1000, got 2.5'],
    ['params that are not a mapping', yaml('rules:', '  elb-multi-az:', '    params: [3]'), '.ha-audit.yml:3: rules.elb-multi-az.params must be a mapping of parameter name to value, got a list'],
    ['an unknown severity', yaml('rules:', '  elb-multi-az:', '    severity: urgent'), '.ha-audit.yml:3: rules.elb-multi-az.severity must be one of critical, high, medium, low, info, got "urgent"'],
    ['enabled that is not a boolean', yaml('rules:', '  elb-multi-az:', '    enabled: "no"'), '.ha-audit.yml:3: rules.elb-multi-az.enabled must be true or false, got "no"'],
    ['rules as a list', yaml('rules: [elb-multi-az]'), '.ha-audit.yml:1: rules must be a mapping of rule id to its settings, got a list'],
    ['regions as a string', yaml('regions: us-east-1'), '.ha-audit.yml:1: regions must be a list of region names, e.g. [us-east-1, eu-west-1], got "us-east-1"'],
    ['a zone as a region', yaml('regions:', '  - us-east-1', '  - eu-west-1a'), '.ha-audit.yml:3: invalid region "eu-west-1a"'],
    ['a region that is a number', yaml('regions: [1]'), '.ha-audit.yml:1: regions[0] must be a non-empty string, got 1'],
    ['suppressions as a mapping', yaml('suppressions:', '  rule: tg-stickiness'), '.ha-audit.yml:2: suppressions must be a list of suppressions (rule, resource or tag, reason, expires), got a mapping'],
    ['a suppression that is not a mapping', yaml('suppressions:', '  - tg-stickiness'), '.ha-audit.yml:2: suppressions[0] must be a mapping of rule, resource or tag, reason, expires, got "tg-stickiness"'],
    [
      'a suppression without a reason',
      yaml('suppressions:', '  - rule: tg-stickiness', '    resource: "*"', '    reason: x', '  - rule: tg-stickiness', '    resource: "*"', '  - rule: elb-multi-az', '    resource: "*"', '    reason: y'),
      '.ha-audit.yml:5: suppressions[1] needs a reason',
    ],
    ['a suppression with an empty reason', yaml('suppressions:', '  - rule: tg-stickiness', '    resource: "*"', '    reason: "  "'), '.ha-audit.yml:2: suppressions[0] needs a reason'],
    ['a suppression without a rule', yaml('suppressions:', '  - resource: "*"', '    reason: x'), '.ha-audit.yml:2: suppressions[0] needs a rule'],
    ['a suppression of an unknown rule', yaml('suppressions:', '  - rule: tg-stickyness', '    resource: "*"', '    reason: x'), '.ha-audit.yml:2: suppressions[0].rule: unknown rule "tg-stickyness" (did you mean tg-stickiness?)'],
    ['a suppression without a resource or a tag', yaml('suppressions:', '  - rule: tg-stickiness', '    reason: x'), '.ha-audit.yml:2: suppressions[0] needs a resource or a tag'],
    ['a tag without =', yaml('suppressions:', '  - rule: tg-stickiness', '    tag: legacy', '    reason: x'), '.ha-audit.yml:3: suppressions[0].tag must be key=value, got "legacy"'],
    ['a misspelt suppression key', yaml('suppressions:', '  - rule: tg-stickiness', '    resource: "*"', '    reson: x'), '.ha-audit.yml:4: unknown key "reson" in suppressions[0] (did you mean reason?)'],
    ['an expiry that is no date', yaml('suppressions:', '  - rule: tg-stickiness', '    resource: "*"', '    reason: x', '    expires: next year'), '.ha-audit.yml:5: suppressions[0].expires must be a date YYYY-MM-DD, got "next year"'],
    ['an expiry on a day that does not exist', yaml('suppressions:', '  - { rule: tg-stickiness, resource: "*", reason: x, expires: 2026-02-29 }'), '.ha-audit.yml:2: suppressions[0].expires must be a date YYYY-MM-DD, got "2026-02-29"'],
    ['a share of capacity above 1', yaml('resilience:', '  minCapacityShare: 50'), '.ha-audit.yml:2: resilience.minCapacityShare must be a number above 0 and at most 1, got 50'],
    ['a share of capacity that is no number', yaml('resilience: { minCapacityShare: half }'), '.ha-audit.yml:1: resilience.minCapacityShare must be a number above 0 and at most 1, got "half"'],
    ['an unknown resilience key', yaml('resilience:', '  minimumShare: 0.5'), '.ha-audit.yml:2: unknown key "minimumShare" in resilience'],
    ['an application without a name', yaml('resilience:', '  applications:', '    - entryPoints: [www.example.com]'), '.ha-audit.yml:3: resilience.applications[0] needs a name'],
    ['an application that names nothing', yaml('resilience:', '  applications:', '    - name: shop'), '.ha-audit.yml:3: resilience.applications[0] names no entry point and no data store'],
    ['two applications of one name', yaml('resilience:', '  applications:', '    - { name: shop, dependsOn: [a] }', '    - { name: shop, dependsOn: [b] }'), '.ha-audit.yml:4: resilience.applications[1]: application "shop" is named twice'],
    ['entry points as a string', yaml('resilience:', '  applications:', '    - { name: shop, entryPoints: www.example.com }'), '.ha-audit.yml:3: resilience.applications[0].entryPoints must be a list of DNS names or load balancer names, got "www.example.com"'],
    ['an expiry written as a number', yaml('suppressions:', '  - { rule: tg-stickiness, resource: "*", reason: x, expires: 20260301 }'), '.ha-audit.yml:2: suppressions[0].expires must be a date YYYY-MM-DD, got 20260301'],
  ])('%s', (_, text, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('config-invalid');
    expect(error.message).toBe(message);
  });

  it('hints at what to write', () => {
    expect(errorOf(yaml('rule: {}')).hint).toBe('the top-level keys are: regions, rules, suppressions, resilience');
    expect(errorOf(yaml('rules: { elb-multiaz: false }')).hint).toBe('run `ha-audit rules` to list the rule ids');
    expect(errorOf(yaml('rules: { elb-multi-az: { params: { minAz: 3 } } }')).hint).toBe('its parameters are: minAzs');
    expect(errorOf(yaml('rules: { elb-cross-zone: { params: { minAzs: 3 } } }')).hint).toBe('it takes no parameters');
    expect(errorOf(yaml('regions: [us-east-1a]')).hint).toBe('that is an Availability Zone; use its region: --region us-east-1');
    expect(errorOf(yaml('suppressions:', '  - rule: *')).hint).toBe('quote values that start with *, e.g. rule: "*"');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-12-31', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
  ])('%s: %s', (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
  });
});
