/**
 * Issuing a batch of 1,000 cards while other requests keep arriving: the organiser's post, as
 * the cards page sends it with JavaScript (the action's JSON) and without (the whole page), and
 * meanwhile a loop of `/healthz` requests, one after another, as a stand-in for the phones and
 * screens the server must keep answering. What counts is the longest of those waits: a server
 * that renders every QR code in one go answers nobody else until it has finished.
 */
import { MAX_CARDS_PER_BATCH } from '../../src/lib/server/cards/ballot-cards';
import { CODE_ALPHABET } from '../../src/lib/server/cards/card-code';

export const CARDS_PER_ISSUE = MAX_CARDS_PER_BATCH;

/** A card's code as printed on it. */
const CARD_CODE = new RegExp(`[${CODE_ALPHABET}]{5}-[${CODE_ALPHABET}]{5}`, 'g');

export interface IssuingFigures {
	/** From the post to the last byte of its answer. */
	issueMs: number;
	/** The answer's size: every card's QR code, printed once. */
	answerBytes: number;
	/** The longest wait for `/healthz` while the cards were being issued. */
	otherMaxMs: number;
	otherRequests: number;
}

async function issue(origin: string, path: string, cookie: string, javascript: boolean) {
	const started = performance.now();
	const response = await fetch(`${origin}${path}?/issue`, {
		method: 'POST',
		headers: {
			origin,
			cookie,
			'content-type': 'application/x-www-form-urlencoded',
			...(javascript
				? { accept: 'application/json', 'x-sveltekit-action': 'true' }
				: { accept: 'text/html' })
		},
		body: new URLSearchParams({ count: String(CARDS_PER_ISSUE) }).toString()
	});
	const answer = await response.text();
	// A refusal comes back fast and small: it must not pass for a fast issue.
	const printed = new Set(answer.match(CARD_CODE)).size;
	if (response.status !== 200 || printed < CARDS_PER_ISSUE) {
		throw new Error(`issuing answered ${response.status} with ${printed} cards`);
	}
	return { issueMs: performance.now() - started, answerBytes: Buffer.byteLength(answer) };
}

/** Issues one batch of cards for the session at `path` and times `/healthz` meanwhile. */
export async function measureIssuing(
	origin: string,
	path: string,
	cookie: string,
	javascript: boolean
): Promise<IssuingFigures> {
	let issuing = true;
	const waits: number[] = [];
	const probe = (async () => {
		while (issuing) {
			const started = performance.now();
			// A kept-alive connection the server closed meanwhile fails; the wait still counts.
			const response = await fetch(`${origin}/healthz`).catch(() => null);
			await response?.arrayBuffer();
			waits.push(performance.now() - started);
		}
	})();
	const issued = await issue(origin, path, cookie, javascript).finally(() => (issuing = false));
	// The request in flight when issuing ended may have waited for it all along: count it.
	await probe;
	return { ...issued, otherMaxMs: Math.max(...waits), otherRequests: waits.length };
}
