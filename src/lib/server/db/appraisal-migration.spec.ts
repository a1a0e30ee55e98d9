/**
 * drizzle/0009_appraisal_rules_in_force.sql on a database holding appraisals stored before it:
 * a counted result (published or not) stays exactly what it was, drafts take the presets now in
 * force (audited), and every person starts in the one default duty group with nothing recorded.
 */
import { describe, expect, it } from 'vitest';
import { ND_335_2025, QD_366_2025 } from '$lib/tally/appraisal-presets';
import { sessionReport } from '../results/count';
import { sessionById } from '../sessions/lifecycle';
import { organiser } from '../testing/fixtures';
import { auditTrail } from './audit';
import { migrateDatabase, openDatabase, type AppDatabase } from './index';
import { migrationsUpTo } from './testing';

const TWO_THIRDS = { numerator: 2, denominator: 3, inclusive: true };
const BANDS = [
	{ grade: 'excellent', minimum: 90 },
	{ grade: 'good', minimum: 70 },
	{ grade: 'completed', minimum: 50 },
	{ grade: 'not_completed', minimum: 0 }
];
/** The presets as sessions stored them before December 2026: no conditions, no cap scope. */
const LEGACY_QD_366 = {
	id: 'qd-366-2025',
	name: { vi: 'Quy định 366-QĐ/TW (2025): cán bộ, đảng viên', en: 'Regulation 366' },
	source: { vi: 'Quy định số 366-QĐ/TW', en: 'Regulation 366-QĐ/TW' },
	issuer: 'party',
	quorum: TWO_THIRDS,
	bands: BANDS,
	cap: {
		ratio: { numerator: 1, denominator: 5 },
		rounding: 'floor',
		source: { vi: '20% (Quy định 366-QĐ/TW)', en: '20%' }
	}
};
const LEGACY_ND_335 = {
	...LEGACY_QD_366,
	id: 'nd-335-2025',
	name: { vi: 'Nghị định 335/2025/NĐ-CP: công chức, viên chức', en: 'Decree 335' },
	issuer: undefined
};

const NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Lan'];

function insertAppraisal(
	db: AppDatabase,
	ownerId: string,
	id: string,
	preset: object,
	state: 'draft' | 'open' | 'closed',
	published = false
) {
	db.$client
		.prepare(
			`insert into vote_session (id, owner_id, kind, title, organisation, meeting_date, place,
			 convened, present, cards_issued, preset, mode, period_kind, period_year, period_quarter,
			 state, created_at, closed_at, published_at, projector_key)
			 values (?, ?, 'appraisal', ?, 'Chi bộ', '2026-10-05', 'Hội trường', 10, 9, 3, ?, 'grades',
			 'quarter', 2026, 3, ?, ?, ?, ?, ?)`
		)
		.run(
			id,
			ownerId,
			`Đánh giá ${id}`,
			JSON.stringify(preset),
			state,
			Date.now(),
			state === 'closed' ? Date.now() : null,
			published ? Date.now() : null,
			`key-${id}`.padEnd(22, 'x')
		);
	NAMES.forEach((name, index) =>
		db.$client
			.prepare(
				`insert into subject (id, session_id, position, full_name, job_title, person_id)
				 values (?, ?, ?, ?, 'Chuyên viên', ?)`
			)
			.run(`${id}-${index}`, id, index + 1, name, `person-${index}`)
	);
}

/**
 * Three ballots: An excellent on all three, Bình on two (good on the third), the other four
 * good. Pooled, ⌊(4 + 2) / 6⌋ = 1 stays excellent: An.
 */
function insertGradeBallots(db: AppDatabase, sessionId: string) {
	for (let index = 0; index < 3; index++) {
		const ballotId = `${sessionId}-ballot-${index}`;
		db.$client
			.prepare('insert into ballot (id, session_id, blank) values (?, ?, 0)')
			.run(ballotId, sessionId);
		NAMES.forEach((_, person) => {
			const grade = person === 0 || (person === 1 && index < 2) ? 'excellent' : 'good';
			db.$client
				.prepare('insert into ballot_choice (ballot_id, subject_id, choice) values (?, ?, ?)')
				.run(ballotId, `${sessionId}-${person}`, grade);
		});
	}
}

describe('the migration to the appraisal rules in force', () => {
	it('keeps counted results, gives drafts the presets in force, starts everyone in one group', async () => {
		const db = openDatabase(':memory:');
		migrateDatabase(db, migrationsUpTo('0008_closed_cards'));
		const owner = await organiser(db);
		insertAppraisal(db, owner.id, 'published', LEGACY_ND_335, 'closed', true);
		insertAppraisal(db, owner.id, 'closed', LEGACY_QD_366, 'closed');
		insertAppraisal(db, owner.id, 'open', LEGACY_QD_366, 'open');
		insertAppraisal(db, owner.id, 'draft-qd', LEGACY_QD_366, 'draft');
		insertAppraisal(db, owner.id, 'draft-nd', LEGACY_ND_335, 'draft');
		for (const id of ['published', 'closed']) insertGradeBallots(db, id);

		migrateDatabase(db);

		for (const id of ['published', 'closed']) {
			const report = sessionReport(db, sessionById(db, id)!);
			if (report.kind !== 'appraisal') throw new Error('an appraisal');
			// As counted before: the vote's grades, An kept excellent, Bình moved by the cap, no
			// condition applied and none pending, one group.
			expect(report.rows.map((row) => row.capped)).toEqual([
				'excellent',
				'good',
				'good',
				'good',
				'good',
				'good'
			]);
			expect(report.rows.map((row) => row.conditional)).toEqual(
				report.rows.map((row) => ({
					band: row.collective,
					grade: row.collective,
					caps: [],
					pending: false
				}))
			);
			expect(report.cap.moves.map((move) => move.id)).toEqual([`${id}-1`]);
			expect(report.cap.groups.map((group) => group.group)).toEqual(['']);
			expect(
				report.rows.every((row) => row.record === null && row.subject.selfScore === null)
			).toBe(true);
			expect(report.rules.preset.conditions).toEqual([]);
		}
		// The published copy keeps even its old name; its issuer reads from the shipped preset.
		expect(sessionById(db, 'published')?.rules).toMatchObject({
			preset: { name: LEGACY_ND_335.name, issuer: 'state', cap: { scope: 'unit' } }
		});
		// Open: the rules announced when voting opened.
		expect(sessionById(db, 'open')?.rules).toMatchObject({ preset: { conditions: [] } });

		// Drafts counted nothing: they take the presets as they now stand, and the log says so.
		expect(sessionById(db, 'draft-qd')?.rules).toMatchObject({ preset: QD_366_2025 });
		expect(sessionById(db, 'draft-nd')?.rules).toMatchObject({ preset: ND_335_2025 });
		const corrections = (id: string) =>
			auditTrail(db, id).filter((entry) => entry.action === 'rule_corrected');
		expect(corrections('draft-qd')).toMatchObject([{ detail: 'qd-366-2025', who: null }]);
		expect(corrections('draft-nd')).toMatchObject([{ detail: 'nd-335-2025' }]);
		for (const id of ['published', 'closed', 'open']) expect(corrections(id)).toEqual([]);

		// Applied once: starting again changes nothing.
		const before = db.$client.prepare('select id, preset from vote_session order by id').all();
		migrateDatabase(db);
		expect(db.$client.prepare('select id, preset from vote_session order by id').all()).toEqual(
			before
		);
	});
});
