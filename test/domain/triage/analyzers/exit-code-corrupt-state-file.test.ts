import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { TriageEvidence, VolumeEvidence } from '../../../../src/domain/triage/evidence.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const SHELVE_LOAD = [
  'scheduler starting',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.12/site-packages/sched/store.py", line 88, in load',
  "    self._store['entries']",
  '  File "/usr/local/lib/python3.12/shelve.py", line 114, in __getitem__',
  '    value = Unpickler(f).load()',
  '_pickle.UnpicklingError: pickle data was truncated',
];

const NAMED_EOF = ['level=info msg="opening state"', 'level=fatal msg="load state /srv/state/queue.db: unexpected EOF"'];

/** The crash scenario with `volume` mounted at `mountPath` in every pod's app container, and `args` on it. */
function mounted(ev: TriageEvidence, volume: VolumeEvidence, mountPath: string, args: string[] = []): TriageEvidence {
  const pods = ev.pods.map((p) => ({ ...p, volumes: [volume], containers: p.containers.map((c) => ({ ...c, args, volumeMounts: [{ name: volume.name, mountPath }] })) }));
  return { ...ev, pods };
}

describe('analyzeExitCodes: a process dying at every start on a corrupt state file a volume keeps past the pod', () => {
  it('names the file the command line gives and the claim it lies on, and offers removing it rather than a rollback', () => {
    const base = crashScenario(1, () => terminated(1, 'Error', 1), { logs: SHELVE_LOAD });
    const ev = mounted(base, { name: 'state', source: 'pvc', ref: 'sched-state' }, '/var/lib/sched', ['run', '--state', '/var/lib/sched/entries.db']);
    const [f] = analyzeExitCodes(ev);
    expect(f?.decisive).toBe('_pickle.UnpicklingError: pickle data was truncated');
    expect(f?.title).toContain('state file /var/lib/sched/entries.db on PVC sched-state is corrupt or truncated');
    expect(f?.confidence).toBe('high');
    expect(f?.nextAction).toContain('/var/lib/sched/entries.db');
    expect(f?.nextAction).not.toMatch(/roll ?back to/i);
    expect(`${f?.likelyCause ?? ''} ${f?.nextAction ?? ''}`).not.toMatch(/\bOOM|rollback to/i);
  });

  it('reads a generic "unexpected EOF" only when the failing line names a file on such a volume', () => {
    const ev = mounted(crashScenario(1, () => terminated(1, 'Error', 1), { logs: NAMED_EOF }), { name: 'data', source: 'pvc', ref: 'queue-data' }, '/srv/state');
    expect(analyzeExitCodes(ev)[0]?.title).toContain('state file /srv/state/queue.db on PVC queue-data');
    const onImage = crashScenario(1, () => terminated(1, 'Error', 1), { logs: NAMED_EOF });
    expect(analyzeExitCodes(onImage)[0]?.title).not.toContain('state file');
  });

  it('tells no reading when the file lies on an emptyDir or on no volume: a new pod starts without it', () => {
    const ev = mounted(crashScenario(1, () => terminated(1, 'Error', 1), { logs: SHELVE_LOAD }), { name: 'state', source: 'emptyDir' }, '/var/lib/sched', ['run', '--state', '/var/lib/sched/entries.db']);
    expect(analyzeExitCodes(ev)[0]?.title).not.toContain('state file');
  });
});
