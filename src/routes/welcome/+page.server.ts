import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { completeSetup, pendingAccount } from '$lib/server/auth/account-setup';
import { startSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { noErrors, parseForm } from '$lib/server/http/forms';
import { clearSetupCookie, readSetupCookie } from './setup-cookie';
import { welcomeSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const account = pendingAccount(db(), readSetupCookie(cookies));
	return {
		account: account && {
			username: account.username,
			displayName: account.displayName,
			expiresAt: account.expiresAt
		}
	};
};

const spentLink = () => fail(410, { errors: noErrors(), message: m.welcome_invalid() });

export const actions: Actions = {
	/** The member chooses a password; the link is spent and they are signed in. */
	default: async (event) => {
		const token = readSetupCookie(event.cookies);
		const account = pendingAccount(db(), token);
		if (!account) return spentLink();
		const form = parseForm(welcomeSchema(account.username), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, message: null });
		const done = await completeSetup(db(), token, form.data.password);
		if (!done) return spentLink();
		clearSetupCookie(event.cookies, event.url.protocol === 'https:');
		startSession(db(), event, done.userId);
		redirect(303, '/sessions');
	}
};
