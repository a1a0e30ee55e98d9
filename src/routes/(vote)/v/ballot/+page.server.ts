import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { deleteCardCookie, hasCardCookie, readCardCookie } from '$lib/server/ballot-cookie';
import { readChoices } from '$lib/server/ballot-form';
import { castConfidenceBallot, lookupCard, type CardKey } from '$lib/server/ballots';
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

type Rows = { subjectId: string; mark: string | null }[];

async function postedRows(event: RequestEvent) {
	const { key, card } = openBallot(event);
	const reading = readChoices(
		await event.request.formData(),
		new Set(card.subjects.map((person) => person.id))
	);
	const rows: Rows | null = reading.ok
		? card.subjects.map((person) => ({
				subjectId: person.id,
				mark: reading.choices.get(person.id) ?? null
			}))
		: null;
	return { key, reading, rows };
}

const badBallot = () =>
	fail(400, { step: 'ballot' as const, rows: null, message: m.ballot_bad_post() });

export const load: PageServerLoad = (event) => {
	const { card } = openBallot(event);
	return { session: card.session, subjects: card.subjects };
};

export const actions: Actions = {
	review: async (event) => {
		const { rows } = await postedRows(event);
		if (!rows) return badBallot();
		// The nonce lets a phone resend this exact ballot after a lost response without a second vote.
		return { step: 'review' as const, rows, submission: generateSecret(128) };
	},

	edit: async (event) => {
		const { rows } = await postedRows(event);
		if (!rows) return badBallot();
		return { step: 'ballot' as const, rows };
	},

	cast: async (event) => {
		const { key, reading } = await postedRows(event);
		if (!reading.ok || !reading.submission) return badBallot();
		const cast = castConfidenceBallot(
			db(),
			key satisfies CardKey,
			reading.choices,
			reading.submission
		);
		if (!cast.ok) {
			if (cast.refusal === 'unknown_subject') return badBallot();
			refuseCard(cast.refusal);
		}
		deleteCardCookie(event.cookies, event.url.protocol === 'https:');
		redirect(303, '/v/done');
	}
};
