import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	deleteCardCookie,
	hasCardCookie,
	readCardCookie,
	setReceiptCookie
} from '$lib/server/ballot-cookie';
import { readBallotForm } from '$lib/server/ballot-form';
import { castBallot, lookupCard } from '$lib/server/ballots';
import { db } from '$lib/server/db';
import { generateSecret } from '$lib/server/ids';
import { refuseCard } from '$lib/server/voter-refusals';
import type { Actions, PageServerLoad } from './$types';

/** The voter's open ballot, or the page that says why there is none. */
function openBallot(event: Pick<RequestEvent, 'cookies'>) {
	const key = readCardCookie(event.cookies);
	if (!key) {
		if (hasCardCookie(event.cookies)) refuseCard('invalid');
		redirect(303, '/v');
	}
	const card = lookupCard(db(), key);
	if (!card.ok) refuseCard(card.refusal);
	return { key, card };
}

async function postedBallot(event: RequestEvent) {
	const { key, card } = openBallot(event);
	const reading = readBallotForm(
		await event.request.formData(),
		card.spec,
		card.subjects.map((person) => person.id)
	);
	return { key, reading };
}

const badBallot = () =>
	fail(400, { step: 'ballot' as const, rows: null, message: m.ballot_bad_post() });

export const load: PageServerLoad = (event) => {
	const { card } = openBallot(event);
	return { session: card.session, spec: card.spec, subjects: card.subjects };
};

export const actions: Actions = {
	review: async (event) => {
		const { reading } = await postedBallot(event);
		if (!reading.ok) return badBallot();
		if (!reading.complete) {
			return fail(400, {
				step: 'ballot' as const,
				rows: reading.rows,
				message: m.ballot_fix_scores()
			});
		}
		// The nonce lets a phone resend this exact ballot after a lost response without a second vote.
		return { step: 'review' as const, rows: reading.rows, submission: generateSecret(128) };
	},

	edit: async (event) => {
		const { reading } = await postedBallot(event);
		if (!reading.ok) return badBallot();
		return { step: 'ballot' as const, rows: reading.rows };
	},

	cast: async (event) => {
		const { key, reading } = await postedBallot(event);
		if (!reading.ok || !reading.complete || !reading.submission) return badBallot();
		const cast = castBallot(db(), key, reading.answers, reading.submission);
		if (!cast.ok) {
			if (cast.refusal === 'unfit') return badBallot();
			refuseCard(cast.refusal);
		}
		const secure = event.url.protocol === 'https:';
		deleteCardCookie(event.cookies, secure);
		setReceiptCookie(event.cookies, { code: cast.receipt, listKey: cast.listKey }, secure);
		redirect(303, '/v/done');
	}
};
