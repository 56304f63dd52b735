import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/cli/files.js';
import { startFakeAws, type FakeAws } from '../support/fake-aws.js';
import { expectValidReport } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

// An endpoint that accepts connections and never answers (a stuck emulator, a proxy that swallows
// requests): the scan must end on its own, soon, saying which endpoint, not retry it for minutes.
const credentials = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

interface SilentServer {
  url: string;
  /** Connections it accepted. */
  connections: number;
}

let silent: { server: Server; sockets: Set<Socket> } | undefined;
let fake: FakeAws | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (silent) await stop(silent);
  silent = undefined;
});

function stop({ server, sockets }: { server: Server; sockets: Set<Socket> }): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A TCP server on 127.0.0.1 that reads every request and never answers; it stops itself after a minute at most. */
async function silentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const state = { connections: 0 };
  const server = createServer((socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('data', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  silent = { server, sockets };
  setTimeout(() => void stop({ server, sockets }), 60_000).unref();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get connections() {
      return state.connections;
    },
  };
}

describe('an endpoint that accepts connections and never answers', { timeout: 60_000 }, () => {
  it('nothing collected (STS does not answer): exit 2, one line naming the endpoint', async () => {
    const endpoint = await silentServer();
    const run = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--endpoint-url', endpoint.url, '--format', 'json'], { env: credentials });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^ha-audit: no answer from ${endpoint.url} \\(silent for 10 s\\) to STS GetCallerIdentity: nothing was collected; `))]);
    // One attempt: not retried, and not asked again for the next region.
    expect(endpoint.connections).toBe(1);
  });

  it('some collected (one service does not answer): exit 3, its calls are gaps, one line naming the endpoint', async () => {
    fake = await startFakeAws({ inventory: await loadInventory('fixtures/demo/inventory.json') });
    const endpoint = await silentServer();
    const run = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--format', 'json'], {
      env: { ...credentials, AWS_ENDPOINT_URL: fake.url, AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: endpoint.url },
    });
    expect(run.code).toBe(3);
    expect(run.stderr.trimEnd().split('\n')).toEqual([`ha-audit: warning: no answer from ${endpoint.url} (silent for 10 s): its calls are gaps`]);
    const report = expectValidReport(run.stdout) as { scan: { gaps: { region: string; service: string; operation: string; code: string; message: string }[] }; findings: { ruleId: string; status: string }[] };
    expect(report.scan.gaps.map((g) => `${g.region} ${g.service}:${g.operation} ${g.code}`).sort()).toEqual(
      ['eu-west-1', 'us-east-1'].flatMap((region) => [`${region} elbv2:DescribeLoadBalancers NoAnswer`, `${region} elbv2:DescribeTargetGroups NoAnswer`]),
    );
    expect(report.scan.gaps.every((g) => g.message.includes(endpoint.url))).toBe(true);
    // The other services were collected and judged.
    expect(report.findings.filter((f) => f.ruleId === 'rds-multi-az' && f.status !== 'error').length).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.ruleId === 'elb-multi-az').every((f) => f.status === 'error')).toBe(true);
  });
});
