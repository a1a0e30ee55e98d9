import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/sessions/access';
import { createAccount } from '$lib/server/auth/accounts';
import {
	addCommitteeMember,
	findCommitteeMember,
	linkMemberAccount,
	listCommittee,
	MAX_COMMITTEE,
	removeCommitteeMember
} from '$lib/server/sessions/committee';
import { db } from '$lib/server/db';
import { displaySession } from '$lib/server/sessions/display';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { setConfirmationsRequired } from '$lib/server/results/publication';
import { accountSchema, memberIdSchema, memberSchema, requiredSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	return {
		session: { ...displaySession(session), confirmationsRequired: session.confirmationsRequired },
		members: listCommittee(db(), session.id)
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(memberSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'add', errors: form.errors, values: form.values });
		if (addCommitteeMember(db(), session.id, form.data) === 'too_many') {
			return fail(409, {
				action: 'add',
				errors: errorOn('fullName', m.committee_too_many({ max: MAX_COMMITTEE })),
				values: form.values
			});
		}
		return { action: 'add', saved: true };
	},

	remove: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(memberIdSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'remove', errors: form.errors });
		if (!removeCommitteeMember(db(), session.id, form.data.memberId)) {
			return fail(404, {
				action: 'remove',
				errors: errorOn('memberId', m.committee_member_not_found())
			});
		}
		return { action: 'remove', saved: true };
	},

	/** Gives a member a tally-committee account, limited to the sessions they are named on. */
	account: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(accountSchema(), await event.request.formData());
		if (!form.ok) {
			return fail(400, { action: 'account', memberId: form.values.memberId, errors: form.errors });
		}
		const member = findCommitteeMember(db(), session.id, form.data.memberId);
		if (!member) {
			return fail(404, {
				action: 'account',
				memberId: form.data.memberId,
				errors: errorOn('username', m.committee_member_not_found())
			});
		}
		const created = await createAccount(db(), {
			username: form.data.username,
			displayName: member.fullName,
			password: form.data.password,
			role: 'tally'
		});
		if (!created.ok) {
			return fail(409, {
				action: 'account',
				memberId: member.id,
				errors: errorOn('username', m.users_taken())
			});
		}
		linkMemberAccount(db(), session.id, member.id, created.user.id);
		return { action: 'account', saved: true, memberId: member.id };
	},

	required: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(requiredSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'required', errors: form.errors });
		if (!setConfirmationsRequired(db(), session.id, form.data.required)) {
			return fail(409, { action: 'required', errors: errorOn('required', m.already_published()) });
		}
		return { action: 'required', saved: true };
	}
};
