/**
 * Secrecy of the figures and of the voter's page.
 *
 * Gating: every route of the app (found from src/routes, so a new route is covered the day it
 * is added), with its `__data.json`, is requested by an anonymous visitor, a voter, another
 * organiser and the session's own organiser, for a confidence vote and for a score-sheet
 * appraisal. While voting is open nobody gets a per-person figure; once closed, only the
 * session's organiser (who counts, with the tally committee) does, until publication makes them
 * public on the projector.
 *
 * The voter's page: one cookie, set by the card exchange and scoped to /v; no request leaves
 * the app's origin; with JavaScript off the whole vote still works.
 */
import { expect, test, type Browser } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
	appraisalRules,
	ballotFields,
	ballotShape,
	castBallot,
	closeVoting,
	firstAdministrator,
	HttpClient,
	issueCards,
	openVoting,
	phoneWithCard,
	prepareSession,
	publishResults,
	submissionNonce
} from './support/http-client';
import { startOwnServer, type OwnServer } from './support/server';

/**
 * 37 convened, 23 marked ballots: person 1 gets 11 high, 7 confidence, 5 low; person 2 gets 3,
 * 13, 7; one more ballot comes back empty (the outsider who voted, below). Their shares of the 24
 * ballots returned, the base of QĐ 96 (45,83 %, 29,17 %, 20,83 %, 54,17 %; 12,50 % is left out
 * as too round), appear nowhere else, in any of the forms a page, a stylesheet width or a data
 * payload would write them.
 */
const CONVENED = 37;
const BALLOTS: [string, string][] = [
	...Array.from({ length: 3 }, () => ['high', 'high'] as [string, string]),
	...Array.from({ length: 8 }, () => ['high', 'confidence'] as [string, string]),
	...Array.from({ length: 5 }, () => ['confidence', 'confidence'] as [string, string]),
	...Array.from({ length: 2 }, () => ['confidence', 'low'] as [string, string]),
	...Array.from({ length: 5 }, () => ['low', 'low'] as [string, string])
];
const SHARES = ['45,83', '29,17', '20,83', '54,17'];

/**
 * A score-sheet appraisal of three people by three voters, each sheet filled to a total: the
 * people's means, 83,16, 70,16 and 70,83 points (shown truncated), appear nowhere else either.
 */
const SHEET_TOTALS = [
	[80, 71, 55],
	[84.5, 77.5, 91],
	[85, 62, 66.5]
];
const MEANS = ['83,16', '70,16', '70,83'];

/** A figure as a page writes it, as a data payload or a width might, and in hundredths. */
const markersOf = (figures: string[]) =>
	figures.flatMap((figure) => [figure, figure.replace(',', '.'), figure.replace(',', '')]);

function figuresIn(body: string, markers: string[]): string[] {
	return markers.filter((marker) =>
		new RegExp(`(?<![\\d.,])${marker.replace('.', '\\.')}(?![\\d])`).test(body)
	);
}

/** Every page and endpoint under src/routes, with its parameters filled in. */
function appRoutes(params: Record<string, string>): string[] {
	const routes: string[] = [];
	const walk = (directory: string, segments: string[]) => {
		const entries = readdirSync(directory, { withFileTypes: true });
		const url = '/' + segments.filter((s) => !/^\(.*\)$/.test(s)).join('/');
		const filled = url.replace(/\[(\w+)\]/g, (_, name: string) => {
			if (!(name in params)) throw new Error(`no value for route parameter ${name}`);
			return params[name] as string;
		});
		if (existsSync(join(directory, '+page.svelte'))) {
			routes.push(filled, `${filled === '/' ? '' : filled}/__data.json`);
		}
		if (existsSync(join(directory, '+server.ts'))) routes.push(filled);
		for (const entry of entries) {
			if (entry.isDirectory()) walk(join(directory, entry.name), [...segments, entry.name]);
		}
	};
	walk('src/routes', []);
	return routes;
}

/**
 * A response's text; binary files are flagged by type. An event stream never ends, so it is read
 * for a moment; every other response is read whole, however long a busy machine takes.
 */
async function fetchAs(
	client: HttpClient,
	path: string
): Promise<{ status: number; text: string }> {
	const controller = new AbortController();
	const response = await fetch(`${client.origin}${path}`, {
		headers: { cookie: client.cookieHeader(), accept: 'text/html,*/*' },
		redirect: 'manual',
		signal: controller.signal
	});
	const type = response.headers.get('content-type') ?? '';
	if (/pdf|spreadsheet|octet/.test(type)) {
		await response.body?.cancel();
		return { status: response.status, text: `[binary ${type}]` };
	}
	if (!type.startsWith('text/event-stream'))
		return { status: response.status, text: await response.text() };
	const timer = setTimeout(() => controller.abort(), 1500);
	let text = '';
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	try {
		for (;;) {
			const chunk = await reader.read();
			if (chunk.done) break;
			text += decoder.decode(chunk.value, { stream: true });
		}
	} catch {
		// Aborted: what the stream sent in the moment given is what is checked.
	} finally {
		clearTimeout(timer);
	}
	return { status: response.status, text };
}

interface Watched {
	routes: string[];
	markers: string[];
	projector: string;
}

async function leaks(viewers: Record<string, HttpClient>, sessions: Watched[]) {
	const found: string[] = [];
	for (const [who, client] of Object.entries(viewers)) {
		for (const { routes, markers } of sessions)
			for (const route of routes) {
				const { status, text } = await fetchAs(client, route);
				const figures = figuresIn(text, markers);
				if (figures.length >= 2) found.push(`${who} ${route}: ${figures.join(' ')}`);
				if (status === 200 && text.startsWith('[binary')) found.push(`${who} ${route}: ${text}`);
			}
	}
	return found;
}

async function vote(server: OwnServer, codes: string[]): Promise<void> {
	const fields = await ballotFields(await phoneWithCard(server.origin, codes[0] as string));
	for (const [index, [first, second]] of BALLOTS.entries()) {
		const phone = await phoneWithCard(server.origin, codes[index + 1] as string);
		const reply = await castBallot(
			phone,
			{ [fields[0] as string]: first, [fields[1] as string]: second },
			submissionNonce()
		);
		expect(reply.status).toBe(303);
	}
}

/** Scores adding up to `total` points: each criterion in turn filled up to its maximum. */
function sheetWithTotal(fields: { field: string; maximum: number }[], total: number) {
	let left = total;
	return Object.fromEntries(
		fields.map(({ field, maximum }) => {
			const score = Math.min(maximum, left);
			left -= score;
			return [field, String(score)];
		})
	);
}

async function scoreSheets(server: OwnServer, codes: string[]): Promise<void> {
	for (const [index, totals] of SHEET_TOTALS.entries()) {
		const phone = await phoneWithCard(server.origin, codes[index] as string);
		const { scores } = await ballotShape(phone);
		const people = [...new Set(scores.map((score) => score.person))];
		const ballot = Object.assign(
			{},
			...people.map((person, position) =>
				sheetWithTotal(
					scores.filter((score) => score.person === person),
					totals[position] as number
				)
			)
		);
		expect((await castBallot(phone, ballot, submissionNonce())).status).toBe(303);
	}
}

/** The routes of one session, with its ids filled in, and the figures it must keep. */
function watched(database: Database.Database, sessionId: string, markers: string[]): Watched {
	const { projector_key: key } = database
		.prepare('select projector_key from vote_session where id = ?')
		.get(sessionId) as { projector_key: string };
	const { person_id: personId } = database
		.prepare('select person_id from subject where session_id = ? order by position limit 1')
		.get(sessionId) as { person_id: string };
	const routes = appRoutes({
		id: sessionId,
		key,
		personId,
		year: '2026',
		token: submissionNonce()
	});
	return { routes, markers, projector: `/p/${key}` };
}

test('no route shows a per-person figure before publication, except to the counters once closed', async () => {
	test.setTimeout(180_000);
	const server = await startOwnServer();
	const owner = await firstAdministrator(server.origin);
	const people = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư'];
	const confidenceId = await prepareSession(owner, { convened: CONVENED, people });
	const codes = await issueCards(owner, confidenceId, 30);
	await openVoting(owner, confidenceId);
	await vote(server, codes);
	const appraisalId = await prepareSession(owner, {
		convened: 3,
		people: [...people, 'Lê Văn Cường\tỦy viên'],
		rules: appraisalRules('scores')
	});
	await openVoting(owner, appraisalId);
	await scoreSheets(server, await issueCards(owner, appraisalId, 3));

	const database = new Database(server.databasePath, { readonly: true });
	const sessions = [
		watched(database, confidenceId, markersOf(SHARES)),
		watched(database, appraisalId, markersOf(MEANS))
	];
	database.close();

	const otherOrganiser = new HttpClient(server.origin);
	expect(
		(
			await owner.post('/admin/users?/create', {
				displayName: 'Lê Văn Khác',
				username: 'tochuckhac',
				role: 'organiser',
				password: 'Một mật khẩu khác 2026',
				passwordConfirm: 'Một mật khẩu khác 2026'
			})
		).status
	).toBe(200);
	expect(
		(
			await otherOrganiser.post('/login', {
				username: 'tochuckhac',
				password: 'Một mật khẩu khác 2026'
			})
		).status
	).toBe(303);
	const voterWithCard = await phoneWithCard(server.origin, codes[29] as string);
	const voterWhoVoted = await phoneWithCard(server.origin, codes[28] as string);
	await castBallot(voterWhoVoted, {}, submissionNonce());
	const outsiders = {
		anonymous: new HttpClient(server.origin),
		'voter with a card': voterWithCard,
		'voter who voted': voterWhoVoted,
		'another organiser': otherOrganiser
	};
	expect(sessions[0]!.routes.length).toBeGreaterThan(40);

	// Voting open: nobody, not even the organiser.
	expect(await leaks({ ...outsiders, organiser: owner }, sessions)).toEqual([]);

	// Closed, not yet published: the organiser counts; nobody else sees a figure.
	for (const sessionId of [confidenceId, appraisalId]) await closeVoting(owner, sessionId);
	expect(await leaks(outsiders, sessions)).toEqual([]);
	for (const [sessionId, { markers }, expected] of [
		[confidenceId, sessions[0]!, ['45,83', '54,17']],
		[appraisalId, sessions[1]!, MEANS]
	] as const) {
		const counted = await fetchAs(owner, `/sessions/${sessionId}/results`);
		expect(figuresIn(counted.text, markers)).toEqual(expect.arrayContaining([...expected]));
	}

	// Published: the projector shows them to the room (the checks above could see them).
	for (const [index, sessionId] of [confidenceId, appraisalId].entries()) {
		await publishResults(owner, sessionId);
		const { projector, markers } = sessions[index]!;
		const shown = await fetchAs(new HttpClient(server.origin), projector);
		expect(figuresIn(shown.text, markers).length).toBeGreaterThanOrEqual(2);
	}
	await server.stop();
});

async function voteInBrowser(
	browser: Browser,
	server: OwnServer,
	code: string,
	javaScriptEnabled: boolean
) {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'vi-VN',
		javaScriptEnabled
	});
	const requests: string[] = [];
	const cookieNames = new Set<string>();
	context.on('request', (request) => requests.push(request.url()));
	context.on('response', async (response) => {
		for (const { name, value } of await response.headersArray()) {
			if (name.toLowerCase() === 'set-cookie') cookieNames.add(value.split('=')[0] ?? '');
		}
	});
	const page = await context.newPage();
	await page.goto(`${server.origin}/v`);
	await page.getByLabel('Mã in trên phiếu').fill(code);
	await page.getByRole('button', { name: 'Mở phiếu', exact: true }).click();
	await expect(page).toHaveURL(/\/v\/ballot$/);
	const cookies = await context.cookies();
	expect(cookies.map((cookie) => [cookie.name, cookie.path, cookie.httpOnly])).toEqual([
		['phieukin_card', '/v', true]
	]);
	// Within the hour: a card cookie does not outlive the meeting.
	expect(cookies[0]!.expires * 1000).toBeLessThanOrEqual(Date.now() + 60 * 60 * 1000 + 5000);
	await page
		.getByRole('group', { name: /Nguyễn Văn An/ })
		.getByLabel('Tín nhiệm cao', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
	await page.getByRole('button', { name: 'Gửi phiếu' }).click();
	await expect(page.getByRole('heading', { name: 'Phiếu của bạn đã được ghi nhận' })).toBeVisible();
	await expect(page.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)).toBeVisible();
	// Back to the ballot: it says the ballot is in, it does not offer the card again.
	await page.goto(`${server.origin}/v/ballot`);
	await expect(page).toHaveURL(/\/v\/done$/);
	expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['phieukin_card']);
	await context.close();
	return { requests, cookieNames: [...cookieNames] };
}

test('the voter page sets one cookie, calls nothing outside the app, and works without JavaScript', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const server = await startOwnServer();
	const owner = await firstAdministrator(server.origin);
	const sessionId = await prepareSession(owner, {
		convened: 3,
		people: ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư']
	});
	const codes = await issueCards(owner, sessionId, 3);
	await openVoting(owner, sessionId);

	for (const [index, javaScriptEnabled] of [false, true].entries()) {
		const { requests, cookieNames } = await voteInBrowser(
			browser,
			server,
			codes[index] as string,
			javaScriptEnabled
		);
		expect(requests.length).toBeGreaterThan(3);
		expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
		expect(cookieNames).toEqual(['phieukin_card']);
	}
	await server.stop();
});
