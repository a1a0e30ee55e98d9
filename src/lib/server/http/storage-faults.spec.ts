import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordStorageWrite } from '../db/storage-health';
import { noteStorageFault, storageFaults } from './storage-faults';

const diskFull = () =>
	Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

afterEach(() => {
	recordStorageWrite();
	vi.restoreAllMocks();
});

/** Runs the handle around `route`, which plays the rest of the chain and the page. */
function answer(route: (event: RequestEvent) => Response) {
	const event = { locals: { user: null, session: null } } as unknown as RequestEvent;
	return storageFaults({ event, resolve: async (event) => route(event) });
}

describe('storageFaults', () => {
	it('answers a request that met a storage fault with 503 and Retry-After, and records it', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		// An error page rendered by SvelteKit for an error handleError recognised.
		const response = await answer((event) => {
			noteStorageFault(event, diskFull());
			return new Response('<h1>…</h1>', { status: 500, headers: { 'x-kept': 'yes' } });
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('5');
		expect(response.headers.get('x-kept')).toBe('yes');
		expect(await response.text()).toBe('<h1>…</h1>');
		expect(console.error).toHaveBeenCalledWith(
			expect.stringMatching(/^Storage is failing \(full\)/)
		);
	});

	it('answers a fault met before any page with the words alone', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const response = await answer(() => {
			throw diskFull();
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('content-type')).toContain('text/plain');
		expect(await response.text()).toMatch(/^Chưa lưu được: máy chủ tạm thời không ghi được/);
	});

	it('leaves every other answer and error alone', async () => {
		const ok = new Response('fine');
		expect(await answer(() => ok)).toBe(ok);
		await expect(answer(() => Promise.reject(new Error('bug')) as never)).rejects.toThrow('bug');
	});
});
