import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../../simulations/kernel/event-queue.ts';
import { Simulation } from '../../../simulations/kernel/simulation.ts';
import { Resource } from '../../../simulations/kernel/resource.ts';
import { PriorityQueue } from '../../../simulations/kernel/priority-queue.ts';

describe('event queue', () => {
  it('given events at random times, fires them in time order and equal times in scheduling order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const queue = new EventQueue();
        const fired: [number, number][] = [];
        times.forEach((time, order) => queue.push(time, (payload: [number, number]) => fired.push(payload), [time, order]));
        while (queue.size > 0) queue.fireNext();
        const expected = times.map((time, order): [number, number] => [time, order]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(fired).toEqual(expected);
      }),
    );
  });
});

describe('simulation clock', () => {
  it('given a run until a time, stops there with later events still pending', () => {
    const simulation = new Simulation(0);
    const seen: number[] = [];
    simulation.at(5, () => seen.push(simulation.now), undefined);
    simulation.at(15, () => seen.push(simulation.now), undefined);
    simulation.run(10);
    expect(seen).toEqual([5]);
    expect(simulation.now).toBe(10);
    expect(simulation.pending).toBe(1);
  });

  it('given an event scheduled in the past, fires it now rather than moving the clock back', () => {
    const simulation = new Simulation(100);
    let firedAt = -1;
    simulation.at(50, () => (firedAt = simulation.now), undefined);
    simulation.run();
    expect(firedAt).toBe(100);
  });
});

describe('priority queue', () => {
  it('pops lowest priority first and first-in first-out among equals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 200 }), (priorities) => {
        const queue = new PriorityQueue<number>();
        priorities.forEach((priority, index) => queue.push(priority, index));
        const popped: number[] = [];
        while (queue.size > 0) popped.push(queue.pop()!);
        const expected = priorities.map((priority, index) => [priority, index] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, index]) => index);
        expect(popped).toEqual(expected);
      }),
    );
  });
});

describe('resource', () => {
  it('given one server, grants at once, then queues by priority and hands over on release', () => {
    const simulation = new Simulation(0);
    const desk = new Resource<string>(simulation, 1);
    const granted: string[] = [];
    const grant = (who: string) => granted.push(who);
    desk.request(1, 'first', grant);
    desk.request(2, 'low', grant);
    desk.request(0, 'urgent', grant);
    expect(granted).toEqual(['first']);
    expect(desk.queueLength).toBe(2);
    desk.release();
    desk.release();
    desk.release();
    expect(granted).toEqual(['first', 'urgent', 'low']);
    expect(desk.inUse).toBe(0);
  });

  it('given a server busy half the time, reports utilisation 0.5 and the mean queue', () => {
    const simulation = new Simulation(0);
    const desk = new Resource<string>(simulation, 1);
    desk.request(0, 'a', () => undefined);
    desk.request(0, 'b', () => undefined); // waits 0..2
    simulation.at(2, () => desk.release(), undefined); // b starts
    simulation.at(4, () => desk.release(), undefined); // idle from 4
    simulation.run(8);
    const statistics = desk.statistics();
    expect(statistics.utilisation).toBeCloseTo(0.5, 10);
    expect(statistics.meanQueueLength).toBeCloseTo(2 / 8, 10);
  });

  it('refuses a capacity that is not a whole number of servers', () => {
    expect(() => new Resource(new Simulation(0), 0)).toThrow(/at least 1/);
  });
});
