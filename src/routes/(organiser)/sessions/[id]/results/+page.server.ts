import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { capBreachText } from '$lib/wording';
import { countingSession, organiserSession } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import type { ConfidenceCount } from '$lib/server/results/count';
import { visibility, visibleReport } from '$lib/server/results/gate';
import {
	confirmCollectiveGrades,
	recordCapRate,
	recordGrades,
	type CapRateChange,
	type CapRefusal,
	type GradeChange
} from '$lib/server/results/grades';
import { amendedGrades, listAmendments } from '$lib/server/results/amendments';
import { displaySession } from '$lib/server/sessions/display';
import type { SessionView } from '$lib/server/sessions/lifecycle';
import { conditionsAction } from '../conditions/record';
import { confirmAction, publicationState, publishAction } from '../publication';
import { amendAction } from './amend';
import { appraisalView } from './appraisal-view';
import { capShare } from '$lib/cap-wording';
import { capRateSchema, gradesSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

/** The counters see the figures once voting is closed (results/gate.ts). */
function countersReport(session: SessionView) {
	return visibleReport(db(), session, 'counters') ?? error(409, m.results_not_closed());
}

/** The organiser's grades are recorded on the results page of a closed appraisal only. */
function appraisalResults(session: SessionView) {
	if (!visibility('counters', session).results) error(409, m.results_not_closed());
	if (session.rules.kind !== 'appraisal') error(404, m.error_not_found());
}

const refusedGrade: Record<
	Exclude<GradeChange, 'ok' | CapRefusal>,
	[number, 'finalGrade' | 'finalReason', () => string]
> = {
	not_found: [404, 'finalGrade', m.subject_not_found],
	not_closed: [409, 'finalGrade', m.results_not_closed],
	published: [409, 'finalGrade', m.results_final],
	reason_required: [400, 'finalReason', m.final_reason_required],
	conditions_pending: [409, 'finalGrade', m.conditions_pending_confirm]
};

/** A count under one preset: the preset, the totals on its base, each person with their figures. */
function confidenceView(count: ConfidenceCount) {
	return {
		preset: count.preset,
		totals: count.totals,
		people: count.people.map(({ subject, figures }) => ({
			id: subject.id,
			fullName: subject.fullName,
			jobTitle: subject.jobTitle,
			figures
		}))
	};
}

export const load: PageServerLoad = (event) => {
	const { user, session, role } = countingSession(event);
	const report = countersReport(session);
	const amendments = listAmendments(db(), session.id);
	const common = {
		role,
		session: displaySession(session),
		publication: { ...publicationState(session, user), publishedAt: session.publishedAt },
		amendments
	};
	if (report.kind === 'appraisal') {
		return { ...common, report: appraisalView(report, amendedGrades(amendments)) };
	}
	return {
		...common,
		report: {
			kind: 'confidence' as const,
			...confidenceView(report),
			corrected: report.corrected ? confidenceView(report.corrected) : null
		}
	};
};

/** Why a rate was not recorded, on the field it concerns. */
function capRateRefusal(change: Exclude<CapRateChange, 'ok'>, session: SessionView) {
	const ratio = session.rules.kind === 'appraisal' ? session.rules.preset.cap?.ratio : null;
	const refusal: Record<typeof change, [number, string, () => string]> = {
		// Out of 1–100 is caught by the form; what is left is a rate not above the preset's.
		not_higher: [
			400,
			'percent',
			() => m.cap_rate_not_higher({ percent: ratio ? capShare(ratio) : '' })
		],
		document_required: [400, 'document', m.cap_rate_document_required],
		published: [409, 'capRate', m.cap_rate_published],
		finals_confirmed: [409, 'capRate', m.cap_rate_finals_confirmed],
		not_found: [404, 'capRate', m.error_not_found]
	};
	const [status, field, message] = refusal[change];
	return { status, errors: errorOn(field, message()) };
}

/** Why confirming was refused: each group's numbers, then what the organiser can do. */
const capRefusalMessage = (refusal: CapRefusal) =>
	`${capBreachText(refusal.breaches)} ${m.cap_breached_not_confirmed()}`;

export const actions: Actions = {
	grades: async (event) => {
		const { user, session } = organiserSession(event);
		appraisalResults(session);
		const form = parseForm(gradesSchema, await event.request.formData());
		const answer = { action: 'grades' as const, subjectId: form.values.subjectId ?? '' };
		if (!form.ok) return fail(400, { ...answer, errors: form.errors });
		const { subjectId, ...grades } = form.data;
		const change = recordGrades(db(), session, subjectId, grades, user.id);
		if (typeof change === 'object') {
			return fail(409, { ...answer, errors: errorOn('finalGrade', capRefusalMessage(change)) });
		}
		if (change !== 'ok') {
			const [status, field, message] = refusedGrade[change];
			return fail(status, { ...answer, errors: errorOn(field, message()) });
		}
		return { ...answer, saved: true };
	},

	confirmAll: (event) => {
		const { user, session } = organiserSession(event);
		appraisalResults(session);
		const outcome = confirmCollectiveGrades(db(), session, user.id);
		const answer = { action: 'confirmAll' as const };
		if ('refusal' in outcome) {
			const refused = outcome.refusal === 'cap' ? capRefusalMessage(outcome) : m.results_final();
			return fail(409, { ...answer, confirmAllRefused: refused });
		}
		return { ...answer, confirmedAll: outcome.confirmed };
	},

	conditions: conditionsAction,

	capRate: async (event) => {
		const { user, session } = organiserSession(event);
		appraisalResults(session);
		const form = parseForm(capRateSchema, await event.request.formData());
		const answer = { action: 'capRate' as const, values: form.values };
		if (!form.ok) return fail(400, { ...answer, errors: form.errors });
		const change = recordCapRate(db(), session, user.id, form.data);
		if (change === 'ok') return { ...answer, saved: true };
		const { status, errors } = capRateRefusal(change, session);
		return fail(status, { ...answer, errors });
	},

	clearCapRate: (event) => {
		const { user, session } = organiserSession(event);
		appraisalResults(session);
		const change = recordCapRate(db(), session, user.id, null);
		const answer = { action: 'capRate' as const, values: {} };
		if (change === 'ok') return { ...answer, cleared: true };
		const { status, errors } = capRateRefusal(change, session);
		return fail(status, { ...answer, errors });
	},

	confirm: confirmAction,

	publish: publishAction,

	amend: amendAction
};
