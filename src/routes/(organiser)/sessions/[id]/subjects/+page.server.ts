import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
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
	updateSubject,
	type SubjectChange
} from '$lib/server/sessions/subjects';
import {
	editSubjectSchema,
	moveSubjectSchema,
	pasteSchema,
	subjectIdSchema,
	subjectSchema
} from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	return {
		session: displaySession(session),
		subjects: listSubjects(db(), session.id).map(({ id, fullName, jobTitle }) => ({
			id,
			fullName,
			jobTitle
		}))
	};
};

const problemText: Record<PasteProblem, () => string> = {
	missing_name: m.paste_missing_name,
	name_too_long: m.paste_name_too_long,
	job_title_too_long: m.paste_job_title_too_long
};

/** A refused change, worded; `null` when it went through. */
function refusal(change: SubjectChange): string | null {
	switch (change) {
		case 'ok':
			return null;
		case 'not_draft':
			return m.session_not_draft();
		case 'not_found':
			return m.subject_not_found();
		case 'too_many':
			return m.subjects_too_many({ max: MAX_SUBJECTS });
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

export const actions: Actions = {
	add: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(subjectSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'add', errors: form.errors, values: form.values });
		const message = refusal(addSubjects(db(), session.id, [form.data]));
		if (message)
			return fail(409, {
				action: 'add',
				errors: errorOn('fullName', message),
				values: form.values
			});
		return { action: 'add', added: form.data.fullName };
	},

	edit: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(editSubjectSchema, await event.request.formData());
		if (!form.ok) {
			return fail(400, { action: 'edit', subjectId: form.values.subjectId, errors: form.errors });
		}
		const { subjectId, ...person } = form.data;
		const message = refusal(updateSubject(db(), session.id, subjectId, person));
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

	remove: (event) =>
		rowAction(event, (sessionId, data) => {
			const form = parseForm(subjectIdSchema, data);
			return form.ok ? removeSubject(db(), sessionId, form.data.subjectId) : 'invalid';
		}),

	/** First pass of a pasted list: shows what would be added and every line it cannot read. */
	preview: async (event) => {
		organiserSession(event);
		const form = parseForm(pasteSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'paste', list: '', errors: form.errors });
		const parsed = parseSubjectList(form.data.list);
		return {
			action: 'paste',
			list: form.data.list,
			preview: parsed.subjects,
			problems: parsed.problems.map((problem) => ({
				...problem,
				message: problemText[problem.problem]()
			}))
		};
	},

	/** Second pass: saves the list only when every line was read. */
	import: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(pasteSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'paste', list: '', errors: form.errors });
		const parsed = parseSubjectList(form.data.list);
		const problems = parsed.problems.map((problem) => ({
			...problem,
			message: problemText[problem.problem]()
		}));
		if (problems.length > 0 || parsed.subjects.length === 0) {
			return fail(400, {
				action: 'paste',
				list: form.data.list,
				preview: parsed.subjects,
				problems,
				errors: errorOn('list', problems.length > 0 ? m.paste_fix_lines() : m.paste_empty())
			});
		}
		const message = refusal(addSubjects(db(), session.id, parsed.subjects));
		if (message) {
			return fail(409, { action: 'paste', list: form.data.list, errors: errorOn('list', message) });
		}
		return { action: 'paste', imported: parsed.subjects.length };
	}
};
