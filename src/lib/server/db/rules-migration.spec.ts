/**
 * drizzle/0005_confidence_rules_in_force.sql on a database holding sessions stored before it:
 * unpublished sessions under a shipped preset take the corrected copy, a published result keeps
 * the figures it was published with and gains the corrected ones beside them, a custom preset
 * keeps its meaning, and every correction is in the audit trail.
 */
import { describe, expect, it } from 'vitest';
import { NQ_96_2023_QH15, QD_96_2023 } from '$lib/tally/presets';
import { sessionReport } from '../results/count';
import { sessionById } from '../sessions/lifecycle';
import { organiser } from '../testing/fixtures';
import { auditTrail } from './audit';
import { migrateDatabase, openDatabase, type AppDatabase } from './index';
import { migrationsUpTo } from './testing';

/** QĐ 96 as sessions stored it before December 2026: no base, no articles. */
const LEGACY_QD_96 = {
	id: 'qd-96-2023',
	name: QD_96_2023.name,
	source: QD_96_2023.source,
	quorum: { numerator: 2, denominator: 3, inclusive: true },
	bands: [
		{
			id: 'over-half',
			lower: { numerator: 1, denominator: 2, inclusive: false },
			upper: { numerator: 2, denominator: 3, inclusive: false },
			consequence: { vi: 'Không quy hoạch…', en: 'Not planned…' }
		},
		{
			id: 'two-thirds',
			lower: { numerator: 2, denominator: 3, inclusive: true },
			consequence: { vi: 'Cho thôi giữ chức vụ…', en: 'Relieved from post…' }
		}
	]
};
const LEGACY_CUSTOM = {
	...LEGACY_QD_96,
	id: 'custom',
	name: { vi: 'Quy chế của chi bộ', en: 'Quy chế của chi bộ' }
};

function insertSession(
	db: AppDatabase,
	ownerId: string,
	id: string,
	preset: object,
	state: { closed: boolean; published: boolean }
) {
	db.$client
		.prepare(
			`insert into vote_session (id, owner_id, kind, title, organisation, meeting_date, place,
			 convened, present, cards_issued, preset, state, created_at, closed_at, published_at,
			 projector_key)
			 values (?, ?, 'confidence', ?, 'Chi bộ', '2026-11-20', 'Hội trường', 30, 24, 24, ?, ?, ?, ?,
			 ?, ?)`
		)
		.run(
			id,
			ownerId,
			`Phiên ${id}`,
			JSON.stringify(preset),
			state.closed ? 'closed' : 'draft',
			Date.now(),
			state.closed ? Date.now() : null,
			state.published ? Date.now() : null,
			`key-${id}`.padEnd(22, 'x')
		);
	db.$client
		.prepare(
			`insert into subject (id, session_id, position, full_name, job_title) values (?, ?, 1, 'Trần Văn Lâm', 'Phó Chủ tịch')`
		)
		.run(`${id}-subject`, id);
}

/** 24 ballots: 13 low for the one person, 11 high. */
function insertBallots(db: AppDatabase, sessionId: string) {
	for (let index = 0; index < 24; index++) {
		const ballotId = `${sessionId}-ballot-${index}`;
		db.$client
			.prepare('insert into ballot (id, session_id, blank) values (?, ?, 0)')
			.run(ballotId, sessionId);
		db.$client
			.prepare('insert into ballot_choice (ballot_id, subject_id, choice) values (?, ?, ?)')
			.run(ballotId, `${sessionId}-subject`, index < 13 ? 'low' : 'high');
	}
}

describe('the migration to the confidence rules in force', () => {
	it('corrects unpublished sessions, keeps and annotates published ones, keeps custom rules', async () => {
		const db = openDatabase(':memory:');
		migrateDatabase(db, migrationsUpTo('0004_count_marks_by_index'));
		const owner = await organiser(db);
		insertSession(db, owner.id, 'draft-qd96', LEGACY_QD_96, { closed: false, published: false });
		insertSession(
			db,
			owner.id,
			'closed-nq96',
			{ ...LEGACY_QD_96, id: 'nq-96-2023-qh15' },
			{
				closed: true,
				published: false
			}
		);
		insertSession(db, owner.id, 'published-qd96', LEGACY_QD_96, { closed: true, published: true });
		insertSession(db, owner.id, 'custom', LEGACY_CUSTOM, { closed: true, published: false });
		for (const id of ['closed-nq96', 'published-qd96', 'custom']) insertBallots(db, id);
		// The committee had confirmed the unpublished count, under the old figures.
		db.$client
			.prepare(
				`insert into count_confirmation (session_id, user_id, confirmed_at) values ('closed-nq96', ?, ?)`
			)
			.run(owner.id, Date.now());

		migrateDatabase(db);

		// Not yet published: the corrected copy, counted on the 24 ballots returned.
		expect(sessionById(db, 'draft-qd96')?.rules).toEqual({
			kind: 'confidence',
			preset: QD_96_2023
		});
		const closed = sessionReport(db, sessionById(db, 'closed-nq96')!);
		if (closed.kind !== 'confidence') throw new Error('a confidence vote');
		expect(closed.preset).toEqual(NQ_96_2023_QH15);
		expect(closed.people[0]?.figures).toMatchObject({
			percent: { low: 5417 },
			band: { id: 'over-half' }
		});
		expect(closed.corrected).toBeNull();
		// Its confirmations were of other figures: withdrawn, and the log says so.
		expect(db.$client.prepare(`select count(*) as n from count_confirmation`).get()).toEqual({
			n: 0
		});
		expect(
			auditTrail(db, 'closed-nq96').filter((entry) => entry.action === 'confirmations_withdrawn')
		).toMatchObject([{ detail: '1' }]);

		// Published: the figures as published (13 of 30 convened, no band) never change; the
		// corrected ones (13 of 24 returned: 54,17 %, over half) are beside them.
		const published = sessionReport(db, sessionById(db, 'published-qd96')!);
		if (published.kind !== 'confidence') throw new Error('a confidence vote');
		expect(published.preset).toMatchObject({
			base: 'members',
			correctedBy: 'qd-96-2023',
			issuer: 'party',
			status: 'in_force'
		});
		expect(published.people[0]?.figures).toMatchObject({ percent: { low: 4333 }, band: null });
		expect(published.corrected?.preset).toEqual(QD_96_2023);
		expect(published.corrected?.people[0]?.figures).toMatchObject({
			percent: { low: 5417 },
			band: { id: 'over-half' }
		});

		// A custom preset said "of the people convened": it still does, with an advisory quorum.
		const custom = sessionReport(db, sessionById(db, 'custom')!);
		if (custom.kind !== 'confidence') throw new Error('a confidence vote');
		expect(custom.preset).toMatchObject({
			id: 'custom',
			base: 'members',
			quorum: { binding: false }
		});
		expect(custom.people[0]?.figures.percent.low).toBe(4333);
		expect(custom.corrected).toBeNull();

		// Every correction of a shipped preset is in the session's log, none for custom rules.
		const corrections = (id: string) =>
			auditTrail(db, id).filter((entry) => entry.action === 'rule_corrected');
		expect(corrections('draft-qd96')).toMatchObject([{ detail: 'qd-96-2023', who: null }]);
		expect(corrections('closed-nq96')).toMatchObject([{ detail: 'nq-96-2023-qh15' }]);
		expect(corrections('published-qd96')).toMatchObject([{ detail: 'qd-96-2023' }]);
		expect(corrections('custom')).toEqual([]);

		// Applied once: starting again changes nothing.
		const before = db.$client.prepare('select id, preset from vote_session order by id').all();
		migrateDatabase(db);
		expect(db.$client.prepare('select id, preset from vote_session order by id').all()).toEqual(
			before
		);
	});

	it('sets the time the count ended of sessions already closed to when voting closed', async () => {
		const db = openDatabase(':memory:');
		migrateDatabase(db, migrationsUpTo('0005_confidence_rules_in_force'));
		const owner = await organiser(db);
		insertSession(db, owner.id, 'closed', LEGACY_QD_96, { closed: true, published: false });
		insertSession(db, owner.id, 'draft', LEGACY_QD_96, { closed: false, published: false });
		migrateDatabase(db);
		expect(sessionById(db, 'closed')?.countEndedAt).toEqual(sessionById(db, 'closed')?.closedAt);
		expect(sessionById(db, 'draft')?.countEndedAt).toBeNull();
	});
});
