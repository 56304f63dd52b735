import { HaAuditError } from '../model/errors.js';
import type { ShardSpec } from '../model/shard.js';
import { excerpt } from '../visible-text.js';

/** The options of `scan` that make it one shard of a scan split across machines. */
export interface ShardOptions {
  /** `--shard I/N` (1-based), or `auto`: from the batch engine's variables. */
  shard?: string;
  /** `--shard-count N`: the count a Kubernetes Indexed Job does not put in the environment. */
  shardCount?: string;
}

/** The variables batch engines set for each task of an array (0-based indexes). */
const K8S_INDEX = 'JOB_COMPLETION_INDEX';
const BATCH_INDEX = 'AWS_BATCH_JOB_ARRAY_INDEX';
const BATCH_SIZE = 'AWS_BATCH_JOB_ARRAY_SIZE';
const MAX_SHARDS = 10_000;
const HINT = 'give --shard I/N (1-based, e.g. --shard 2/4), or --shard-count N in a Kubernetes Indexed Job, or --shard auto in an AWS Batch array job';

/**
 * The shard this scan is, or none. The engines' variables are read only when a shard option is
 * given (a scan that asks for no sharding is never split because it runs in an array job); when
 * they are, every source must agree: a conflict or an index out of range is a usage error.
 */
export function parseShard(options: ShardOptions, env: NodeJS.ProcessEnv): ShardSpec | undefined {
  if (options.shard === undefined && options.shardCount === undefined) return undefined;
  const explicit = options.shard !== undefined && options.shard !== 'auto' ? parseFraction(options.shard) : undefined;
  const counted = options.shardCount !== undefined ? wholeNumber(options.shardCount, '--shard-count') : undefined;
  const k8sIndex = variable(env, K8S_INDEX, 0);
  const batchIndex = variable(env, BATCH_INDEX, 0);
  const batchSize = variable(env, BATCH_SIZE, 1);
  if (k8sIndex !== undefined && batchIndex !== undefined && k8sIndex !== batchIndex) {
    throw new HaAuditError('usage', `${K8S_INDEX}=${k8sIndex} and ${BATCH_INDEX}=${batchIndex} disagree`, 'run the scan in one kind of array job');
  }
  const envIndex = k8sIndex ?? batchIndex;
  const counts = [
    ...(explicit ? [{ from: `--shard ${explicit.index}/${explicit.count}`, count: explicit.count }] : []),
    ...(counted !== undefined ? [{ from: `--shard-count ${counted}`, count: counted }] : []),
    ...(batchSize !== undefined ? [{ from: `${BATCH_SIZE}=${batchSize}`, count: batchSize }] : []),
  ];
  const disagreeing = counts.find((c) => c.count !== counts[0]!.count);
  if (disagreeing) throw new HaAuditError('usage', `${counts[0]!.from} and ${disagreeing.from} give different shard counts`, HINT);
  const count = counts[0]?.count;
  if (count === undefined) throw new HaAuditError('usage', `--shard auto needs the shard count: ${BATCH_SIZE} is not set`, HINT);
  if (explicit && envIndex !== undefined && envIndex + 1 !== explicit.index) {
    throw new HaAuditError('usage', `--shard ${explicit.index}/${explicit.count} and ${k8sIndex !== undefined ? K8S_INDEX : BATCH_INDEX}=${envIndex} (0-based) name different shards`, HINT);
  }
  const index = explicit?.index ?? (envIndex !== undefined ? envIndex + 1 : undefined);
  if (index === undefined) throw new HaAuditError('usage', `no shard index: neither ${K8S_INDEX} nor ${BATCH_INDEX} is set`, HINT);
  if (index > count) {
    const from = explicit ? `--shard ${options.shard}` : `${k8sIndex !== undefined ? K8S_INDEX : BATCH_INDEX}=${envIndex} (0-based)`;
    throw new HaAuditError('usage', `${from} is out of range for ${count} shards`, HINT);
  }
  return { index, count };
}

function parseFraction(value: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1 && count <= MAX_SHARDS)) throw new HaAuditError('usage', `invalid --shard "${excerpt(value)}"`, HINT);
  if (!(index >= 1 && index <= count)) throw new HaAuditError('usage', `--shard ${excerpt(value)} is out of range: the index goes from 1 to ${count}`, HINT);
  return { index, count };
}

function wholeNumber(value: string, option: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !(n >= 1 && n <= MAX_SHARDS)) throw new HaAuditError('usage', `invalid ${option} "${excerpt(value)}"`, `give a whole number from 1 to ${MAX_SHARDS}`);
  return n;
}

/** An engine's variable: absent (or empty), or a whole number at least `minimum`. */
function variable(env: NodeJS.ProcessEnv, name: string, minimum: number): number | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < minimum || n > MAX_SHARDS) throw new HaAuditError('usage', `invalid ${name}="${excerpt(value)}"`, `the batch engine sets it to a whole number; ${HINT}`);
  return n;
}
