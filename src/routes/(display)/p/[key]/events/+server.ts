import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { projectorSession } from '$lib/server/results/projector';
import {
	MAX_STREAMS_PER_KEY,
	projectorFeed,
	type FeedEvent
} from '$lib/server/results/projector-feed';
import type { RequestHandler } from './$types';

const encoder = new TextEncoder();

function frame(event: Exclude<FeedEvent, { kind: 'end' }>): Uint8Array {
	return encoder.encode(
		event.kind === 'update' ? `event: update\ndata: ${event.version}\n\n` : ': keep-alive\n\n'
	);
}

/**
 * Server-sent events for the projector: an `update` whenever the state, the publication or the
 * coarse turnout step changes, from the session's one shared poller (projector-feed.ts). The
 * event carries only that fingerprint; the page reloads its data, which holds no per-person
 * figure before publication. Refused with 429 beyond MAX_STREAMS_PER_KEY streams on one key.
 */
export const GET: RequestHandler = ({ params, request }) => {
	if (!projectorSession(db(), params.key)) error(404, m.error_not_found());
	let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
	let leave: (() => void) | null = null;
	const end = () => {
		leave?.();
		try {
			controller?.close();
		} catch {
			// Already closed by the client.
		}
	};
	const stream = new ReadableStream<Uint8Array>({
		start(started) {
			controller = started;
			started.enqueue(encoder.encode('retry: 3000\n\n'));
		},
		cancel: () => leave?.()
	});
	leave = projectorFeed.subscribe(params.key, (event) => {
		if (event.kind === 'end') return end();
		try {
			controller?.enqueue(frame(event));
		} catch {
			end();
		}
	});
	if (!leave) error(429, m.projector_streams_full({ max: MAX_STREAMS_PER_KEY }));
	request.signal.addEventListener('abort', end);

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
