/**
 * What the room's Wi-Fi sees of a vote (README, "Equal sizes on the wire"): along the voter's
 * path every request a phone sends and every answer it gets has the same length, whatever the
 * choices (blank rows and whole blank ballots included), for a confidence vote, an appraisal by
 * grades and one by score sheets, with JavaScript and without. Voter pages are kept nowhere;
 * choices kept across a phone lock are one card's and go once the ballot is sent; a ballot the
 * server could not store is sent again by the phone itself, the same submission, counted once.
 */
import { expect, test, type Browser, type Page, type Request } from '@playwright/test';
import { PHONE, typeCardCode } from './support/fixtures';
import {
	appraisalRules,
	firstAdministrator,
	issueCards,
	openVoting,
	prepareSession
} from './support/http-client';
import { ballotsStored, startOwnServer, type OwnServer } from './support/server';

const PEOPLE = [
	'Nguyễn Văn An\tBí thư',
	'Trần Thị Bình\tPhó Bí thư',
	'Lê Văn Cường\tỦy viên Ban Thường vụ'
];
const KINDS = ['confidence', 'grades', 'scores'] as const;
type Kind = (typeof KINDS)[number];
/** The first ballot of each run is left wholly blank, the others are random. */
const PLAIN_BALLOTS = 5;
const SCRIPTED_BALLOTS = 2;

/** One request and its answer, by length: what an onlooker of an encrypted connection sees. */
interface Exchange {
	step: string;
	sent: number;
	sentHeaders: number;
	status: number;
	received: number;
	receivedHeaders: number;
}

const headerBytes = (headers: [string, string][]) =>
	headers.reduce((sum, [name, value]) => sum + Buffer.byteLength(`${name}: ${value}\r\n`), 0);

/** The steps whose lengths differ from one ballot to another, with the lengths seen. */
function unequalSteps(ballots: Exchange[][], exempt: (step: string) => boolean = () => false) {
	expect(new Set(ballots.map((steps) => steps.map((s) => s.step).join(' → '))).size).toBe(1);
	return ballots[0]!.flatMap((first, index) => {
		const seen = new Set(ballots.map((steps) => JSON.stringify({ ...steps[index], step: 0 })));
		return seen.size > 1 && !exempt(first.step) ? [{ step: first.step, seen: [...seen] }] : [];
	});
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** Scores as people type them: whole or half points, with a comma or a point. */
function typedScore(maximum: number): string {
	const halfPoints = Math.floor(Math.random() * (2 * maximum + 1));
	const text = String(halfPoints / 2);
	return Math.random() < 0.5 ? text.replace('.', ',') : text;
}

interface Field {
	name: string;
	type: string;
	value: string;
	checked: boolean;
	maximum: number;
}

/** The controls of the page's form that posts to `action`, in the page's order. */
function formFields(html: string, action: string): Field[] {
	const form = html.match(new RegExp(`<form[^>]*action="\\?/${action}"[^>]*>([\\s\\S]*?)</form>`));
	expect(form, `a form posting to ?/${action}`).not.toBeNull();
	return [...form![1]!.matchAll(/<input\b([^>]*)>/g)].flatMap(([, attributes]) => {
		const attribute = (name: string) =>
			attributes!.match(new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s/>]|$)`));
		const name = attribute('name')?.[1];
		if (!name) return [];
		return [
			{
				name,
				type: attribute('type')?.[1] ?? 'text',
				value: attribute('value')?.[1] ?? '',
				checked: attribute('checked') !== null,
				maximum: Number(attribute('data-max')?.[1] ?? 0)
			}
		];
	});
}

/** What a browser posts for these controls: the checked radio of each row, every other value. */
const posted = (fields: Field[]): [string, string][] =>
	fields.filter((f) => f.type !== 'radio' || f.checked).map((f) => [f.name, f.value]);

/**
 * What a voter does on a fresh ballot page, at random: a row's mark clicked or left as it is
 * (blank), a person scored on every criterion or on none. `blank` leaves everything.
 */
function choose(fields: Field[], blank: boolean): [string, string][] {
	const rows = new Map<string, Field[]>();
	for (const field of fields) {
		const row = field.name.split('.').slice(0, 2).join('.');
		rows.set(row, [...(rows.get(row) ?? []), field]);
	}
	return [...rows.values()].flatMap((row) => {
		if (blank || Math.random() < 0.3) return [];
		if (row[0]!.type === 'radio') {
			const clicked = pick(row);
			return [[clicked.name, clicked.value] as [string, string]];
		}
		return row.map((f) => [f.name, typedScore(f.maximum)] as [string, string]);
	});
}

/** The page's fields once the voter has done that. */
function filledIn(fields: Field[], done: [string, string][]): Field[] {
	const did = new Map(done);
	return fields.map((field) => {
		if (!did.has(field.name)) return field;
		const value = did.get(field.name)!;
		return field.type === 'radio'
			? { ...field, checked: field.value === value }
			: { ...field, value };
	});
}

/** A phone without JavaScript: plain form posts, its one cookie, every exchange measured. */
class PlainPhone {
	private cookie = '';
	readonly exchanges: Exchange[] = [];
	readonly headers: { step: string; cacheControl: string | null; etag: string | null }[] = [];

	constructor(private readonly origin: string) {}

	async send(path: string, form?: [string, string][]): Promise<string> {
		const body = form ? new URLSearchParams(form).toString() : undefined;
		const headers: Record<string, string> = { accept: 'text/html' };
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) {
			headers.origin = this.origin;
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers['content-length'] = String(Buffer.byteLength(body));
		}
		const method = body === undefined ? 'GET' : 'POST';
		const response = await fetch(`${this.origin}${path}`, {
			method,
			headers,
			body,
			redirect: 'manual'
		});
		const received = Buffer.from(await response.arrayBuffer());
		const cookie = response.headers.getSetCookie()[0];
		if (cookie) this.cookie = cookie.split(';')[0]!;
		const step = `${method} ${path}`;
		this.exchanges.push({
			step,
			sent: Buffer.byteLength(body ?? ''),
			sentHeaders: headerBytes(Object.entries(headers)),
			status: response.status,
			received: received.length,
			receivedHeaders: headerBytes([...response.headers])
		});
		this.headers.push({
			step,
			cacheControl: response.headers.get('cache-control'),
			etag: response.headers.get('etag')
		});
		return received.toString('utf8');
	}
}

/** A whole ballot without JavaScript: card, ballot, review, edit, review again, send, receipt. */
async function plainBallot(origin: string, code: string, blank: boolean): Promise<PlainPhone> {
	const phone = new PlainPhone(origin);
	await phone.send('/v', [['code', code]]);
	const ballot = await phone.send('/v/ballot');
	const fields = formFields(ballot, 'review');
	const review = await phone.send(
		'/v/ballot?/review',
		posted(filledIn(fields, choose(fields, blank)))
	);
	const edit = await phone.send('/v/ballot?/edit', posted(formFields(review, 'cast')));
	const again = await phone.send('/v/ballot?/review', posted(formFields(edit, 'review')));
	await phone.send('/v/ballot?/cast', posted(formFields(again, 'cast')));
	await phone.send('/v/done');
	expect(phone.exchanges.map((e) => e.status)).toEqual([303, 200, 200, 200, 200, 303, 200]);
	return phone;
}

/** Measures every exchange of the page with the voter's pages, as the browser counts bytes. */
function measure(page: Page): () => Promise<Exchange[]> {
	const exchanges: Promise<Exchange>[] = [];
	page.on('requestfinished', (request: Request) => {
		const url = new URL(request.url());
		if (url.pathname !== '/v' && !url.pathname.startsWith('/v/')) return;
		exchanges.push(
			(async () => {
				const sizes = await request.sizes();
				return {
					step: `${request.method()} ${url.pathname}${url.search}`,
					sent: sizes.requestBodySize,
					sentHeaders: sizes.requestHeadersSize,
					status: (await request.response())?.status() ?? 0,
					received: sizes.responseBodySize,
					receivedHeaders: sizes.responseHeadersSize
				};
			})()
		);
	});
	return () => Promise.all(exchanges);
}

/** The same with JavaScript, in Chromium: the script posts the scores and sends the ballot. */
async function scriptedBallot(
	browser: Browser,
	origin: string,
	code: string,
	blank: boolean
): Promise<Exchange[]> {
	const context = await browser.newContext({ ...PHONE, baseURL: origin });
	const page = await context.newPage();
	const exchanges = measure(page);
	await typeCardCode(page, code);
	await expect(page).toHaveURL(/\/v\/ballot$/);
	for (const [name, value] of choose(formFields(await page.content(), 'review'), blank)) {
		const field = page.locator(`form[data-ballot] input[name="${name}"]`);
		if ((await field.first().getAttribute('type')) === 'radio') {
			await page.locator(`input[name="${name}"][value="${value}"]`).check();
		} else {
			// Typed on the person's own screen; the pages are turned by the script.
			await field.evaluate((input: HTMLInputElement, text) => {
				input.value = text;
				input.dispatchEvent(new Event('input', { bubbles: true }));
			}, value);
		}
	}
	const reviewTitle = page.getByRole('heading', { name: 'Xem lại phiếu trước khi gửi' });
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await expect(reviewTitle).toBeVisible();
	await page.getByRole('button', { name: 'Sửa lại phiếu' }).click();
	await expect(reviewTitle).toHaveCount(0);
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await expect(reviewTitle).toBeVisible();
	await page.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(page.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })).toBeVisible();
	const measured = await exchanges();
	await context.close();
	return measured;
}

let server: OwnServer;
const codes = new Map<Kind, string[]>();

test.describe.configure({ mode: 'serial' });
test.afterAll(async () => server?.stop());

test.beforeAll(async () => {
	server = await startOwnServer();
	const organiser = await firstAdministrator(server.origin);
	const rules: Record<Kind, Record<string, string> | undefined> = {
		confidence: undefined,
		grades: appraisalRules('grades'),
		scores: appraisalRules('scores')
	};
	for (const kind of KINDS) {
		const id = await prepareSession(organiser, {
			title: `Phiên thử độ dài (${kind})`,
			convened: 12,
			people: kind === 'scores' ? PEOPLE.slice(0, 2) : PEOPLE,
			rules: rules[kind]
		});
		codes.set(kind, await issueCards(organiser, id, 10));
		await openVoting(organiser, id);
	}
});

const nextCode = (kind: Kind) => codes.get(kind)!.shift()!;

test('without JavaScript, every exchange of a ballot has the same length whatever the choices', async () => {
	for (const kind of KINDS) {
		const phones: PlainPhone[] = [];
		for (let ballot = 0; ballot < PLAIN_BALLOTS; ballot++) {
			phones.push(await plainBallot(server.origin, nextCode(kind), ballot === 0));
		}
		// A score typed without JavaScript goes as typed: the browser's post cannot be evened out
		// (README). The server's answer to it, and everything after, can.
		const typed = (step: string) => kind === 'scores' && step === 'POST /v/ballot?/review';
		expect(
			unequalSteps(
				phones.map((phone) => phone.exchanges),
				typed
			),
			kind
		).toEqual([]);
		// Voter pages are kept by no browser or proxy, and carry no ETag.
		for (const seen of phones[0]!.headers) {
			expect(seen, seen.step).toEqual({ step: seen.step, cacheControl: 'no-store', etag: null });
		}
	}
});

test('with JavaScript, every exchange of a ballot has the same length whatever the choices', async ({
	browser
}) => {
	test.setTimeout(120_000);
	for (const kind of KINDS) {
		const ballots: Exchange[][] = [];
		for (let ballot = 0; ballot < SCRIPTED_BALLOTS; ballot++) {
			ballots.push(await scriptedBallot(browser, server.origin, nextCode(kind), ballot === 0));
		}
		expect(ballots[0]!.map((exchange) => exchange.step)).toEqual([
			'GET /v',
			'POST /v',
			'GET /v/ballot',
			'POST /v/ballot?/review',
			'POST /v/ballot?/edit',
			'POST /v/ballot?/review',
			'POST /v/ballot?/cast',
			'GET /v/done'
		]);
		expect(unequalSteps(ballots), kind).toEqual([]);
	}
});

/** What the tab keeps in sessionStorage for the ballot script. */
const keptChoices = (page: Page) =>
	page.evaluate(() =>
		Object.entries(sessionStorage).filter(([key]) => key.startsWith('phieukin-ballot:'))
	);

test('choices kept across a phone lock are one card’s, unknown to the next voter, and erased once sent', async ({
	browser
}) => {
	const context = await browser.newContext({ ...PHONE, baseURL: server.origin });
	const page = await context.newPage();
	const [first, second] = [nextCode('confidence'), nextCode('confidence')];
	const firstRow = () => page.getByRole('group', { name: /Nguyễn Văn An/ });

	// The first voter marks a row, the phone locks: the mark is still there.
	await typeCardCode(page, first);
	await firstRow().getByLabel('Tín nhiệm cao', { exact: true }).check();
	await page.reload();
	await expect(firstRow().getByLabel('Tín nhiệm cao', { exact: true })).toBeChecked();
	const cookie = (await context.cookies()).find((c) => c.name === 'phieukin_card')!.value;
	const kept = await keptChoices(page);
	expect(kept).toHaveLength(1);
	// Neither the card nor anything the server stores about it.
	expect(JSON.stringify(kept)).not.toContain(cookie.slice(2));

	// The next voter on the same phone, in the same tab, with their own card: nothing of the first.
	await typeCardCode(page, second);
	await expect(firstRow().getByLabel('Tín nhiệm cao', { exact: true })).not.toBeChecked();
	await firstRow().getByLabel('Tín nhiệm thấp', { exact: true }).check();
	const now = await keptChoices(page);
	expect(now).toHaveLength(1);
	expect(now[0]![0]).not.toBe(kept[0]![0]);

	// Sent: erased.
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await page.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(page.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })).toBeVisible();
	expect(await keptChoices(page)).toEqual([]);
	await context.close();
});

test('the card’s address and a refused card’s page are kept nowhere either', async () => {
	const scan = await fetch(`${server.origin}/v/AAAAAAAAAAAAAAAAAAAAAA`, { redirect: 'manual' });
	expect(scan.status).toBe(303);
	expect(scan.headers.get('cache-control')).toBe('no-store');
	const refused = await fetch(`${server.origin}/v/ballot`, {
		headers: { cookie: scan.headers.getSetCookie()[0]!.split(';')[0]!, accept: 'text/html' },
		redirect: 'manual'
	});
	expect(refused.status).toBe(403);
	expect(refused.headers.get('cache-control')).toBe('no-store');
	expect(refused.headers.get('etag')).toBeNull();
});

test('a ballot not stored, or whose answer was lost, is sent again by the phone itself and counted once', async ({
	browser
}) => {
	const context = await browser.newContext({ ...PHONE, baseURL: server.origin });
	const page = await context.newPage();
	await page.clock.install();
	await typeCardCode(page, nextCode('confidence'));
	await page
		.getByRole('group', { name: /Nguyễn Văn An/ })
		.getByLabel('Tín nhiệm cao', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();

	const notStored = 'Máy chủ chưa lưu được phiếu này (thử nghiệm).';
	const sent: string[] = [];
	await page.route('**/v/ballot?/cast', async (route) => {
		sent.push(route.request().postData() ?? '');
		if (sent.length === 1) {
			// Stored, but the answer is lost on the way back.
			await route.fetch();
			return route.abort('failed');
		}
		if (sent.length === 2) {
			// What the server answers when it cannot store a ballot.
			return route.fulfill({
				status: 503,
				headers: { 'content-type': 'application/json', 'retry-after': '30' },
				body: JSON.stringify({ type: 'error', error: { message: notStored } })
			});
		}
		return route.continue();
	});
	const before = ballotsStored(server);
	const status = page.locator('[data-send-status]');
	await page.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(status).toContainText('chưa biết phiếu đã đến chưa');
	await expect(status).toContainText('tự gửi lại');
	await page.clock.runFor(5_000);
	await expect(status).toContainText(notStored);
	await expect(status).toContainText('tự gửi lại');
	expect(sent).toHaveLength(2);
	await page.clock.runFor(30_000);
	await expect(page.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })).toBeVisible();
	// The same submission each time, nonce included, and one ballot.
	expect(sent).toHaveLength(3);
	expect(new Set(sent).size).toBe(1);
	expect(ballotsStored(server) - before).toBe(1);
	await context.close();
});
