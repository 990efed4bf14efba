import { describe, expect, it } from 'vitest';
import { ShuttingDownError, WorkGate } from '../src/shutdown.js';

describe('WorkGate', () => {
  it('lets work in flight finish before close resolves', async () => {
    const gate = new WorkGate();
    let release!: () => void;
    const order: string[] = [];
    const work = gate.run(() =>
      new Promise<void>((r) => (release = r)).then(() => void order.push('work done')),
    );
    expect(gate.inFlight).toBe(1);
    const closed = gate.close(10_000).then((left) => order.push(`closed, ${left} left`));
    release();
    await Promise.all([work, closed]);
    expect(order).toEqual(['work done', 'closed, 0 left']);
  });

  it('turns new work away once closing', async () => {
    const gate = new WorkGate();
    await gate.close(10);
    expect(gate.accepting).toBe(false);
    await expect(gate.run(async () => 1)).rejects.toBeInstanceOf(ShuttingDownError);
  });

  it('gives up at the deadline and says how much is still running', async () => {
    const gate = new WorkGate();
    void gate.run(() => new Promise(() => {}));
    expect(await gate.close(20)).toBe(1);
  });

  it('counts failed work as finished', async () => {
    const gate = new WorkGate();
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.inFlight).toBe(0);
    expect(await gate.close(10)).toBe(0);
  });
});
