// A variable the app cannot resolve at start while the ConfigMap it takes through envFrom holds a
// key a letter away: the key was renamed by an edit, and a rollback reads the same ConfigMap.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { listUnresolvedNames } from '../../../src/domain/triage/renamed-env-key.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, minutesAgo } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const times = { startedAt: NOW, finishedAt: NOW };
const SPRING = [
  '2026-11-21T03:12:10.002Z ERROR 1 --- [warehouse] [           main] o.s.boot.SpringApplication               : Application run failed',
  'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'stockClient\': Injection of autowired dependencies failed',
  'Caused by: java.lang.IllegalArgumentException: Could not resolve placeholder \'STOCK_API_URL\' in value "stock.api.url" <-- "${STOCK_API_URL}"',
];
const PYTHON = [
  'Traceback (most recent call last):',
  '  File "/srv/worker/settings.py", line 12, in <module>',
  '    BROKER = os.environ["QUEUE_BROKER_HOST"]',
  'KeyError: \'QUEUE_BROKER_HOST\'',
];

function scenario(logs: string[], keys: string[]): TriageEvidence {
  const ev = crashScenario(1, () => ({ terminated: { exitCode: 1, reason: 'Error', startedAt: minutesAgo(2), finishedAt: minutesAgo(2) } }), { logs });
  for (const p of ev.pods) for (const c of p.containers) {
    c.env = [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }];
    c.envFrom = [{ kind: 'configMap', name: 'stock-env' }];
  }
  ev.namespaceObjects = [{ kind: 'ConfigMap', name: 'stock-env', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(25), keys }];
  return ev;
}

describe('a variable the app cannot resolve because its ConfigMap key was renamed', () => {
  it('names both keys and the ConfigMap, says it was renamed, and fixes the key name rather than rolling back', () => {
    const [f] = analyzeExitCodes(scenario(SPRING, ['STOCK_APIS_URL', 'LOG_LEVEL']));
    expect(f?.title).toContain('STOCK_API_URL');
    expect(f?.title).toContain('STOCK_APIS_URL');
    expect(f?.title).toMatch(/renamed/);
    expect(f?.fix).toMatch(/rename key STOCK_APIS_URL back to STOCK_API_URL in ConfigMap stock-env/);
    expect(f?.confidence).toBe('high');
    const r = buildTriageReport(scenario(SPRING, ['STOCK_APIS_URL', 'LOG_LEVEL']), times);
    expect(r.headline).toContain('STOCK_APIS_URL');
    expect(r.headline).not.toMatch(/roll ?back to|rollout undo/i);
    expect(r.headline).not.toMatch(/Caused by/);
  });

  it('reads a KeyError the same way', () => {
    const [f] = analyzeExitCodes(scenario(PYTHON, ['QUEUE_BROKER_HOTS', 'LOG_LEVEL']));
    expect(f?.title).toContain('has key QUEUE_BROKER_HOTS, not QUEUE_BROKER_HOST');
  });

  it('is not this when the key is there, or nothing near it is', () => {
    for (const keys of [['STOCK_API_URL', 'STOCK_APIS_URL'], ['LOG_LEVEL', 'STOCK_TIMEOUT']]) expect(analyzeExitCodes(scenario(SPRING, keys))[0]?.title ?? '').not.toMatch(/renamed/);
  });

  it('takes a property placeholder by its environment name', () => {
    expect(listUnresolvedNames(['Could not resolve placeholder \'stock.api-url\' in value "${stock.api-url}"']).map((n) => n.name)).toEqual(['STOCK_API_URL']);
  });
});
