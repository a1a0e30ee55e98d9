import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatDateTime } from '$lib/format';
import { countUsers } from '$lib/server/auth/accounts';
import { safeNextPath } from '$lib/server/auth/guard';
import { attemptLogin, type LoginResult } from '$lib/server/auth/login';
import { startSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { noErrors, parseForm } from '$lib/server/http/forms';
import { loginSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (countUsers(db()) === 0) redirect(303, '/setup');
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')));
	return { next: url.searchParams.get('next') ?? '' };
};

function refusal(result: Exclude<LoginResult, { ok: true }>, now: number): string {
	switch (result.reason) {
		case 'throttled':
			return m.login_throttled({
				seconds: Math.ceil((result.retryAt - now) / 1000),
				time: formatDateTime(new Date(result.retryAt), getLocale())
			});
		case 'locked':
			return m.login_locked();
		case 'disabled':
			return m.login_disabled();
		case 'invalid':
			return m.login_invalid();
	}
}

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(loginSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, message: null });

		const now = Date.now();
		const result = await attemptLogin(
			db(),
			{ ...form.data, address: event.getClientAddress() },
			now
		);
		if (!result.ok) {
			const status = result.reason === 'throttled' ? 429 : 400;
			return fail(status, {
				errors: noErrors(),
				values: form.values,
				message: refusal(result, now)
			});
		}
		startSession(db(), event, result.user.id);
		redirect(303, safeNextPath(form.data.next));
	}
};
