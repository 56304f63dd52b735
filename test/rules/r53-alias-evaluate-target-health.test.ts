import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

const ZONE = 'Z1D633PJN98FT9';
const PRIVATE_ZONE = 'Z08123942VLGFB3PLRPXA';
const byId = (results: Result[], id: string) => results.find((r) => r.resource.id === id)!;

testRule('r53-alias-evaluate-target-health', [
  {
    name: 'latency, weighted and record-to-record aliases evaluating target health pass; simple aliases, CloudFront and S3 website aliases get no result',
    fixture: 'pass.json',
    fail: [],
    pass: [
      `${ZONE}/www.example.com/A/www-use1`,
      `${ZONE}/www.example.com/A/www-euw1`,
      `${ZONE}/events.example.com/A/events-main`,
      `${ZONE}/app.example.com/A/app-blue`,
      `${ZONE}/app.example.com/A/app-green`,
    ],
    check(results) {
      const green = byId(results, `${ZONE}/app.example.com/A/app-green`);
      expectMessage(green, 'evaluates', { record: 'app.example.com A (set app-green)', zone: 'zone example.com', policy: 'weighted', target: 'web-euw1 (eu-west-1)' });
    },
  },
  {
    name: 'aliases to load balancers without EvaluateTargetHealth fail: by DNS name (a region not scanned), through another record, an NLB, a private zone',
    fixture: 'fail.json',
    fail: [
      { resource: `${ZONE}/www.example.com/A/www-euw1`, messageId: 'notEvaluated' },
      { resource: `${ZONE}/events.example.com/A/events-main`, messageId: 'notEvaluated' },
      { resource: `${ZONE}/api.example.com/A/api-apse2`, messageId: 'notEvaluated' },
      { resource: `${ZONE}/app.example.com/A/app-blue`, messageId: 'notEvaluated' },
      { resource: `${PRIVATE_ZONE}/orders.corp.internal/A/orders-use1`, messageId: 'notEvaluated' },
    ],
    pass: [`${ZONE}/www.example.com/A/www-use1`, `${ZONE}/api.example.com/A/api-euw1`],
    check(results) {
      // Not in the inventory, but a load balancer by its name: judged, with no load balancer invented.
      const apse2 = byId(results, `${ZONE}/api.example.com/A/api-apse2`);
      expect(apse2.evidence).toMatchObject({ routingPolicy: 'failover', aliasTarget: 'dualstack.api-apse2-1122334455.ap-southeast-2.elb.amazonaws.com.', loadBalancers: [] });

      const app = byId(results, `${ZONE}/app.example.com/A/app-blue`);
      expectMessage(app, 'notEvaluated', { record: 'app.example.com A (set app-blue)', zone: 'zone example.com', policy: 'weighted', target: 'web-use1 (us-east-1)' });
      expect(app.evidence).toEqual({
        routingPolicy: 'weighted',
        setIdentifier: 'app-blue',
        aliasTarget: 'origin.example.com.',
        evaluateTargetHealth: false,
        loadBalancers: [{ name: 'web-use1', region: 'us-east-1', arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web-use1/1a2b3c4d5e6f7a80' }],
      });
      expect(commandsOf(app)).toEqual([
        `aws route53 change-resource-record-sets --hosted-zone-id ${ZONE} --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"app.example.com","Type":"A","SetIdentifier":"app-blue","Weight":100,"AliasTarget":{"HostedZoneId":"${ZONE}","DNSName":"origin.example.com.","EvaluateTargetHealth":true}}}]}'`,
      ]);
      expect(commandsOf(byId(results, `${ZONE}/www.example.com/A/www-euw1`))[0]).toContain(
        '"SetIdentifier":"www-euw1","Region":"eu-west-1","AliasTarget":{"HostedZoneId":"Z32O12XQLNTSW2","DNSName":"dualstack.web-euw1-987654321.eu-west-1.elb.amazonaws.com.","EvaluateTargetHealth":true}',
      );
    },
  },
]);
