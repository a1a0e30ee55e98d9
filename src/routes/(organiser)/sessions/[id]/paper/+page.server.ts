import { fail } from '@sveltejs/kit';
import { paperBallotSpec, type Answers } from '$lib/ballot-rules';
import { m } from '$lib/paraglide/messages.js';
import { countingSession, organiserSession } from '$lib/server/sessions/access';
import { readBallotForm } from '$lib/server/ballots/ballot-form';
import { db } from '$lib/server/db';
import { errorOn, noErrors, parseForm } from '$lib/server/http/forms';
import {
	setPaperIssued,
	storePaperBallot,
	type PaperIssuedResult
} from '$lib/server/ballots/paper';
import type { SessionView } from '$lib/server/sessions/lifecycle';
import type { FieldValues } from '$lib/forms';
import { displaySession } from '$lib/server/sessions/display';
import { listSubjects } from '$lib/server/sessions/subjects';
import { paperIssuedSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session, role } = countingSession(event);
	return {
		role,
		session: {
			...displaySession(session),
			paperIssued: session.paperIssued,
			paperReturned: session.paperReturned
		},
		spec: paperBallotSpec(session.rules),
		subjects: listSubjects(db(), session.id).map(({ id, fullName, jobTitle }) => ({
			id,
			fullName,
			jobTitle
		}))
	};
};

/** Why the paper count was not saved, on its field, or as the question to confirm. */
function issuedRefusal(
	refused: Exclude<PaperIssuedResult, { ok: true }>,
	session: SessionView,
	values: FieldValues
) {
	const answer = { action: 'issued' as const, values, confirm: null as string | null };
	const refuse = (status: number, message: string) =>
		fail(status, { ...answer, errors: errorOn('paperIssued', message) });
	switch (refused.reason) {
		case 'published':
			return refuse(409, m.results_final());
		case 'below_entered':
			return refuse(400, m.paper_issued_below_entered({ entered: session.paperReturned }));
		case 'beyond_convened': {
			// Paper is a total, not an addition: what the QR cards leave of the people convened.
			const cards = refused.handedOut - session.paperIssued;
			return refuse(
				400,
				m.paper_issued_beyond_convened({
					max: refused.convened - cards,
					cards,
					convened: refused.convened
				})
			);
		}
		case 'beyond_present':
			return fail(400, {
				...answer,
				errors: noErrors(),
				confirm: m.issue_beyond_present({ after: refused.after, present: refused.present })
			});
	}
}

export const actions: Actions = {
	issued: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(paperIssuedSchema, await event.request.formData());
		if (!form.ok) {
			return fail(400, {
				action: 'issued',
				errors: form.errors,
				values: form.values,
				confirm: null
			});
		}
		const { paperIssued, beyondPresentReason } = form.data;
		const result = setPaperIssued(
			db(),
			session.id,
			paperIssued,
			user.id,
			beyondPresentReason || null
		);
		if (!result.ok) return issuedRefusal(result, session, form.values);
		return { action: 'issued', saved: true };
	},

	enter: async (event) => {
		const { user, session } = countingSession(event);
		const formData = await event.request.formData();
		// The committee's "invalid ballot" key: the whole ballot, whatever is marked on it. The
		// rows are read all the same, so that a malformed post is refused either way.
		const whole = formData.getAll('whole');
		formData.delete('whole');
		const reading = readBallotForm(
			formData,
			paperBallotSpec(session.rules),
			listSubjects(db(), session.id).map((person) => person.id)
		);
		if (!reading.ok || whole.length > 1 || (whole.length === 1 && whole[0] !== 'invalid')) {
			return fail(400, { action: 'enter', message: m.ballot_bad_post(), rows: null });
		}
		const wholeBallotInvalid = whole.length === 1;
		if (!reading.complete && !wholeBallotInvalid) {
			return fail(400, { action: 'enter', message: m.ballot_fix_scores(), rows: reading.rows });
		}
		const answers: Answers = wholeBallotInvalid ? { kind: 'invalid' } : reading.answers;
		const stored = storePaperBallot(db(), session.id, answers, user.id);
		if (!stored.ok) {
			const message = {
				not_counting: m.paper_not_counting,
				published: m.results_final,
				exceeds_issued: m.paper_exceeds_issued,
				unfit: m.ballot_bad_post
			}[stored.reason]();
			return fail(409, { action: 'enter', message, rows: reading.rows });
		}
		return { action: 'enter', entered: stored.entered, invalid: wholeBallotInvalid };
	}
};
