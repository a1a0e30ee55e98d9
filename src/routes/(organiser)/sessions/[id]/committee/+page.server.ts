import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/sessions/access';
import {
	addCommitteeMember,
	createCommitteeAccount,
	listCommittee,
	MAX_COMMITTEE,
	removeCommitteeMember,
	renewCommitteeLink,
	type SetupLinkResult
} from '$lib/server/sessions/committee';
import { qrDataUrl } from '$lib/server/cards/qr';
import { db } from '$lib/server/db';
import { displaySession } from '$lib/server/sessions/display';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { publicOrigin } from '$lib/server/http/origin';
import { setConfirmationsRequired } from '$lib/server/results/publication';
import { accountSchema, memberIdSchema, memberSchema, requiredSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	// The answer that shows a member's one-time link must not come back from a cache or history.
	event.setHeaders({ 'cache-control': 'no-store' });
	return {
		session: { ...displaySession(session), confirmationsRequired: session.confirmationsRequired },
		members: listCommittee(db(), session.id)
	};
};

/**
 * The answer that shows a member's one-time link, once: in this response only, never stored,
 * with its QR code for the member's phone (at the address phones reach, as for ballot cards).
 */
async function linkAnswer(
	event: Pick<RequestEvent, 'url'>,
	action: 'account' | 'link',
	memberId: string,
	made: Extract<SetupLinkResult, { ok: true }>
) {
	const link = `${publicOrigin(event.url.origin)}/welcome/${made.token}`;
	return { action, memberId, link, qr: await qrDataUrl(link), expiresAt: made.expiresAt };
}

/** Why no link was made, on the field the member's form shows. */
function linkRefusal(
	action: 'account' | 'link',
	memberId: string,
	reason: Extract<SetupLinkResult, { ok: false }>['reason']
) {
	const refusals: Record<typeof reason, [number, () => string]> = {
		not_found: [404, m.committee_member_not_found],
		has_account: [409, m.committee_has_account_already],
		no_pending_link: [409, m.committee_link_refused],
		taken: [409, m.users_taken],
		published: [409, m.already_published]
	};
	const [status, message] = refusals[reason];
	const field = action === 'account' ? 'username' : 'memberId';
	return fail(status, { action, memberId, errors: errorOn(field, message()) });
}

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
		const { user, session } = organiserSession(event);
		const form = parseForm(accountSchema, await event.request.formData());
		if (!form.ok) {
			return fail(400, { action: 'account', memberId: form.values.memberId, errors: form.errors });
		}
		const { memberId, username } = form.data;
		const made = await createCommitteeAccount(db(), session.id, memberId, username, user.id);
		if (!made.ok) return linkRefusal('account', memberId, made.reason);
		return linkAnswer(event, 'account', memberId, made);
	},

	/** A new link for a member who lost theirs or let it expire, before choosing a password. */
	link: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(memberIdSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'link', memberId: '', errors: form.errors });
		const { memberId } = form.data;
		const made = renewCommitteeLink(db(), session.id, memberId, user.id);
		if (!made.ok) return linkRefusal('link', memberId, made.reason);
		return linkAnswer(event, 'link', memberId, made);
	},

	required: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(requiredSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'required', errors: form.errors });
		const { required } = form.data;
		const change = setConfirmationsRequired(db(), session.id, required, user.id);
		if (change === 'ok') return { action: 'required', saved: true };
		const message =
			change === 'more_than_members'
				? m.committee_required_more_than_members({
						members: listCommittee(db(), session.id).length,
						required
					})
				: change === 'not_draft'
					? m.committee_required_fixed()
					: m.error_not_found();
		return fail(409, { action: 'required', errors: errorOn('required', message) });
	}
};
