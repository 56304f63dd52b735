import { describe, expect, it } from 'vitest';
import { HaAuditError } from '../../src/model/errors.js';
import { parseShard, type ShardOptions } from '../../src/cli/shard-options.js';
import { runCli } from '../support/run-cli.js';

describe('parseShard', () => {
  it.each<[string, ShardOptions, NodeJS.ProcessEnv, { index: number; count: number } | undefined]>([
    ['no shard option, whatever the environment', {}, { AWS_BATCH_JOB_ARRAY_INDEX: '3', AWS_BATCH_JOB_ARRAY_SIZE: '4' }, undefined],
    ['--shard I/N, 1-based', { shard: '2/4' }, {}, { index: 2, count: 4 }],
    ['--shard 1/1', { shard: '1/1' }, {}, { index: 1, count: 1 }],
    ['a Kubernetes Indexed Job: JOB_COMPLETION_INDEX (0-based) with --shard-count', { shardCount: '4' }, { JOB_COMPLETION_INDEX: '0' }, { index: 1, count: 4 }],
    ['--shard auto in a Kubernetes Indexed Job', { shard: 'auto', shardCount: '4' }, { JOB_COMPLETION_INDEX: '3' }, { index: 4, count: 4 }],
    ['--shard auto in an AWS Batch array job', { shard: 'auto' }, { AWS_BATCH_JOB_ARRAY_INDEX: '2', AWS_BATCH_JOB_ARRAY_SIZE: '3' }, { index: 3, count: 3 }],
    ['--shard I/N agreeing with the engine', { shard: '3/3' }, { AWS_BATCH_JOB_ARRAY_INDEX: '2', AWS_BATCH_JOB_ARRAY_SIZE: '3' }, { index: 3, count: 3 }],
  ])('reads %s', (_name, options, env, expected) => {
    expect(parseShard(options, env)).toEqual(expected);
  });

  it.each<[string, ShardOptions, NodeJS.ProcessEnv, RegExp]>([
    ['a malformed --shard', { shard: '2of4' }, {}, /^invalid --shard "2of4"$/],
    ['index 0 (1-based)', { shard: '0/4' }, {}, /^--shard 0\/4 is out of range/],
    ['an index past the count', { shard: '5/4' }, {}, /^--shard 5\/4 is out of range/],
    ['zero shards', { shard: '1/0' }, {}, /^invalid --shard "1\/0"$/],
    ['--shard-count that is no number', { shardCount: 'four' }, { JOB_COMPLETION_INDEX: '0' }, /^invalid --shard-count "four"$/],
    ['--shard-count without an index in the environment', { shardCount: '4' }, {}, /^no shard index: neither JOB_COMPLETION_INDEX nor AWS_BATCH_JOB_ARRAY_INDEX is set$/],
    ['--shard auto without the count', { shard: 'auto' }, { JOB_COMPLETION_INDEX: '1' }, /^--shard auto needs the shard count/],
    ['JOB_COMPLETION_INDEX past --shard-count', { shardCount: '4' }, { JOB_COMPLETION_INDEX: '4' }, /^JOB_COMPLETION_INDEX=4 \(0-based\) is out of range for 4 shards$/],
    ['a negative engine index', { shardCount: '4' }, { JOB_COMPLETION_INDEX: '-1' }, /^invalid JOB_COMPLETION_INDEX="-1"$/],
    ['--shard I/N naming another shard than the engine', { shard: '1/3' }, { AWS_BATCH_JOB_ARRAY_INDEX: '2', AWS_BATCH_JOB_ARRAY_SIZE: '3' }, /^--shard 1\/3 and AWS_BATCH_JOB_ARRAY_INDEX=2 \(0-based\) name different shards$/],
    ['--shard I/N and --shard-count disagreeing', { shard: '1/3', shardCount: '4' }, {}, /^--shard 1\/3 and --shard-count 4 give different shard counts$/],
    ['--shard-count and the AWS Batch size disagreeing', { shard: 'auto', shardCount: '4' }, { AWS_BATCH_JOB_ARRAY_INDEX: '0', AWS_BATCH_JOB_ARRAY_SIZE: '3' }, /give different shard counts$/],
    ['two engines naming different shards', { shardCount: '4' }, { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '2' }, /^JOB_COMPLETION_INDEX=1 and AWS_BATCH_JOB_ARRAY_INDEX=2 disagree$/],
  ])('refuses %s', (_name, options, env, message) => {
    let error: unknown;
    try {
      parseShard(options, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HaAuditError);
    expect((error as HaAuditError).code).toBe('usage');
    expect((error as HaAuditError).message).toMatch(message);
  });
});

describe('scan --shard on the command line (exit 2, one line, before any AWS call)', () => {
  it.each<[string, string[], RegExp]>([
    ['one account in one region', ['--region', 'us-east-1', '--shard', '1/2', '--save-inventory', '-'], /^ha-audit: --shard splits a scan of several accounts or regions/],
    ['without --save-inventory', ['--region', 'us-east-1,eu-west-1', '--shard', '1/2'], /^ha-audit: --shard needs --save-inventory/],
    ['with --inventory', ['--inventory', 'fixtures/demo/inventory.json', '--shard', '1/2'], /^ha-audit: --shard has no effect with --inventory/],
    ['with a report option', ['--region', 'us-east-1,eu-west-1', '--shard', '1/2', '--save-inventory', '-', '--format', 'json'], /^ha-audit: --format has no effect with --shard/],
    ['an index out of range', ['--region', 'us-east-1,eu-west-1', '--shard', '3/2', '--save-inventory', '-'], /^ha-audit: --shard 3\/2 is out of range/],
  ])('refuses %s', async (_name, args, message) => {
    // No endpoint answers: a call made would fail otherwise than with these lines.
    const run = await runCli(['scan', ...args], { env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
