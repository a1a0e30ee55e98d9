import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeed, type FeedEvent } from './projector-feed';

const OPTIONS = { pollMs: 2000, heartbeatMs: 20_000, maxStreams: 3 };

/** A feed over a fake screen state, counting its reads. */
function fakeFeed() {
	const state = { version: 'open:false:0/10' as string | null, reads: 0, failing: false };
	const feed = createFeed((key) => {
		expect(key).toBe('key');
		state.reads++;
		if (state.failing) throw new Error('SQLITE_BUSY');
		return state.version;
	}, OPTIONS);
	return { state, feed };
}

function listener() {
	const heard: FeedEvent[] = [];
	return { heard, hear: (event: FeedEvent) => heard.push(event) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the projector feed', () => {
	it('reads once per tick for all the streams of a session, and tells each of them', () => {
		const { state, feed } = fakeFeed();
		const first = listener();
		const second = listener();
		feed.subscribe('key', first.hear);
		feed.subscribe('key', second.hear);
		expect(state.reads).toBe(1);
		const update = { kind: 'update', version: 'open:false:0/10' };
		expect(second.heard).toEqual([update]);

		vi.advanceTimersByTime(3 * OPTIONS.pollMs);
		expect(state.reads).toBe(4);
		state.version = 'open:false:1/10';
		vi.advanceTimersByTime(OPTIONS.pollMs);
		expect(state.reads).toBe(5);
		for (const { heard } of [first, second]) {
			expect(heard).toEqual([update, { kind: 'update', version: 'open:false:1/10' }]);
		}
	});

	it('stops reading when the last stream leaves, and starts again with the next one', () => {
		const { state, feed } = fakeFeed();
		const leaveFirst = feed.subscribe('key', listener().hear)!;
		const leaveSecond = feed.subscribe('key', listener().hear)!;
		leaveFirst();
		leaveFirst();
		vi.advanceTimersByTime(OPTIONS.pollMs);
		expect(state.reads).toBe(2);
		leaveSecond();
		vi.advanceTimersByTime(10 * OPTIONS.heartbeatMs);
		expect(state.reads).toBe(2);
		expect(vi.getTimerCount()).toBe(0);

		feed.subscribe('key', listener().hear);
		expect(state.reads).toBe(3);
		vi.advanceTimersByTime(OPTIONS.pollMs);
		expect(state.reads).toBe(4);
	});

	it('refuses a stream beyond the cap of its key, and takes one again once a stream leaves', () => {
		const { feed } = fakeFeed();
		const leaves = Array.from({ length: OPTIONS.maxStreams }, () =>
			feed.subscribe('key', listener().hear)
		);
		expect(leaves.every((leave) => leave !== null)).toBe(true);
		expect(feed.subscribe('key', listener().hear)).toBeNull();
		leaves[0]!();
		expect(feed.subscribe('key', listener().hear)).not.toBeNull();
	});

	it('sends one heartbeat to every stream, from the shared poller', () => {
		const { feed } = fakeFeed();
		const streams = [listener(), listener()];
		for (const stream of streams) feed.subscribe('key', stream.hear);
		vi.advanceTimersByTime(OPTIONS.heartbeatMs);
		for (const { heard } of streams) {
			expect(heard.filter((event) => event.kind === 'heartbeat')).toHaveLength(1);
		}
	});

	it('keeps its streams through a failing read, and ends them when the session is gone', () => {
		const { state, feed } = fakeFeed();
		const stream = listener();
		feed.subscribe('key', stream.hear);
		state.failing = true;
		vi.advanceTimersByTime(OPTIONS.pollMs);
		state.failing = false;
		state.version = 'closed:false:0/10';
		vi.advanceTimersByTime(OPTIONS.pollMs);
		state.version = null;
		vi.advanceTimersByTime(OPTIONS.pollMs);
		expect(stream.heard.map((event) => event.kind)).toEqual(['update', 'update', 'end']);
		expect(vi.getTimerCount()).toBe(0);
	});
});
