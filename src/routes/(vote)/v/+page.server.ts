import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { Throttle } from '$lib/server/auth/throttle';
import { setCardCookie } from '$lib/server/ballots/voter-cookie';
import { lookupCard } from '$lib/server/ballots/cast';
import { normaliseCardCode } from '$lib/server/cards/card-code';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import type { Actions } from './$types';

/** Typed codes are guessable only through this form; unknown codes slow an address down. */
const codeThrottle = new Throttle({
	freeFailures: 10,
	baseDelayMs: 1000,
	maxDelayMs: 5 * 60 * 1000
});

const codeSchema = z.object({ code: z.string().max(40) });

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(codeSchema, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const address = event.getClientAddress();
		const verdict = codeThrottle.check(address);
		if (!verdict.allowed) {
			const seconds = Math.ceil((verdict.retryAt - Date.now()) / 1000);
			return fail(429, { errors: errorOn('code', m.code_throttled({ seconds })) });
		}
		const code = normaliseCardCode(form.data.code);
		const found = code ? lookupCard(db(), { kind: 'code', value: code }) : null;
		// A card that exists but cannot vote now (used, not yet open, closed) is explained on
		// /v/ballot.
		if (!code || (found && !found.ok && found.refusal === 'invalid')) {
			codeThrottle.recordFailure(address);
			return fail(400, { errors: errorOn('code', m.code_unknown()) });
		}
		setCardCookie(event.cookies, { kind: 'code', value: code }, event.url.protocol === 'https:');
		redirect(303, '/v/ballot');
	}
};
