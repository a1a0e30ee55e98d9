/**
 * The projector's live feed. Every screen showing a session keeps an event stream open; one
 * poller per session (per projector key: a session has one) reads what the screen shows and
 * tells every stream when it changes. It starts with the first stream and stops with the last,
 * so ten screens cost the database what one does, and a key accepts at most
 * MAX_STREAMS_PER_KEY streams at once: the key is on every voter's receipt link, and each open
 * stream holds a connection.
 */
import { db } from '../db';
import { projectorSession, projectorVersion } from './projector';

/** How often a session's poller reads what its screens show. */
export const POLL_MS = 2000;
/** A comment sent to every stream now and then, so that proxies keep idle connections open. */
export const HEARTBEAT_MS = 20_000;
/** A room has a projector or two, and perhaps a laptop or a second screen: 20 is plenty. */
export const MAX_STREAMS_PER_KEY = 20;

export type FeedEvent =
	| { kind: 'update'; version: string }
	| { kind: 'heartbeat' }
	/** The session is gone: the stream should end. */
	| { kind: 'end' };

export type FeedListener = (event: FeedEvent) => void;

export interface FeedOptions {
	pollMs: number;
	heartbeatMs: number;
	maxStreams: number;
}

interface Poller {
	listeners: Set<FeedListener>;
	version: string | null;
	timers: ReturnType<typeof setInterval>[];
}

export interface Feed {
	/**
	 * Adds a stream to the key's poller, starting it if this is the first; the listener hears
	 * the current version at once. Returns how to leave (safe to call twice), or `null` when the
	 * key already has as many streams as allowed.
	 */
	subscribe(key: string, listener: FeedListener): (() => void) | null;
}

/**
 * A feed over `read`, which gives what a key's screens show as a fingerprint (`null` once the
 * session is gone). A read that throws (a busy or failing database) is tried again at the next
 * tick; the streams stay open.
 */
export function createFeed(
	read: (key: string) => string | null,
	{ pollMs, heartbeatMs, maxStreams }: FeedOptions
): Feed {
	const pollers = new Map<string, Poller>();

	const broadcast = (poller: Poller, event: FeedEvent) => {
		for (const listener of [...poller.listeners]) listener(event);
	};

	const stop = (key: string, poller: Poller) => {
		for (const timer of poller.timers) clearInterval(timer);
		if (pollers.get(key) === poller) pollers.delete(key);
	};

	const poll = (key: string, poller: Poller) => {
		let version: string | null;
		try {
			version = read(key);
		} catch {
			return;
		}
		if (version === null) {
			stop(key, poller);
			broadcast(poller, { kind: 'end' });
			poller.listeners.clear();
		} else if (version !== poller.version) {
			poller.version = version;
			broadcast(poller, { kind: 'update', version });
		}
	};

	const start = (key: string): Poller => {
		const poller: Poller = { listeners: new Set(), version: null, timers: [] };
		pollers.set(key, poller);
		poller.timers.push(
			setInterval(() => poll(key, poller), pollMs),
			setInterval(() => broadcast(poller, { kind: 'heartbeat' }), heartbeatMs)
		);
		return poller;
	};

	return {
		subscribe(key, listener) {
			const running = pollers.get(key);
			if (running && running.listeners.size >= maxStreams) return null;
			const poller = running ?? start(key);
			poller.listeners.add(listener);
			if (!running) poll(key, poller);
			else if (poller.version !== null) listener({ kind: 'update', version: poller.version });
			return () => {
				poller.listeners.delete(listener);
				if (poller.listeners.size === 0) stop(key, poller);
			};
		}
	};
}

/** The app's feed, on its database. */
export const projectorFeed = createFeed(
	(key) => {
		const session = projectorSession(db(), key);
		return session ? projectorVersion(db(), session) : null;
	},
	{ pollMs: POLL_MS, heartbeatMs: HEARTBEAT_MS, maxStreams: MAX_STREAMS_PER_KEY }
);
