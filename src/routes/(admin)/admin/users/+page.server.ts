import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	createAccount,
	findUserById,
	isLocked,
	listUsers,
	setDisabled,
	setPassword,
	unlockAccount
} from '$lib/server/auth/accounts';
import { requireRole } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { createUserSchema, resetPasswordSchema, userIdSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const admin = requireRole(event, 'admin');
	return {
		users: listUsers(db()).map((account) => ({
			id: account.id,
			username: account.username,
			displayName: account.displayName,
			role: account.role,
			disabled: account.disabled,
			locked: isLocked(account),
			isSelf: account.id === admin.id
		}))
	};
};

const rowFailure = (status: number, message: string) =>
	fail(status, { action: 'row', ok: false, message });

/** The target account of a row action, or the failure to answer with. */
function targetAccount(formData: FormData) {
	const form = parseForm(userIdSchema, formData);
	if (!form.ok) return { failure: rowFailure(400, m.validation_invalid()) };
	const account = findUserById(db(), form.data.userId);
	return account ? { account } : { failure: rowFailure(404, m.users_not_found()) };
}
const rowSuccess = (message: string) => ({ action: 'row', ok: true, message });

export const actions: Actions = {
	create: async (event) => {
		requireRole(event, 'admin');
		const form = parseForm(createUserSchema(), await event.request.formData());
		if (!form.ok) {
			return fail(400, { action: 'create', ok: false, errors: form.errors, values: form.values });
		}
		const created = await createAccount(db(), form.data);
		if (!created.ok) {
			return fail(409, {
				action: 'create',
				ok: false,
				errors: errorOn('username', m.users_taken()),
				values: form.values
			});
		}
		return {
			action: 'create',
			ok: true,
			message: m.users_added({ username: created.user.username })
		};
	},

	disable: async (event) => {
		const admin = requireRole(event, 'admin');
		const target = targetAccount(await event.request.formData());
		if (!target.account) return target.failure;
		const { account } = target;
		if (account.id === admin.id) {
			return rowFailure(400, m.users_cannot_disable_self());
		}
		setDisabled(db(), account.id, true);
		return rowSuccess(m.users_disabled_done({ username: account.username }));
	},

	enable: async (event) => {
		requireRole(event, 'admin');
		const target = targetAccount(await event.request.formData());
		if (!target.account) return target.failure;
		const { account } = target;
		setDisabled(db(), account.id, false);
		return rowSuccess(m.users_enabled_done({ username: account.username }));
	},

	unlock: async (event) => {
		requireRole(event, 'admin');
		const target = targetAccount(await event.request.formData());
		if (!target.account) return target.failure;
		const { account } = target;
		unlockAccount(db(), account.id);
		return rowSuccess(m.users_unlocked_done({ username: account.username }));
	},

	resetPassword: async (event) => {
		requireRole(event, 'admin');
		const formData = await event.request.formData();
		const target = targetAccount(formData);
		if (!target.account) return target.failure;
		const { account } = target;
		formData.set('username', account.username);
		const form = parseForm(resetPasswordSchema(), formData);
		if (!form.ok) {
			return fail(400, { action: 'reset', ok: false, userId: account.id, errors: form.errors });
		}
		await setPassword(db(), account.id, form.data.password);
		return rowSuccess(m.users_password_reset_done({ username: account.username }));
	}
};
