/**
 * A tally-committee member with an account, the way the app makes one: the organiser names the
 * member and gives them a username, the page shows a one-time link once, and the member opens it
 * and chooses their own password.
 */
import { expect } from '@playwright/test';
import { HttpClient } from './http-client';

/** The one-time link in a page that shows it (the committee page's answer), as a path. */
export function setupPath(body: string): string {
	const path = /\/welcome\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
	if (!path) throw new Error('no setup link on the page');
	return path;
}

/** Names a member of the session's committee and makes their account; returns the link's path. */
export async function committeeAccount(
	organiser: HttpClient,
	sessionId: string,
	member: { fullName: string; roleTitle?: string; username: string }
): Promise<string> {
	const committee = `/sessions/${sessionId}/committee`;
	const added = await organiser.post(`${committee}?/add`, {
		fullName: member.fullName,
		roleTitle: member.roleTitle ?? 'Thành viên'
	});
	expect(added.status).toBe(200);
	// The member just added is the last one without an account: the last account form.
	const forms = [
		...(await organiser.get(committee)).body.matchAll(
			/action="\?\/account"[^]*?name="memberId" value="([^"]+)"/g
		)
	];
	const memberId = forms.at(-1)?.[1] ?? '';
	const made = await organiser.post(`${committee}?/account`, {
		memberId,
		username: member.username
	});
	expect(made.status).toBe(200);
	return setupPath(made.body);
}

/** The member opens the link and chooses a password; returns them signed in. */
export async function setUpAccount(
	origin: string,
	path: string,
	password: string
): Promise<HttpClient> {
	const member = new HttpClient(origin);
	const opened = await member.get(path);
	expect([opened.status, opened.location]).toEqual([303, '/welcome']);
	const set = await member.post('/welcome', { password, passwordConfirm: password });
	expect([set.status, set.location]).toEqual([303, '/sessions']);
	return member;
}
