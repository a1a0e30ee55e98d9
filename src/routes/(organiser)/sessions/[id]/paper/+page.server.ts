import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { paperBallotSpec, type Answers } from '$lib/ballot-rules';
import { m } from '$lib/paraglide/messages.js';
import { countingSession, organiserSession } from '$lib/server/sessions/access';
import { readBallotForm } from '$lib/server/ballots/ballot-form';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { setPaperIssued, storePaperBallot } from '$lib/server/ballots/paper';
import { displaySession } from '$lib/server/sessions/display';
import { listSubjects } from '$lib/server/sessions/subjects';
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

const issuedSchema = z.object({ paperIssued: z.coerce.number().int().min(0).max(100_000) });

export const actions: Actions = {
	issued: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(issuedSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'issued', errors: form.errors });
		const result = setPaperIssued(db(), session.id, form.data.paperIssued, user.id);
		if (result !== 'ok') {
			const message =
				result === 'below_entered'
					? m.paper_issued_below_entered({ entered: session.paperReturned })
					: m.already_published();
			return fail(409, { action: 'issued', errors: errorOn('paperIssued', message) });
		}
		return { action: 'issued', saved: true };
	},

	enter: async (event) => {
		const { session } = countingSession(event);
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
		const stored = storePaperBallot(db(), session.id, answers);
		if (!stored.ok) {
			const message = {
				not_counting: m.paper_not_counting,
				exceeds_issued: m.paper_exceeds_issued,
				unfit: m.ballot_bad_post
			}[stored.reason]();
			return fail(409, { action: 'enter', message, rows: reading.rows });
		}
		return { action: 'enter', entered: stored.entered, invalid: wholeBallotInvalid };
	}
};
