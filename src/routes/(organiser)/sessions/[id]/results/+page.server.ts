import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { countingSession, organiserSession } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { sessionReport, type AppraisalReport } from '$lib/server/results/count';
import { recordOrganiserGrades } from '$lib/server/sessions/subjects';
import { meetingDetails, type SessionView } from '$lib/server/sessions/lifecycle';
import { gradesSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

/** No per-person figure exists for anyone before voting closes. */
function closedReport(session: SessionView) {
	if (session.state !== 'closed') error(409, m.results_not_closed());
	return sessionReport(db(), session);
}

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

export const load: PageServerLoad = (event) => {
	const { session, role } = countingSession(event);
	const report = closedReport(session);
	const meeting = meetingDetails(session);
	const exports = { published: session.publishedAt !== null };
	if (report.kind === 'appraisal') {
		return { role, exports, session: meeting, report: appraisalView(report) };
	}
	return {
		role,
		exports,
		session: meeting,
		report: {
			kind: 'confidence' as const,
			preset: report.preset,
			subjects: report.subjects.map(({ id, fullName, jobTitle }) => ({ id, fullName, jobTitle })),
			result: report.result
		}
	};
};

export const actions: Actions = {
	grades: async (event) => {
		const { session } = organiserSession(event);
		const report = closedReport(session);
		if (report.kind !== 'appraisal') error(404, m.error_not_found());
		const form = parseForm(gradesSchema, await event.request.formData());
		if (!form.ok) return fail(400, { subjectId: form.values.subjectId, errors: form.errors });
		const { subjectId, finalReason, ...grades } = form.data;
		const row = report.rows.find((candidate) => candidate.subject.id === subjectId);
		if (!row) return fail(404, { subjectId, errors: errorOn('finalGrade', m.subject_not_found()) });
		// Departing from the collective result (the vote with the cap applied) needs a recorded reason.
		if (grades.finalGrade && grades.finalGrade !== row.capped && finalReason.length < 5) {
			return fail(400, { subjectId, errors: errorOn('finalReason', m.final_reason_required()) });
		}
		recordOrganiserGrades(db(), session.id, subjectId, {
			...grades,
			finalReason: grades.finalGrade && grades.finalGrade !== row.capped ? finalReason : null
		});
		return { subjectId, saved: true };
	},

	confirmAll: (event) => {
		const { session } = organiserSession(event);
		const report = closedReport(session);
		if (report.kind !== 'appraisal') error(404, m.error_not_found());
		const tied = new Set(report.cap.tie?.ids ?? []);
		let confirmed = 0;
		for (const row of report.rows) {
			if (row.subject.finalGrade || !row.capped || tied.has(row.subject.id)) continue;
			recordOrganiserGrades(db(), session.id, row.subject.id, {
				selfGrade: row.subject.selfGrade,
				proposedGrade: row.subject.proposedGrade,
				finalGrade: row.capped,
				finalReason: null
			});
			confirmed += 1;
		}
		return { confirmedAll: confirmed };
	}
};
