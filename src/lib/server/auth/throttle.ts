/**
 * Exponential back-off after repeated failures, kept in memory: one process serves the app,
 * and a restart forgiving a few delays is acceptable (the persistent lockout lives in the
 * database).
 */
export interface ThrottlePolicy {
	/** Failures allowed before any delay applies. */
	freeFailures: number;
	/** Delay after the first failure past the free ones; doubles with each further failure. */
	baseDelayMs: number;
	maxDelayMs: number;
}

interface Entry {
	failures: number;
	blockedUntil: number;
	lastFailure: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAt: number };

const MAX_ENTRIES = 10_000;

export class Throttle {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly policy: ThrottlePolicy) {}

	check(key: string, now = Date.now()): ThrottleVerdict {
		const entry = this.entries.get(key);
		if (entry && now < entry.blockedUntil) return { allowed: false, retryAt: entry.blockedUntil };
		return { allowed: true };
	}

	recordFailure(key: string, now = Date.now()): void {
		const known = this.entries.get(key);
		const entry =
			known && !this.forgotten(known, now)
				? known
				: { failures: 0, blockedUntil: 0, lastFailure: now };
		entry.failures += 1;
		entry.lastFailure = now;
		const over = entry.failures - this.policy.freeFailures;
		if (over > 0) {
			const delay = Math.min(this.policy.baseDelayMs * 2 ** (over - 1), this.policy.maxDelayMs);
			entry.blockedUntil = now + delay;
		}
		this.entries.set(key, entry);
		if (this.entries.size > MAX_ENTRIES) this.prune(now);
	}

	reset(key: string): void {
		this.entries.delete(key);
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
