import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { formatDateEntry } from '$lib/date-entry';
import { isoDateIn } from '$lib/format';
import { locales } from '$lib/paraglide/runtime.js';
import { nextPeriod } from '$lib/periods';
import { quorumStatus } from '$lib/tally/confidence';
import { periodText } from '$lib/wording';
import { countingSession, organiserSession } from '$lib/server/sessions/access';
import { spareCards } from '$lib/server/cards/ballot-cards';
import { plainHttpPhoneAddress } from '$lib/server/cards/phone-address';
import { db } from '$lib/server/db';
import { storageTrouble } from '$lib/server/db/storage-health';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { displaySession } from '$lib/server/sessions/display';
import { notDraftFailure } from '$lib/server/sessions/draft';
import { listSubjects } from '$lib/server/sessions/subjects';
import { recordedCapRate } from '$lib/server/results/count';
import {
	cloneForNextPeriod,
	closeVoteSession,
	deleteDraftSession,
	openVoteSession,
	recordAttendance,
	turnout
} from '$lib/server/sessions/lifecycle';
import { confirmAction, publicationState, publishAction } from './publication';
import { attendanceSchema, cloneSchema, confirmSchema, openSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	event.depends('app:turnout');
	const { user, session, role } = countingSession(event);
	return {
		role,
		session: {
			...displaySession(session),
			convened: session.convened,
			present: session.present,
			presetName: session.rules.preset.name,
			projectorKey: session.projectorKey
		},
		publication: publicationState(session, user),
		appraisal:
			session.rules.kind === 'appraisal'
				? {
						period: session.rules.period,
						/** `null` for a term: there is no next period to clone into. */
						next: nextPeriod(session.rules.period),
						mode: session.rules.mode,
						preset: session.rules.preset,
						capRate: recordedCapRate(session),
						criteriaCount: session.rules.criteria?.length ?? 0,
						// The clone form's suggestion for the next meeting: today, where it is held.
						cloneDate: formatDateEntry(isoDateIn(new Date()))
					}
				: null,
		subjectCount: listSubjects(db(), session.id).length,
		turnout: turnout(db(), session),
		spareCards: spareCards(db(), session),
		quorum: quorumStatus(session.rules.preset, session.convened, session.present),
		storage: storageTrouble(db()),
		plainHttpAddress: plainHttpPhoneAddress(event.url.origin)
	};
};

export const actions: Actions = {
	attendance: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(attendanceSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'attendance', errors: form.errors });
		const change = recordAttendance(db(), session.id, form.data.present);
		if (change === 'present_exceeds_convened') {
			return fail(400, {
				action: 'attendance',
				errors: errorOn('present', m.attendance_exceeds_convened({ convened: session.convened }))
			});
		}
		if (change === 'not_draft') return notDraftFailure('present', { action: 'attendance' });
		return { action: 'attendance', saved: true };
	},

	open: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(openSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { action: 'open', errors: form.errors, quorumFailure: null });
		const opened = openVoteSession(db(), session.id, form.data.overrideReason || null, user.id);
		if (opened.ok) return { action: 'open', saved: true };
		if (opened.reason === 'quorum_binding') {
			// No reason can open it: the rules allow the meeting only with two thirds present.
			const message = m.open_quorum_binding({
				present: opened.present,
				convened: opened.convened,
				needed: opened.needed,
				missing: opened.needed - opened.present
			});
			return fail(400, { action: 'open', errors: errorOn('open', message), quorumFailure: null });
		}
		if (opened.reason === 'quorum') {
			const message = m.open_quorum_not_met({
				present: opened.present,
				convened: opened.convened,
				needed: opened.needed
			});
			return fail(400, {
				action: 'open',
				errors: errorOn('overrideReason', message),
				quorumFailure: message
			});
		}
		const message = {
			not_draft: m.session_not_draft,
			no_subjects: m.open_no_subjects,
			no_attendance: m.open_no_attendance
		}[opened.reason]();
		return fail(400, { action: 'open', errors: errorOn('open', message), quorumFailure: null });
	},

	close: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(confirmSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { action: 'close', errors: form.errors });
		if (!closeVoteSession(db(), session.id, user.id)) {
			return fail(409, { action: 'close', errors: errorOn('confirm', m.close_not_open()) });
		}
		redirect(303, `/sessions/${session.id}/results`);
	},

	clone: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(cloneSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { action: 'clone', errors: form.errors, values: form.values });
		const clone = cloneForNextPeriod(db(), session, user.id, form.data.meetingDate, (period) =>
			locales.map((locale) => periodText(period, locale))
		);
		if (clone.ok) redirect(303, `/sessions/${clone.id}`);
		if (clone.reason === 'exists') {
			return fail(409, { action: 'clone', existing: clone.existing, values: form.values });
		}
		const message =
			clone.reason === 'no_next_period' ? m.clone_term_refused() : m.validation_invalid();
		return fail(400, { action: 'clone', errors: errorOn('clone', message) });
	},

	confirm: confirmAction,

	publish: publishAction,

	delete: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(confirmSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { action: 'delete', errors: form.errors });
		if (!deleteDraftSession(db(), session.id)) {
			return notDraftFailure('confirm', { action: 'delete' });
		}
		redirect(303, '/sessions');
	}
};
