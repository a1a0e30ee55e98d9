import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { capBreachText } from '$lib/wording';
import { countingSession, organiserSession } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import type { AppraisalReport, ConfidenceCount } from '$lib/server/results/count';
import { visibility, visibleReport } from '$lib/server/results/gate';
import {
	confirmCollectiveGrades,
	recordGrades,
	type CapRefusal,
	type GradeChange
} from '$lib/server/results/grades';
import { displaySession } from '$lib/server/sessions/display';
import type { SessionView } from '$lib/server/sessions/lifecycle';
import { confirmAction, publicationState, publishAction } from '../publication';
import { gradesSchema } from './schema';
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
	reason_required: [400, 'finalReason', m.final_reason_required],
	conditions_pending: [409, 'finalGrade', m.conditions_pending_confirm]
};

function appraisalView(report: AppraisalReport) {
	return {
		kind: 'appraisal' as const,
		mode: report.rules.mode,
		period: report.rules.period,
		preset: report.rules.preset,
		criteria: report.criteria,
		totals: report.totals,
		cap: report.cap,
		rows: report.rows.map((row) => ({
			id: row.subject.id,
			personId: row.subject.personId,
			fullName: row.subject.fullName,
			jobTitle: row.subject.jobTitle,
			selfGrade: row.subject.selfGrade,
			proposedGrade: row.subject.proposedGrade,
			finalGrade: row.subject.finalGrade,
			finalReason: row.subject.finalReason,
			votes: row.votes,
			score: row.score,
			collective: row.collective,
			capped: row.capped,
			move: row.move
		}))
	};
}

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
	const common = {
		role,
		session: displaySession(session),
		publication: { ...publicationState(session, user), publishedAt: session.publishedAt }
	};
	if (report.kind === 'appraisal') return { ...common, report: appraisalView(report) };
	return {
		...common,
		report: {
			kind: 'confidence' as const,
			...confidenceView(report),
			corrected: report.corrected ? confidenceView(report.corrected) : null
		}
	};
};

export const actions: Actions = {
	grades: async (event) => {
		const { session } = organiserSession(event);
		appraisalResults(session);
		const form = parseForm(gradesSchema, await event.request.formData());
		if (!form.ok) return fail(400, { subjectId: form.values.subjectId, errors: form.errors });
		const { subjectId, ...grades } = form.data;
		const change = recordGrades(db(), session, subjectId, grades);
		if (typeof change === 'object') {
			return fail(409, {
				subjectId,
				errors: errorOn(
					'finalGrade',
					`${capBreachText(change.breaches)} ${m.cap_breached_not_confirmed()}`
				)
			});
		}
		if (change !== 'ok') {
			const [status, field, message] = refusedGrade[change];
			return fail(status, { subjectId, errors: errorOn(field, message()) });
		}
		return { subjectId, saved: true };
	},

	confirmAll: (event) => {
		const { session } = organiserSession(event);
		appraisalResults(session);
		const outcome = confirmCollectiveGrades(db(), session);
		if ('refusal' in outcome)
			return fail(409, {
				confirmAllRefused: `${capBreachText(outcome.breaches)} ${m.cap_breached_not_confirmed()}`
			});
		return { confirmedAll: outcome.confirmed };
	},

	confirm: confirmAction,

	publish: publishAction
};
