/**
 * drizzle/0007_nfc_text.sql on a database as release 0006 left it, with decomposed text (NFD,
 * what Unikey's "Unicode tổ hợp" and macOS type) in every column a person types: afterwards every
 * value is composed (NFC) and nothing else differs; namesakes stay two people, and a username
 * that would collide with another account keeps its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type AppDatabase } from './index';
import { migrationsUpTo } from './testing';

const BEFORE = '0006_count_ended_at';
/** Later migrations add their own tables; this test looks at this one's effect only. */
const NFC = '0007_nfc_text';

/** Columns of release 0006 holding text a person typed, as the migration must compose them. */
const TYPED: Record<string, string[]> = {
	user: ['username', 'display_name'],
	vote_session: [
		'title',
		'organisation',
		'place',
		'period_label',
		'quorum_override_reason',
		'preset',
		'criteria'
	],
	subject: ['full_name', 'job_title', 'final_reason'],
	score_template: ['name', 'criteria'],
	committee_member: ['full_name', 'role_title'],
	audit_event: ['detail']
};

/** The other text columns: ids, hashes, keys, values from a fixed list, dates and times. */
const WRITTEN_BY_THE_APP: Record<string, string[]> = {
	__drizzle_migrations: ['hash'],
	auth_session: ['id', 'user_id'],
	user: ['id', 'password_hash', 'role'],
	ballot: ['id', 'session_id'],
	ballot_choice: ['ballot_id', 'subject_id', 'choice'],
	credential: ['token_hash', 'code_hash', 'session_id', 'status', 'submission_hash'],
	subject: ['id', 'session_id', 'person_id', 'self_grade', 'proposed_grade', 'final_grade'],
	vote_session: [
		'id',
		'owner_id',
		'kind',
		'meeting_date',
		'meeting_time',
		'state',
		'mode',
		'period_kind',
		'projector_key'
	],
	score_entry: ['sheet_id', 'criterion_id'],
	score_sheet: ['id', 'session_id', 'subject_id'],
	score_template: ['id', 'owner_id'],
	audit_event: ['session_id', 'user_id', 'action'],
	committee_member: ['id', 'session_id', 'user_id'],
	count_confirmation: ['session_id', 'user_id'],
	receipt: ['session_id', 'code']
};

const nfd = (text: string) => text.normalize('NFD');

function tables(db: AppDatabase): string[] {
	return (
		db.$client
			.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
			.pluck()
			.all() as string[]
	).sort();
}

function textColumns(db: AppDatabase, table: string): string[] {
	const columns = db.$client.prepare(`pragma table_info(\`${table}\`)`).all() as {
		name: string;
		type: string;
	}[];
	return columns
		.filter((column) => column.type.toLowerCase() === 'text')
		.map((column) => column.name);
}

/** Every row of every table but the migrations' own log, in a stable order. */
function contents(db: AppDatabase): Record<string, Record<string, unknown>[]> {
	return Object.fromEntries(
		tables(db)
			.filter((table) => table !== '__drizzle_migrations')
			.map((table) => [
				table,
				db.$client.prepare(`select * from \`${table}\` order by 1, 2`).all() as Record<
					string,
					unknown
				>[]
			])
	);
}

/** Columns holding JSON: their strings are composed, the JSON around them stays valid. */
const JSON_COLUMNS = ['preset', 'criteria'];

/** What the migration should leave: every typed value composed. */
function composed(rows: Record<string, Record<string, unknown>[]>) {
	const compose = (column: string, value: unknown) => {
		if (typeof value !== 'string') return value;
		if (!JSON_COLUMNS.includes(column)) return value.normalize('NFC');
		return JSON.stringify(
			JSON.parse(value, (_key, inner) =>
				typeof inner === 'string' ? inner.normalize('NFC') : inner
			)
		);
	};
	return Object.fromEntries(
		Object.entries(rows).map(([table, list]) => [
			table,
			list.map((row) =>
				Object.fromEntries(
					Object.entries(row).map(([column, value]) => [column, compose(column, value)])
				)
			)
		])
	);
}

/** A release-0006 database holding decomposed text in every typed column. */
function storedBeforeNfc(db: AppDatabase): void {
	const run = (statement: string, ...values: unknown[]) =>
		db.$client.prepare(statement).run(...values);
	const addUser = (id: string, username: string, displayName: string) =>
		run(
			`insert into user (id, username, display_name, password_hash, role, created_at)
			 values (?, ?, ?, 'argon2-hash', 'organiser', 1)`,
			id,
			username,
			displayName
		);
	addUser('owner', 'tochuc', nfd('Nguyễn Thị Tổ Chức'));
	// "hà" twice, composed and decomposed: the second cannot take the first one's name.
	addUser('ha-composed', 'hà', 'Lê Thị Thu Hà');
	addUser('ha-decomposed', nfd('hà'), nfd('Lê Thị Thu Hà'));
	addUser('le', nfd('lê.ổn'), nfd('Lê Văn Ổn'));
	// A line of a note that starts with a lone mark: composing the JSON text itself would turn
	// its escaped "\\n" and the mark into "\\ñ", and the session's rules into invalid JSON.
	const preset = {
		id: 'custom',
		name: { vi: nfd('Quy chế của Đảng ủy'), en: 'Own rules' },
		note: { vi: `${nfd('Ghi chú')}\n\u0303`, en: '' }
	};
	const criteria = [{ id: 'c-1', name: nfd('Ý thức tổ chức kỷ luật'), group: 'general', max: 100 }];
	run(
		`insert into vote_session (id, owner_id, kind, title, organisation, meeting_date, meeting_time,
		 place, convened, present, preset, mode, period_kind, period_label, criteria, state,
		 quorum_override_reason, created_at, projector_key)
		 values ('s1', 'owner', 'appraisal', ?, ?, '2026-11-20', '08:30', ?, 9, 5, ?, 'scores', 'term',
		 ?, ?, 'open', ?, 1, 'projector-key-0000000')`,
		nfd('Đánh giá, xếp loại chất lượng cán bộ năm 2026'),
		nfd('Đảng bộ Sở Tài nguyên và Môi trường'),
		nfd('Hội trường tầng 3'),
		JSON.stringify(preset),
		nfd('Nhiệm kỳ 2025–2030'),
		JSON.stringify(criteria),
		nfd('Đủ số người theo quy chế của đơn vị')
	);
	// Namesakes, one typed on Windows and one on a Mac: two people, one name once composed.
	const addSubject = (id: string, position: number, name: string) =>
		run(
			`insert into subject (id, session_id, position, full_name, job_title, person_id, final_grade,
			 final_reason) values (?, 's1', ?, ?, ?, ?, 'good', ?)`,
			id,
			position,
			name,
			nfd('Phó Giám đốc Sở'),
			`person-${id}`,
			nfd('Hoàn thành tốt nhiệm vụ được giao')
		);
	addSubject('p1', 1, 'Lê Thị Thu Hà');
	addSubject('p2', 2, nfd('Lê Thị Thu Hà'));
	run(
		`insert into score_template (id, owner_id, name, criteria, created_at) values ('t1', 'owner', ?, ?, 1)`,
		nfd('Phiếu chấm điểm của Sở'),
		JSON.stringify(criteria)
	);
	run(
		`insert into committee_member (id, session_id, position, full_name, role_title, user_id)
		 values ('m1', 's1', 1, ?, ?, 'ha-decomposed')`,
		nfd('Đặng Thị Hồng'),
		nfd('Trưởng ban')
	);
	run(
		`insert into audit_event (session_id, user_id, action, detail, at) values ('s1', 'owner', 'opened', ?, 1)`,
		nfd('Vắng 4 người có lý do chính đáng')
	);
}

describe('the migration to composed text (NFC)', () => {
	it('knows every text column of release 0006: typed by a person, or written by the app', () => {
		const db = openDatabase(':memory:');
		migrateDatabase(db, migrationsUpTo(BEFORE));
		for (const table of tables(db)) {
			expect([...(TYPED[table] ?? []), ...(WRITTEN_BY_THE_APP[table] ?? [])].sort(), table).toEqual(
				textColumns(db, table).sort()
			);
		}
	});

	it('composes every typed value and changes nothing else', () => {
		const db = openDatabase(':memory:');
		migrateDatabase(db, migrationsUpTo(BEFORE));
		storedBeforeNfc(db);
		const before = contents(db);
		// The fixture holds decomposed text in every typed column.
		for (const [table, columns] of Object.entries(TYPED)) {
			for (const column of columns) {
				const values = (before[table] ?? []).map((row) => row[column]);
				expect(
					values.some((value) => typeof value === 'string' && value !== value.normalize('NFC')),
					`${table}.${column}`
				).toBe(true);
			}
		}

		migrateDatabase(db, migrationsUpTo(NFC));

		const after = contents(db);
		const expected = composed(before);
		// The one exception: a username that would be another account's stays as it was.
		const users = expected.user as Record<string, unknown>[];
		const clash = users.find((row) => row.id === 'ha-decomposed') as Record<string, unknown>;
		clash.username = nfd('hà');
		expect(after).toEqual(expected);
		expect(after.subject?.map((row) => row.full_name)).toEqual(['Lê Thị Thu Hà', 'Lê Thị Thu Hà']);
		expect(after.user?.find((row) => row.id === 'le')?.username).toBe('lê.ổn');
		const rules = JSON.parse(String(after.vote_session?.[0]?.preset));
		expect(rules.name.vi).toBe('Quy chế của Đảng ủy');
		expect(rules.note.vi).toBe('Ghi chú\n\u0303');

		// Applied once: starting again changes nothing.
		migrateDatabase(db, migrationsUpTo(NFC));
		expect(contents(db)).toEqual(after);
	});

	it('runs through `npm run db:migrate`; `drizzle-kit migrate`, which lacks nfc(), is refused', () => {
		const directory = mkdtempSync(join(tmpdir(), 'phieukin-nfc-'));
		const path = join(directory, 'old.db');
		const old = openDatabase(path);
		migrateDatabase(old, migrationsUpTo(BEFORE));
		storedBeforeNfc(old);
		old.$client.close();
		const env = { ...process.env, DATABASE_PATH: path };
		const title = () => {
			const db = openDatabase(path);
			const stored = db.$client.prepare('select title from vote_session').pluck().get();
			db.$client.close();
			return stored;
		};

		const refused = spawnSync('npx', ['drizzle-kit', 'migrate'], { env, encoding: 'utf8' });
		expect(refused.status).toBe(2);
		expect(refused.stderr).toContain('Apply migrations with `npm run db:migrate`');
		expect(title()).toBe(nfd('Đánh giá, xếp loại chất lượng cán bộ năm 2026'));

		execFileSync('npm', ['run', '--silent', 'db:migrate'], { env, stdio: 'pipe' });
		expect(title()).toBe('Đánh giá, xếp loại chất lượng cán bộ năm 2026');
	}, 60_000);
});
