import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	draftKey,
	readCardCookie,
	setReceiptCookie,
	voterCookieHolds
} from '$lib/server/ballots/voter-cookie';
import { readBallotForm } from '$lib/server/ballots/ballot-form';
import { castBallotSoon } from '$lib/server/ballots/batch';
import {
	acknowledgedSubmission,
	lookupCard,
	type CardKey,
	type OpenBallot
} from '$lib/server/ballots/cast';
import { db } from '$lib/server/db';
import { generateSecret } from '$lib/server/db/ids';
import { refuseCard } from '$lib/server/ballots/refusals';
import { noteStorageFault } from '$lib/server/http/storage-faults';
import type { Actions, PageServerLoad } from './$types';

/** The card in the voter's cookie; after voting, the confirmation; else the way back to /v. */
function cardKey(event: Pick<RequestEvent, 'cookies'>) {
	const key = readCardCookie(event.cookies);
	if (key) return key;
	const holds = voterCookieHolds(event.cookies);
	if (holds === 'receipt') redirect(303, '/v/done');
	if (holds === 'unreadable') refuseCard('invalid');
	redirect(303, '/v');
}

/**
 * The voter's open ballot, or the page that says why there is none; `posted` when the voter
 * sent a ballot with the request, so that a refusal says it was not recorded.
 */
function openBallot(key: CardKey, posted = false) {
	const card = lookupCard(db(), key);
	if (!card.ok) refuseCard(card.refusal, posted);
	return card;
}

function readPosted(formData: FormData, card: OpenBallot) {
	return readBallotForm(
		formData,
		card.spec,
		card.subjects.map((person) => person.id)
	);
}

async function postedBallot(event: RequestEvent) {
	return readPosted(await event.request.formData(), openBallot(cardKey(event), true));
}

function acknowledge(event: RequestEvent, cast: { receipt: string; listKey: string }): never {
	const secure = event.url.protocol === 'https:';
	setReceiptCookie(event.cookies, { code: cast.receipt, listKey: cast.listKey }, secure);
	redirect(303, '/v/done');
}

const badBallot = () =>
	fail(400, { step: 'ballot' as const, rows: null, message: m.ballot_bad_post() });

export const load: PageServerLoad = (event) => {
	const key = cardKey(event);
	const card = openBallot(key);
	return {
		session: card.session,
		spec: card.spec,
		subjects: card.subjects,
		draft: draftKey(key)
	};
};

export const actions: Actions = {
	review: async (event) => {
		const reading = await postedBallot(event);
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
		const reading = await postedBallot(event);
		if (!reading.ok) return badBallot();
		return { step: 'ballot' as const, rows: reading.rows };
	},

	cast: async (event) => {
		const key = cardKey(event);
		const formData = await event.request.formData();
		const card = lookupCard(db(), key);
		if (!card.ok) {
			// A resend after a lost response: the card was used by this very submission (voting may
			// have closed since).
			const nonce = formData.get('submission');
			const repeated = typeof nonce === 'string' && acknowledgedSubmission(db(), key, nonce);
			if (repeated) acknowledge(event, repeated);
			refuseCard(card.refusal, true);
		}

		const reading = readPosted(formData, card);
		if (!reading.ok || !reading.complete || !reading.submission) return badBallot();
		const cast = await castBallotSoon(db(), key, reading.answers, reading.submission).catch(
			(error: unknown) => {
				if (!noteStorageFault(event, error)) throw error;
				return null;
			}
		);
		if (!cast) {
			// Not stored and the card still unused: the same review, to send the same submission again.
			const { rows, submission } = reading;
			return fail(503, { step: 'review' as const, rows, submission, message: m.send_not_stored() });
		}
		if (!cast.ok) {
			if (cast.refusal === 'unfit') return badBallot();
			refuseCard(cast.refusal, true);
		}
		acknowledge(event, cast);
	}
};
