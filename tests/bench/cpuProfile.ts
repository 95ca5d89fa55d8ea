/** Chromium's CPU profile (CDP `Profiler.stop`), as far as the bench's profiling scripts read it. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

type ProfileNode = CpuProfile['nodes'][number];

/**
 * Self time by function, most first, each with its share of the JS functions' total; native calls
 * (querySelectorAll, textContent, IndexedDB's…) are listed again, indented, by the functions that
 * made them.
 */
export function selfTimes(profile: CpuProfile): { name: string; us: number; share: number }[] {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (n: ProfileNode | undefined) => (n ? `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}` : '');
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const us = profile.timeDeltas[i] ?? 0;
    self.set(name(node), (self.get(name(node)) ?? 0) + us);
    const parent = parentOf.get(id);
    if (node.callFrame.lineNumber !== -1 || !parent || parent.callFrame.lineNumber === -1) return;
    const key = `  ${node.callFrame.functionName} ← ${name(parent)} ← ${name(parentOf.get(parent.id))}`;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  const total = [...self].filter(([k]) => !k.startsWith(' ')).reduce((a, [, b]) => a + b, 0);
  return [...self].sort((a, b) => b[1] - a[1]).map(([n, us]) => ({ name: n, us, share: us / total }));
}
