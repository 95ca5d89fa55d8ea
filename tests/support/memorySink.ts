import type { ChunkSink } from '@/lib/export/streamCsv';

/** A sink that keeps what is written, chunk by chunk, and whether it was closed or aborted. */
export function memorySink(): ChunkSink & { chunks: string[]; state: 'open' | 'closed' | 'aborted' } {
  const sink = {
    chunks: [] as string[],
    state: 'open' as 'open' | 'closed' | 'aborted',
    async write(text: string) {
      sink.chunks.push(text);
    },
    async close() {
      sink.state = 'closed';
    },
    async abort() {
      sink.state = 'aborted';
    },
  };
  return sink;
}
