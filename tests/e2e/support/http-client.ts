/**
 * A browser without a browser: plain HTTP with a cookie jar, posting forms the way a page with
 * JavaScript off does (same Origin, `text/html` accepted, redirects not followed). Quick enough
 * to prepare sessions and cast hundreds of ballots in a test.
 */
export interface Reply {
	status: number;
	location: string | null;
	body: string;
}

export class HttpClient {
	private readonly cookies = new Map<string, string>();

	constructor(readonly origin: string) {}

	cookieHeader(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	cookieNames(): string[] {
		return [...this.cookies.keys()];
	}

	private remember(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = line.split(';');
			const separator = pair.indexOf('=');
			const name = pair.slice(0, separator).trim();
			const value = pair.slice(separator + 1).trim();
			const expired = attributes.some(
				(attribute) =>
					/^\s*max-age=0\s*$/i.test(attribute) ||
					(/^\s*expires=/i.test(attribute) &&
						Date.parse(attribute.split('=')[1] ?? '') < Date.now())
			);
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	async request(path: string, init: RequestInit = {}): Promise<Reply> {
		const headers = new Headers(init.headers);
		if (!headers.has('cookie') && this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
		if (!headers.has('accept')) headers.set('accept', 'text/html');
		const response = await fetch(`${this.origin}${path}`, {
			...init,
			headers,
			redirect: 'manual'
		});
		this.remember(response);
		return {
			status: response.status,
			location: response.headers.get('location'),
			body: await response.text()
		};
	}

	get(path: string): Promise<Reply> {
		return this.request(path);
	}

	/** A form post as the app's own page sends it. */
	post(path: string, form: Record<string, string> | [string, string][]): Promise<Reply> {
		return this.request(path, {
			method: 'POST',
			headers: { origin: this.origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form).toString()
		});
	}
}

/** The first administrator's password, on the suite's server (fixtures.ts) and on a test's own. */
export const ADMIN_PASSWORD = 'Hội nghị giữa nhiệm kỳ 2026';

function expectStatus(reply: Reply, expected: number, what: string): Reply {
	if (reply.status !== expected) {
		throw new Error(
			`${what}: expected ${expected}, got ${reply.status}\n${reply.body.slice(0, 500)}`
		);
	}
	return reply;
}

/** Creates the first administrator on an empty database; the client is then logged in. */
export async function firstAdministrator(origin: string): Promise<HttpClient> {
	const client = new HttpClient(origin);
	expectStatus(
		await client.post('/setup', {
			displayName: 'Quản trị viên',
			username: 'quantri',
			password: ADMIN_PASSWORD,
			passwordConfirm: ADMIN_PASSWORD
		}),
		303,
		'first administrator'
	);
	return client;
}

export interface SessionPlan {
	title?: string;
	convened: number;
	people: string[];
	present?: number;
	/** Extra fields of the new-session form, e.g. an appraisal's kind and mode. */
	rules?: Record<string, string>;
}

/** The new-session fields of a quarterly appraisal under QĐ 366-QĐ/TW. */
export function appraisalRules(mode: 'scores' | 'grades'): Record<string, string> {
	return {
		kind: 'appraisal',
		periodKind: 'quarter',
		periodYear: '2026',
		periodQuarter: '4',
		mode,
		appraisalPresetId: 'qd-366-2025'
	};
}

/** Creates a session with its people and attendance; returns its id. */
export async function prepareSession(client: HttpClient, plan: SessionPlan): Promise<string> {
	const created = expectStatus(
		await client.post('/sessions/new', {
			title: plan.title ?? 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
			organisation: 'Đảng ủy xã Hòa Bình',
			meetingDate: '2026-11-23',
			meetingTime: '08:30',
			place: 'Hội trường',
			convened: String(plan.convened),
			...(plan.rules ?? { kind: 'confidence', presetId: 'qd-96-2023' })
		}),
		303,
		'new session'
	);
	const id = (created.location ?? '').split('/').pop() ?? '';
	expectStatus(
		await client.post(`/sessions/${id}/subjects?/import`, { list: plan.people.join('\n') }),
		200,
		'people'
	);
	expectStatus(
		await client.post(`/sessions/${id}?/attendance`, {
			present: String(plan.present ?? plan.convened)
		}),
		200,
		'attendance'
	);
	return id;
}

/** Issues cards and returns the short codes printed on them. */
export async function issueCards(client: HttpClient, id: string, count: number): Promise<string[]> {
	const sheet = expectStatus(
		await client.post(`/sessions/${id}/cards?/issue`, { count: String(count) }),
		200,
		'cards'
	);
	return [...sheet.body.matchAll(/<p class="code[^"]*">([^<]+)<\/p>/g)].map(
		(match) => match[1] as string
	);
}

export async function openVoting(client: HttpClient, id: string): Promise<void> {
	expectStatus(await client.post(`/sessions/${id}?/open`, {}), 200, 'open');
}

export async function closeVoting(client: HttpClient, id: string): Promise<void> {
	expectStatus(await client.post(`/sessions/${id}?/close`, { confirm: 'yes' }), 303, 'close');
}

export async function publishResults(client: HttpClient, id: string): Promise<void> {
	expectStatus(await client.post(`/sessions/${id}?/publish`, { confirm: 'yes' }), 200, 'publish');
}

/** A phone with its card: types the code at /v, which sets the card cookie. */
export async function phoneWithCard(origin: string, code: string): Promise<HttpClient> {
	const phone = new HttpClient(origin);
	expectStatus(await phone.post('/v', { code }), 303, 'card code');
	return phone;
}

/** The ballot's field names, one per person, read from the ballot page. */
export async function ballotFields(phone: HttpClient): Promise<string[]> {
	const page = expectStatus(await phone.get('/v/ballot'), 200, 'ballot page');
	return [...new Set([...page.body.matchAll(/name="(s\.[a-z0-9]+)"/g)].map((m) => m[1] as string))];
}

export interface BallotShape {
	/** Each person's radio group and its options' codes but blank's, for marks and grades. */
	choices: Map<string, string[]>;
	/** A score sheet's fields in the page's order, with their person and maximum. */
	scores: { field: string; person: string; maximum: number }[];
}

/** The fields of the ballot page, read the way a browser would post them. */
export async function ballotShape(phone: HttpClient): Promise<BallotShape> {
	const page = expectStatus(await phone.get('/v/ballot'), 200, 'ballot page');
	const choices = new Map<string, string[]>();
	for (const [, field, value] of page.body.matchAll(/name="(s\.[a-z0-9]+)" value="(\d)"/g)) {
		if (value !== '0') choices.set(field!, [...(choices.get(field!) ?? []), value!]);
	}
	const scores = [
		...page.body.matchAll(/name="(s\.([a-z0-9]+)\.[a-z0-9-]+)"[^>]*data-max="(\d+)"/g)
	].map(([, field, person, maximum]) => ({
		field: field!,
		person: person!,
		maximum: Number(maximum)
	}));
	if (choices.size === 0 && scores.length === 0) throw new Error('The ballot page has no field');
	return { choices, scores };
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/**
 * A filled ballot of any kind: for each person a random mark or grade (never blank), or on a
 * score sheet a random score in half points up to each criterion's maximum.
 */
export async function randomBallot(phone: HttpClient): Promise<Record<string, string>> {
	const { choices, scores } = await ballotShape(phone);
	return {
		...Object.fromEntries([...choices].map(([field, values]) => [field, pick(values)])),
		...Object.fromEntries(
			scores.map(({ field, maximum }) => [
				field,
				String(Math.floor(Math.random() * (2 * maximum + 1)) / 2)
			])
		)
	};
}

/** Sends a ballot as the review step's final submit does; `submission` makes retries safe. */
export function castBallot(
	phone: HttpClient,
	marks: Record<string, string>,
	submission: string
): Promise<Reply> {
	return phone.post('/v/ballot?/cast', { ...marks, submission });
}

/** A fresh 128-bit submission nonce, as the review step hands out. */
export function submissionNonce(): string {
	return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}
