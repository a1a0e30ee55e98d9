/**
 * The phone's "send" as `static/ballot.js` posts it: the same headers and the same urlencoded
 * body (each person's mark, then the submission), answered with SvelteKit's action JSON. The
 * benchmark posts ballots through this, so that it measures what a phone with JavaScript costs;
 * tests/e2e/phone-single-post.spec.ts checks it against the request a real phone sends.
 */
export const PHONE_CAST_PATH = '/v/ballot?/cast';

export function phoneCastRequest(
	origin: string,
	cardToken: string,
	marks: readonly (readonly [string, string])[],
	submission: string
): { headers: Record<string, string>; body: string } {
	const form = new URLSearchParams(marks.map(([field, mark]) => [field, mark]));
	form.set('submission', submission);
	return {
		headers: {
			origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
			cookie: `phieukin_card=t.${cardToken}`
		},
		body: form.toString()
	};
}

/** The answer a phone takes as "received": the action's redirect to the confirmation page. */
export function phoneCastAcknowledged(status: number, body: string): boolean {
	if (status !== 200) return false;
	try {
		const answer = JSON.parse(body) as { type?: string; location?: string };
		return answer.type === 'redirect' && answer.location === '/v/done';
	} catch {
		return false;
	}
}
