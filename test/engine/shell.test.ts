import { describe, expect, it } from 'vitest';
import { awsCommand, shellQuote } from '../../src/engine/shell.js';
import { ipv4InCidr } from '../../src/engine/network.js';

describe('shellQuote', () => {
  it.each([
    ['arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc', 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc'],
    ['Key=stickiness.enabled,Value=false', 'Key=stickiness.enabled,Value=false'],
    ['<subnet-id>', '<subnet-id>'],
    ['my group', `'my group'`],
    [`it's`, `'it'\\''s'`],
    ['subnet-1,<subnet-id-in-another-zone>', `'subnet-1,<subnet-id-in-another-zone>'`],
    ['{"TargetValue":50}', `'{"TargetValue":50}'`],
  ])('%s', (value, quoted) => expect(shellQuote(value)).toBe(quoted));

  it('builds a command from its words', () => {
    expect(awsCommand('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', 'web asg', '--min-size', 2)).toBe(
      `aws autoscaling update-auto-scaling-group --auto-scaling-group-name 'web asg' --min-size 2`,
    );
  });
});

describe('ipv4InCidr', () => {
  it.each([
    ['10.0.1.7', '10.0.0.0/16', true],
    ['10.1.0.1', '10.0.0.0/16', false],
    ['10.0.1.7', '10.0.1.0/24', true],
    ['10.0.2.7', '10.0.1.0/24', false],
    ['192.168.1.1', '0.0.0.0/0', true],
    ['10.0.0.1', '10.0.0.1/32', true],
    ['2001:db8::1', '10.0.0.0/16', false],
    ['10.0.0.256', '10.0.0.0/16', false],
    ['10.0.0.1', 'garbage', false],
  ] as const)('%s in %s: %s', (ip, cidr, inside) => expect(ipv4InCidr(ip, cidr)).toBe(inside));
});
