/**
 * Exponential back-off after repeated failures, kept in memory: one process serves the app,
 * and a restart forgiving a few delays is acceptable (the persistent lockout lives in the
 * database).
 */
export interface ThrottlePolicy {
	/** Failures allowed before any delay applies. */
	freeFailures: number;
	/** Delay after the last free failure; doubles with each further failure. */
	baseDelayMs: number;
	maxDelayMs: number;
}

interface Entry {
	failures: number;
	lastFailure: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAt: number };

const MAX_ENTRIES = 10_000;

export class Throttle {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly policy: ThrottlePolicy) {}

	check(key: string, now = Date.now()): ThrottleVerdict {
		const entry = this.live(key, now);
		const until = entry ? this.blockedUntil(entry) : 0;
		return now < until ? { allowed: false, retryAt: until } : { allowed: true };
	}

	recordFailure(key: string, now = Date.now()): void {
		const entry = this.live(key, now) ?? { failures: 0, lastFailure: now };
		entry.failures += 1;
		entry.lastFailure = now;
		this.entries.set(key, entry);
		if (this.entries.size > MAX_ENTRIES) this.prune(now);
	}

	/**
	 * Checks and counts a failure in one synchronous step, for a try whose outcome is known only
	 * after an `await` (a password hash): tries running in parallel then see each other, so a
	 * burst gets no more verdicts than the same tries made one after another. A try that succeeds
	 * gives its failure back with `release` or `reset`.
	 */
	reserve(key: string, now = Date.now()): ThrottleVerdict {
		const verdict = this.check(key, now);
		if (verdict.allowed) this.recordFailure(key, now);
		return verdict;
	}

	/** Gives back one reserved failure: a success on a key others share (an address). */
	release(key: string): void {
		const entry = this.entries.get(key);
		if (!entry) return;
		entry.failures -= 1;
		if (entry.failures <= 0) this.entries.delete(key);
	}

	reset(key: string): void {
		this.entries.delete(key);
	}

	private blockedUntil(entry: Entry): number {
		const over = entry.failures - this.policy.freeFailures;
		if (over < 0) return 0;
		return (
			entry.lastFailure + Math.min(this.policy.baseDelayMs * 2 ** over, this.policy.maxDelayMs)
		);
	}

	private live(key: string, now: number): Entry | undefined {
		const entry = this.entries.get(key);
		return entry && !this.forgotten(entry, now) ? entry : undefined;
	}

	/** A key quiet for twice the longest delay starts afresh. */
	private forgotten(entry: Entry, now: number): boolean {
		return now - entry.lastFailure > 2 * this.policy.maxDelayMs;
	}

	private prune(now: number): void {
		for (const [key, entry] of this.entries) {
			if (this.forgotten(entry, now)) this.entries.delete(key);
		}
	}
}
