import { describe, expect, it } from 'vitest';
import { Throttle } from './throttle';

const policy = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };

describe('Throttle', () => {
	it('lets the free failures through, then doubles the delay', () => {
		const throttle = new Throttle(policy);
		let now = 0;
		for (let i = 0; i < 2; i++) {
			throttle.recordFailure('bithu', now);
			expect(throttle.check('bithu', now)).toEqual({ allowed: true });
		}
		const delays: number[] = [];
		for (let i = 0; i < 5; i++) {
			throttle.recordFailure('bithu', now);
			const verdict = throttle.check('bithu', now);
			if (verdict.allowed) throw new Error('expected a delay');
			delays.push(verdict.retryAt - now);
			now = verdict.retryAt;
			expect(throttle.check('bithu', now)).toEqual({ allowed: true });
		}
		expect(delays).toEqual([1000, 2000, 4000, 8000, 16000]);
	});

	it('never waits longer than the maximum delay', () => {
		const throttle = new Throttle(policy);
		for (let i = 0; i < 40; i++) throttle.recordFailure('bithu', 0);
		expect(throttle.check('bithu', 0)).toEqual({ allowed: false, retryAt: 60_000 });
	});

	it('keeps keys apart and forgets a key on reset', () => {
		const throttle = new Throttle(policy);
		for (let i = 0; i < 3; i++) throttle.recordFailure('a', 0);
		expect(throttle.check('a', 0).allowed).toBe(false);
		expect(throttle.check('b', 0).allowed).toBe(true);
		throttle.reset('a');
		expect(throttle.check('a', 0).allowed).toBe(true);
	});

	it('starts afresh after a long quiet period', () => {
		const throttle = new Throttle(policy);
		for (let i = 0; i < 4; i++) throttle.recordFailure('a', 0);
		const later = 3 * policy.maxDelayMs;
		throttle.recordFailure('a', later);
		expect(throttle.check('a', later).allowed).toBe(true);
	});

	it('reserves tries in the order they come: a burst gets only the free ones', () => {
		const throttle = new Throttle(policy);
		const verdicts = Array.from({ length: 8 }, () => throttle.reserve('bithu', 0));
		expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(3);
		expect(verdicts.at(-1)).toEqual({ allowed: false, retryAt: 1000 });
		// A refused try was never made: it does not lengthen the wait.
		expect(throttle.reserve('bithu', 1000)).toEqual({ allowed: true });
		expect(throttle.check('bithu', 1000)).toEqual({ allowed: false, retryAt: 3000 });
	});

	it('gives a released try back, and only that one', () => {
		const throttle = new Throttle(policy);
		for (let i = 0; i < 3; i++) throttle.reserve('office', 0);
		throttle.release('office');
		expect(throttle.check('office', 0)).toEqual({ allowed: true });
		throttle.reserve('office', 0);
		expect(throttle.check('office', 0).allowed).toBe(false);
		throttle.release('unknown');
		expect(throttle.check('unknown', 0)).toEqual({ allowed: true });
	});
});
