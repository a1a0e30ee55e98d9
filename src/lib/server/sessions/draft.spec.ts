import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { notDraftFailure, redirectUnlessDraft } from './draft';

describe('the draft guard', () => {
	it('lets a draft through and sends the organiser back to a session that has opened', () => {
		expect(() => redirectUnlessDraft({ id: 'abc', state: 'draft' })).not.toThrow();
		let thrown: unknown;
		try {
			redirectUnlessDraft({ id: 'abc', state: 'open' });
		} catch (caught) {
			thrown = caught;
		}
		expect(isRedirect(thrown) && [thrown.status, thrown.location]).toEqual([303, '/sessions/abc']);
	});

	it('answers a refused change with 409 and the reason on the field being changed', () => {
		const failure = notDraftFailure('present', { action: 'attendance' });
		expect(failure.status).toBe(409);
		expect(failure.data).toEqual({
			action: 'attendance',
			errors: { present: [m.session_not_draft()] }
		});
	});
});
