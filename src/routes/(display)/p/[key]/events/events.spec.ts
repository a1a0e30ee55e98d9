import { isHttpError } from '@sveltejs/kit';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, migrateDatabase } from '$lib/server/db';
import { MAX_STREAMS_PER_KEY } from '$lib/server/results/projector-feed';
import { sessionById } from '$lib/server/sessions/lifecycle';
import { draftSession, organiser } from '$lib/server/testing/fixtures';
import { GET } from './+server';

type Event = Parameters<typeof GET>[0];

let key = '';

beforeAll(async () => {
	// The app's own connection: in memory under vitest.
	migrateDatabase(db());
	const owner = await organiser(db());
	key = sessionById(db(), draftSession(db(), owner.id))!.projectorKey;
});
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Opens the event stream of the projector `key`, as a screen does. */
async function open(projectorKey = key) {
	const request = new Request(`http://room/p/${projectorKey}/events`);
	const response = await GET({ params: { key: projectorKey }, request } as unknown as Event);
	const reader = response.body!.getReader();
	return { response, reader };
}

async function refusal(projectorKey = key) {
	try {
		await open(projectorKey);
	} catch (error) {
		if (isHttpError(error)) return { status: error.status, message: error.body.message };
	}
	return null;
}

describe('the projector’s event stream', () => {
	it('shares one poller among every screen of a session, and stops it with the last', async () => {
		const screens = [await open(), await open(), await open()];
		// One poll and one heartbeat for the session, however many screens follow it.
		expect(vi.getTimerCount()).toBe(2);
		const decoder = new TextDecoder();
		for (const { response, reader } of screens) {
			expect(response.headers.get('content-type')).toContain('text/event-stream');
			let text = '';
			while (!text.includes('event: update')) {
				text += decoder.decode((await reader.read()).value);
			}
			expect(text).toMatch(/event: update\ndata: draft:false:0\/0\n\n/);
		}
		for (const { reader } of screens) await reader.cancel();
		expect(vi.getTimerCount()).toBe(0);
	});

	it(`takes ${MAX_STREAMS_PER_KEY} screens on one key and refuses more in plain words`, async () => {
		const screens = [];
		for (let index = 0; index < MAX_STREAMS_PER_KEY; index++) screens.push(await open());
		expect(await refusal()).toEqual({
			status: 429,
			message: `Đã có ${MAX_STREAMS_PER_KEY} màn hình đang theo dõi phiên này nên không mở thêm được. Hãy đóng bớt một màn hình rồi thử lại.`
		});
		await screens.pop()!.reader.cancel();
		screens.push(await open());
		for (const { reader } of screens) await reader.cancel();
		expect(vi.getTimerCount()).toBe(0);
	});

	it('answers 404 for a key that opens no session', async () => {
		expect(await refusal('A'.repeat(22))).toMatchObject({ status: 404 });
	});
});
