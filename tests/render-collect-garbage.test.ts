import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage, HeapKeeper } from '../src/render/collect-garbage.js';

describe('collectGarbage', () => {
  it('collects what nothing reaches any more, at once', async () => {
    let held: number[] | null = Array.from({ length: 1000 }, (_, i) => i);
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef keeps its target until the current job ends.
    await new Promise((done) => setTimeout(done, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps what is still reached', async () => {
    const held = Array.from({ length: 1000 }, (_, i) => i);
    const ref = new WeakRef(held);
    await new Promise((done) => setTimeout(done, 0));
    collectGarbage();
    collectGarbage();
    expect(ref.deref()).toBe(held);
  });
});

describe('HeapKeeper', () => {
  it('collects once the heap has grown by its share of what was live, and not before', () => {
    const keeper = new HeapKeeper(0.5);
    const live = keeper.collect();
    expect(live).toBeGreaterThan(0);
    expect(keeper.check()).toBe(false);
    // Garbage worth more than half of what is live.
    let junk: Array<{ n: number; s: string }> | null = [];
    while (getHeapStatistics().used_heap_size < live * 1.6) for (let i = 0; i < 10_000; i += 1) junk.push({ n: i, s: `item ${i}` });
    junk = null;
    expect(keeper.check()).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(live * 1.5);
    expect(keeper.check()).toBe(false);
  });

  it('collects before any collection of its own once the heap is above its floor, and never below it', () => {
    const used = (): number => getHeapStatistics().used_heap_size;
    const above = new HeapKeeper(0.25, 0);
    expect(above.check()).toBe(true);
    const high = new HeapKeeper(0.25, used() + 512 * 1024 * 1024);
    // Garbage, half again what is live: collected by a keeper with no floor, not by one whose floor it stays under.
    const live = used();
    let junk: Array<{ n: number; s: string }> | null = [];
    while (used() < live * 1.6) for (let i = 0; i < 10_000; i += 1) junk.push({ n: i, s: `item ${i}` });
    junk = null;
    expect(high.check()).toBe(false);
    expect(high.check(0)).toBe(false);
    expect(above.check()).toBe(true);
    expect(used()).toBeLessThan(live * 1.4);
  });
});
