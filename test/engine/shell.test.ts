import { describe, expect, it } from 'vitest';
import { aws, inRegion, joined, json, placeholder } from '../../src/engine/command.js';
import { commandLine, remediationCommands, shellQuote } from '../../src/engine/shell.js';
import { ipv4InCidr } from '../../src/model/network.js';

describe('shellQuote', () => {
  it.each([
    ['arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc', 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc'],
    ['Key=stickiness.enabled,Value=false', 'Key=stickiness.enabled,Value=false'],
    ['a@b%c+d', 'a@b%c+d'],
    // A value shaped like a placeholder is a value: quoted like any other.
    ['<subnet-id>', `'<subnet-id>'`],
    ['<a;touch${IFS}/tmp/pwned;b>', `'<a;touch\${IFS}/tmp/pwned;b>'`],
    ['my group', `'my group'`],
    [`it's`, `'it'\\''s'`],
    ['', `''`],
    ['{"TargetValue":50}', `'{"TargetValue":50}'`],
  ])('%s', (value, quoted) => expect(shellQuote(value)).toBe(quoted));
});

describe('steps', () => {
  it('locate placeholders: whole words stay bare, values from AWS are quoted', () => {
    const step = aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', 'web asg', '--vpc-zone-identifier', joined(',', ['subnet-1', placeholder('subnet-id', 'subnet-id-in-another-zone')]), '--min-size', 2);
    expect(step).toEqual({
      argv: ['aws', 'autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', 'web asg', '--vpc-zone-identifier', 'subnet-1,<subnet-id-in-another-zone>', '--min-size', '2'],
      placeholders: [{ arg: 6, text: '<subnet-id-in-another-zone>', kind: 'subnet-id' }],
    });
    expect(commandLine(step)).toBe(`aws autoscaling update-auto-scaling-group --auto-scaling-group-name 'web asg' --vpc-zone-identifier 'subnet-1,<subnet-id-in-another-zone>' --min-size 2`);
    const bare = aws('elbv2', 'set-subnets', '--subnets', 'subnet-1', placeholder('subnet-id'));
    expect(commandLine(bare)).toBe('aws elbv2 set-subnets --subnets subnet-1 <subnet-id>');
  });

  it('quote a name from AWS that looks like a placeholder', () => {
    const step = aws('autoscaling', 'resume-processes', '--auto-scaling-group-name', '<a;touch${IFS}/tmp/pwned;b>');
    expect(step.placeholders).toEqual([]);
    expect(commandLine(step)).toBe(`aws autoscaling resume-processes --auto-scaling-group-name '<a;touch\${IFS}/tmp/pwned;b>'`);
  });

  it('write JSON with placeholders where their values go: strings quoted, numbers bare', () => {
    const document = json({ Type: 'TCP', IPAddress: placeholder('ip-address'), Port: placeholder('port'), Skip: undefined, List: [1, 'a'] });
    expect(document.text).toBe('{"Type":"TCP","IPAddress":"<ip-address>","Port":<port>,"List":[1,"a"]}');
    const step = aws('route53', 'create-health-check', '--health-check-config', document);
    expect(step.placeholders).toEqual([
      { arg: 4, text: '<ip-address>', kind: 'ip-address' },
      { arg: 4, text: '<port>', kind: 'port' },
    ]);
    expect(commandLine(step)).toBe(`aws route53 create-health-check --health-check-config '{"Type":"TCP","IPAddress":"<ip-address>","Port":<port>,"List":[1,"a"]}'`);
  });

  it('run in the resource region unless one is named', () => {
    expect(inRegion(aws('rds', 'x'), 'eu-west-1').argv).toEqual(['aws', 'rds', 'x', '--region', 'eu-west-1']);
    expect(inRegion(aws('rds', 'x', '--region', 'us-east-1'), 'eu-west-1').argv).toEqual(['aws', 'rds', 'x', '--region', 'us-east-1']);
  });

  it('reject a placeholder label a shell would read', () => {
    expect(() => placeholder('subnet-id', 'a;b')).toThrow(/lower-case words/);
  });

  it('render a remediation from its steps, or its commands when a report predates steps', () => {
    const steps = [aws('elbv2', 'x', 'a b')];
    expect(remediationCommands({ summary: 's', commands: ['ignored'], steps, docs: 'https://x' })).toEqual([`aws elbv2 x 'a b'`]);
    expect(remediationCommands({ summary: 's', commands: ['aws elbv2 y'], docs: 'https://x' })).toEqual(['aws elbv2 y']);
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
