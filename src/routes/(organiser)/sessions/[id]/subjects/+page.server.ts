import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { findDuplicates } from '$lib/subjects/duplicates';
import { parseSubjectList, type PasteProblem } from '$lib/subjects/paste';
import { organiserSession } from '$lib/server/sessions/access';
import { db } from '$lib/server/db';
import { displaySession } from '$lib/server/sessions/display';
import { errorOn, parseForm } from '$lib/server/http/forms';
import {
	addSubjects,
	listSubjects,
	MAX_SUBJECTS,
	moveSubject,
	removeSubject,
	showSelfAssessmentOnBallot,
	updateSubject,
	type SubjectChange
} from '$lib/server/sessions/subjects';
import {
	addAppraisalSubjectSchema,
	addSubjectSchema,
	ballotOptionSchema,
	editAppraisalSubjectSchema,
	editSubjectSchema,
	moveSubjectSchema,
	pasteSchema,
	removeSubjectSchema
} from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	const { rules } = session;
	const subjects = listSubjects(db(), session.id);
	return {
		session: displaySession(session),
		kind: rules.kind,
		/** Appraisals: where the cap counts (for the group's hint) and what the ballot shows. */
		appraisal:
			rules.kind === 'appraisal'
				? {
						capScope: rules.preset.cap?.scope ?? null,
						selfAssessmentOnBallot: session.selfAssessmentOnBallot,
						/** The groups already used, offered as the organiser types one. */
						groups: [...new Set(subjects.map((person) => person.dutyGroup).filter(Boolean))]
					}
				: null,
		subjects: subjects.map(({ id, fullName, jobTitle, dutyGroup, selfScore, selfGrade }) => ({
			id,
			fullName,
			jobTitle,
			dutyGroup,
			selfScore,
			selfGrade
		}))
	};
};

const problemText: Record<PasteProblem, (cell: string) => string> = {
	missing_name: () => m.paste_missing_name(),
	name_too_long: () => m.paste_name_too_long(),
	job_title_too_long: () => m.paste_job_title_too_long(),
	duty_group_too_long: () => m.paste_duty_group_too_long(),
	self_score_invalid: (score) => m.paste_self_score_invalid({ score }),
	self_grade_invalid: (grade) => m.paste_self_grade_invalid({ grade })
};

/** A refused change, worded; `null` when it went through. */
function refusal(change: SubjectChange, person?: { fullName: string }): string | null {
	const name = person?.fullName ?? '';
	switch (change) {
		case 'ok':
			return null;
		case 'not_draft':
			return m.session_not_draft();
		case 'not_found':
			return m.subject_not_found();
		case 'too_many':
			return m.subjects_too_many({ max: MAX_SUBJECTS });
		case 'duplicate':
			return person ? m.subject_duplicate({ name }) : m.paste_fix_lines();
		case 'same_name':
			return person ? m.subject_same_name({ name }) : m.paste_same_name_unconfirmed();
	}
}

async function rowAction(
	event: RequestEvent,
	change: (sessionId: string, data: FormData) => SubjectChange | 'invalid'
) {
	const { session } = organiserSession(event);
	const result = change(session.id, await event.request.formData());
	if (result === 'invalid') return fail(400, { action: 'row', message: m.validation_invalid() });
	const message = refusal(result);
	return message
		? fail(result === 'not_found' ? 404 : 409, { action: 'row', message })
		: { action: 'row' };
}

/**
 * A pasted list read against the session's list: what would be added, every line refused (a
 * line it cannot read, or the same name and title twice) and the namesakes to confirm.
 */
function readPaste(sessionId: string, list: string, appraisal: boolean) {
	const parsed = parseSubjectList(list, { appraisal });
	const duplicates = findDuplicates(parsed.subjects, listSubjects(db(), sessionId));
	const lines = list.replace(/\r\n?/g, '\n').split('\n');
	const repeated = new Set(duplicates.exact.map((person) => person.line));
	const problems = [
		...parsed.problems.map(({ line, problem, text, cell }) => ({
			line,
			text,
			message: problemText[problem](cell ?? '')
		})),
		...duplicates.exact.map(({ line, earlier }) => ({
			line,
			text: lines[line - 1]?.trim() ?? '',
			message:
				earlier === null
					? m.paste_duplicate_in_list()
					: m.paste_duplicate_of_line({ line: earlier })
		}))
	].sort((a, b) => a.line - b.line);
	return {
		action: 'paste' as const,
		list,
		preview: parsed.subjects.filter((person) => !repeated.has(person.line)),
		problems,
		sameName: duplicates.sameName,
		columns: parsed.columns
	};
}

export const actions: Actions = {
	add: async (event) => {
		const { session } = organiserSession(event);
		const schema =
			session.rules.kind === 'appraisal' ? addAppraisalSubjectSchema : addSubjectSchema;
		const form = parseForm(schema, await event.request.formData());
		if (!form.ok) {
			return fail(400, {
				action: 'add',
				errors: form.errors,
				values: form.values,
				askSameName: false
			});
		}
		const { sameName, ...person } = form.data;
		const change = addSubjects(db(), session.id, [person], {
			sameNameConfirmed: sameName === 'yes'
		});
		const message = refusal(change, person);
		if (message)
			return fail(409, {
				action: 'add',
				errors: errorOn('fullName', message),
				values: form.values,
				askSameName: change === 'same_name'
			});
		return { action: 'add', added: person.fullName };
	},

	edit: async (event) => {
		const { session } = organiserSession(event);
		const schema =
			session.rules.kind === 'appraisal' ? editAppraisalSubjectSchema : editSubjectSchema;
		const form = parseForm(schema, await event.request.formData());
		if (!form.ok) {
			const { values, errors } = form;
			return fail(400, { action: 'edit', subjectId: values.subjectId, errors, values });
		}
		const { subjectId, ...person } = form.data;
		const change = updateSubject(db(), session.id, subjectId, person);
		if (change === 'duplicate') {
			const errors = errorOn('fullName', refusal(change, person) ?? '');
			return fail(409, { action: 'edit', subjectId, errors, values: form.values });
		}
		const message = refusal(change);
		if (message) return fail(409, { action: 'row', message });
		return { action: 'row' };
	},

	move: (event) =>
		rowAction(event, (sessionId, data) => {
			const form = parseForm(moveSubjectSchema, data);
			return form.ok
				? moveSubject(db(), sessionId, form.data.subjectId, form.data.direction)
				: 'invalid';
		}),

	/**
	 * Asked without `confirm`, answers with the question (the page shows it on the person's row,
	 * with or without JavaScript); with it, removes the person and says who.
	 */
	remove: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(removeSubjectSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'row', message: m.validation_invalid() });
		const { subjectId, confirm } = form.data;
		if (confirm !== 'yes') return { action: 'confirmRemove', subjectId };
		const removed = removeSubject(db(), session.id, subjectId);
		if (typeof removed === 'object') return { action: 'row', removed: removed.removed };
		return fail(removed === 'not_found' ? 404 : 409, {
			action: 'row',
			message: refusal(removed) ?? ''
		});
	},

	/** First pass of a pasted list: shows what would be added and every line it cannot take. */
	preview: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(pasteSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'paste', list: '', errors: form.errors });
		const read = readPaste(session.id, form.data.list, session.rules.kind === 'appraisal');
		if (read.preview.length === 0 && read.problems.length === 0) {
			return fail(400, { ...read, errors: errorOn('list', m.paste_empty()) });
		}
		return read;
	},

	/** Second pass: saves the list only when every line was read and namesakes confirmed. */
	import: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(pasteSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'paste', list: '', errors: form.errors });
		const read = readPaste(session.id, form.data.list, session.rules.kind === 'appraisal');
		const confirmed = form.data.sameName === 'yes';
		const problem =
			read.problems.length > 0
				? m.paste_fix_lines()
				: read.preview.length === 0
					? m.paste_empty()
					: read.sameName.length > 0 && !confirmed
						? m.paste_same_name_unconfirmed()
						: null;
		if (problem) return fail(400, { ...read, errors: errorOn('list', problem) });
		const change = addSubjects(db(), session.id, read.preview, { sameNameConfirmed: confirmed });
		const message = refusal(change);
		if (message) return fail(409, { ...read, errors: errorOn('list', message) });
		return { action: 'paste', imported: read.preview.length };
	},

	/** An appraisal's choice to print each person's self-assessment on the ballot. */
	ballot: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(ballotOptionSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'ballot', message: m.validation_invalid() });
		const shown = form.data.selfAssessmentOnBallot === 'yes';
		const change = showSelfAssessmentOnBallot(db(), session.id, shown);
		if (change === 'ok') return { action: 'ballot', shown };
		const message = change === 'not_draft' ? m.session_not_draft() : m.validation_invalid();
		return fail(change === 'not_draft' ? 409 : 404, { action: 'ballot', message });
	}
};
