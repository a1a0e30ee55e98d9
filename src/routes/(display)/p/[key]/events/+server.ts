import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { projectorSession, projectorVersion } from '$lib/server/results/projector';
import type { RequestHandler } from './$types';

const POLL_MS = 2000;
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events for the projector: an `update` whenever the state, the publication or the
 * coarse turnout step changes. The event carries only that fingerprint; the page reloads its
 * data, which holds no per-person figure before publication.
 */
export const GET: RequestHandler = ({ params, request }) => {
	const session = projectorSession(db(), params.key);
	if (!session) error(404, m.error_not_found());
	const encoder = new TextEncoder();
	let timer: ReturnType<typeof setInterval> | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;

	const stream = new ReadableStream({
		start(controller) {
			let last = '';
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			const check = () => {
				const current = projectorSession(db(), params.key);
				if (!current) return;
				const version = projectorVersion(db(), current);
				if (version !== last) {
					last = version;
					send(`event: update\ndata: ${version}\n\n`);
				}
			};
			const stop = () => {
				clearInterval(timer);
				clearInterval(heartbeat);
				try {
					controller.close();
				} catch {
					// Already closed by the client.
				}
			};
			send('retry: 3000\n\n');
			check();
			timer = setInterval(check, POLL_MS);
			heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
			request.signal.addEventListener('abort', stop);
		},
		cancel() {
			clearInterval(timer);
			clearInterval(heartbeat);
		}
	});

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
