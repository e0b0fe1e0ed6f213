import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findCudaDriverTooOld } from '../../../../src/domain/triage/cuda-driver.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, minutesAgo, node, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const ORT = 'CUDA failure 35: CUDA driver version is insufficient for CUDA runtime version ; GPU=0 ; hostname=gpu-1 ; file=/onnxruntime_src/onnxruntime/core/providers/cuda/cuda_execution_provider.cc ; line=282 ; expr=cudaSetDevice(info_.device_id); ';
const ORT_LOG = [
  'INFO loading model /models/m.onnx with providers=[\'CUDAExecutionProvider\']',
  `[E:onnxruntime:Default, cuda_call.cc:118 CudaCall] ${ORT}`,
  'Traceback (most recent call last):',
  `RuntimeError: /onnxruntime_src/onnxruntime/core/providers/cuda/cuda_call.cc:123 std::conditional_t<THRW, void, onnxruntime::common::Status> onnxruntime::CudaCall(ERRTYPE, const char*, const char*, ERRTYPE, const char*, const char*, int) [with ERRTYPE = cudaError; bool THRW = true] ${ORT}`,
];

const NEW_1 = 'ip-10-0-9-11.eu-west-1.compute.internal';
const NEW_2 = 'ip-10-0-9-12.eu-west-1.compute.internal';
const POOL = 'eks.amazonaws.com/nodegroup';

/** GPU feature discovery's driver labels, when `gfd`. */
function gpuLabels(pool: string, driver: [string, string, string], gfd: boolean): Record<string, string> {
  return { [POOL]: pool, ...(gfd ? { 'nvidia.com/cuda.driver.major': driver[0], 'nvidia.com/cuda.driver.minor': driver[1], 'nvidia.com/cuda.driver.rev': driver[2], 'nvidia.com/cuda.runtime.major': driver[0] === '470' ? '11' : '12', 'nvidia.com/cuda.runtime.minor': '4' } : {}) };
}

/** Two of five pods crash-looping with `logs` on a GPU pool added 49 minutes ago; the other three on the old pool. */
function onNewGpuPool(logs: string[], gfd = true): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs });
  ev.nodes = [
    node(NODE_A, { labels: gpuLabels('gpu', ['550', '127', '05'], gfd), createdAt: minutesAgo(60 * 24 * 30) }),
    node(NODE_B, { labels: gpuLabels('gpu', ['550', '127', '05'], gfd), createdAt: minutesAgo(60 * 24 * 30) }),
    node(NEW_1, { labels: gpuLabels('gpu-v2', ['470', '256', '02'], gfd), createdAt: minutesAgo(49) }),
    node(NEW_2, { labels: gpuLabels('gpu-v2', ['470', '256', '02'], gfd), createdAt: minutesAgo(49) }),
  ];
  ev.pods = ev.pods.map((p, i) => ({ ...p, nodeName: i === 0 ? NEW_1 : i === 1 ? NEW_2 : i % 2 === 0 ? NODE_A : NODE_B }));
  return ev;
}

describe('a CUDA runtime newer than the node\'s NVIDIA driver', () => {
  it('names the pool and its driver against the healthy pool\'s, quotes the CUDA error and moves the pool to a current driver', () => {
    const r = buildTriageReport(onNewGpuPool(ORT_LOG), times);
    expect(r.headline).toContain('CUDA driver too old on node pool gpu-v2 (driver 470 vs 550 on the healthy pool); its nodes were added 49m ago');
    expect(r.headline).toContain('"CUDA failure 35: CUDA driver version is insufficient for CUDA runtime version"');
    expect(r.headline).not.toMatch(/RuntimeError|no change found|roll back/i);
    expect(r.headline).toMatch(/Keep the pods off node pool gpu-v2 \(nodeSelector or affinity\) until it is fixed; then move node pool gpu-v2 to a GPU node image with NVIDIA driver 550 \(as on node pool gpu\) or newer/);
    const [f] = r.findings;
    expect(f?.evidence.join('\n')).toContain('NVIDIA driver 470.256.02 on node pool gpu-v2 (supports CUDA up to 11.4); 550.127.05 on node pool gpu');
  });

  it('takes the driver from the nvidia-smi banner when the nodes carry no GPU feature discovery labels', () => {
    const r = buildTriageReport(onNewGpuPool(['| NVIDIA-SMI 470.256.02   Driver Version: 470.256.02   CUDA Version: 11.4     |', ...ORT_LOG], false), times);
    expect(r.headline).toContain('CUDA driver too old on node pool gpu-v2 (driver 470)');
  });

  it.each([
    ['RuntimeError: The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver by downloading and installing a new version', true],
    ['nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.4, please update your driver to a newer version, or use an earlier cuda container: unknown', true],
    ['E external/local_xla/xla/stream_executor/cuda/cuda_driver.cc:268] failed call to cuInit: CUDA_ERROR_NO_DEVICE: no CUDA-capable device is detected', false],
    ['torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', false],
  ])('reads %s as a driver too old: %s', (line, yes) => {
    expect(findCudaDriverTooOld([line]) !== undefined).toBe(yes);
  });
});
