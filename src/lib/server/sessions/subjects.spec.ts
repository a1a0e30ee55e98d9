import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/testing';
import {
	addSubjects,
	listSubjects,
	MAX_SUBJECTS,
	moveSubject,
	removeSubject,
	showSelfAssessmentOnBallot,
	updateSubject
} from './subjects';
import { draftAppraisal, draftSession, organiser } from '../testing/fixtures';
import { openVoteSession, recordAttendance, sessionById } from './lifecycle';

async function draft(subjects = 4) {
	const db = createTestDatabase();
	const owner = await organiser(db);
	const sessionId = draftSession(db, owner.id, { subjects });
	const names = () => listSubjects(db, sessionId).map((person) => person.fullName);
	const positions = () => listSubjects(db, sessionId).map((person) => person.position);
	const idOf = (index: number) => listSubjects(db, sessionId)[index]!.id;
	return { db, sessionId, names, positions, idOf };
}

describe('subjects', () => {
	it('append in order and keep 60 people on one ballot', async () => {
		const { db, sessionId, names, positions } = await draft(0);
		const people = Array.from({ length: 60 }, (_, i) => ({
			fullName: `Đại biểu ${i + 1}`,
			jobTitle: ''
		}));
		expect(addSubjects(db, sessionId, people)).toBe('ok');
		expect(names()).toHaveLength(60);
		expect(names()[59]).toBe('Đại biểu 60');
		expect(positions()).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
	});

	it('move up and down by swapping with the neighbour, and stop at the ends', async () => {
		const { db, sessionId, names, idOf } = await draft(3);
		expect(moveSubject(db, sessionId, idOf(2), 'up')).toBe('ok');
		expect(names()).toEqual(['Người số 1', 'Người số 3', 'Người số 2']);
		expect(moveSubject(db, sessionId, idOf(0), 'up')).toBe('ok');
		expect(moveSubject(db, sessionId, idOf(2), 'down')).toBe('ok');
		expect(names()).toEqual(['Người số 1', 'Người số 3', 'Người số 2']);
	});

	it('close the gap when someone is removed', async () => {
		const { db, sessionId, names, positions, idOf } = await draft(4);
		expect(removeSubject(db, sessionId, idOf(1))).toEqual({ removed: 'Người số 2' });
		expect(names()).toEqual(['Người số 1', 'Người số 3', 'Người số 4']);
		expect(positions()).toEqual([1, 2, 3]);
	});

	it('refuse an id from another session', async () => {
		const { db, sessionId } = await draft(2);
		const other = await draft(2);
		expect(updateSubject(db, sessionId, other.idOf(0), { fullName: 'X', jobTitle: '' })).toBe(
			'not_found'
		);
		expect(removeSubject(db, sessionId, other.idOf(0))).toBe('not_found');
	});

	it(`refuse more than ${MAX_SUBJECTS} people, adding none of a batch that would pass it`, async () => {
		const { db, sessionId, names } = await draft(MAX_SUBJECTS - 1);
		expect(
			addSubjects(db, sessionId, [
				{ fullName: 'A', jobTitle: '' },
				{ fullName: 'B', jobTitle: '' }
			])
		).toBe('too_many');
		expect(names()).toHaveLength(MAX_SUBJECTS - 1);
	});

	it('freeze once voting opens', async () => {
		const { db, sessionId, names, idOf } = await draft(2);
		recordAttendance(db, sessionId, 10);
		openVoteSession(db, sessionId, null);
		expect(addSubjects(db, sessionId, [{ fullName: 'Late', jobTitle: '' }])).toBe('not_draft');
		expect(updateSubject(db, sessionId, idOf(0), { fullName: 'X', jobTitle: '' })).toBe(
			'not_draft'
		);
		expect(moveSubject(db, sessionId, idOf(1), 'up')).toBe('not_draft');
		expect(removeSubject(db, sessionId, idOf(0))).toBe('not_draft');
		expect(addSubjects(db, sessionId, [{ fullName: 'Người số 1', jobTitle: 'Ủy viên' }])).toBe(
			'not_draft'
		);
		expect(names()).toEqual(['Người số 1', 'Người số 2']);
	});

	it('refuse the same name and title twice, in one batch or against the list, adding none', async () => {
		const { db, sessionId, names } = await draft(2);
		// The fixture's people are "Người số 1…2", job title "Ủy viên".
		expect(addSubjects(db, sessionId, [{ fullName: 'người  số 1', jobTitle: 'ủy viên' }])).toBe(
			'duplicate'
		);
		expect(
			addSubjects(db, sessionId, [
				{ fullName: 'Lê Thị Hoà', jobTitle: '' },
				{ fullName: 'Lê Thị Hòa', jobTitle: '' }
			])
		).toBe('duplicate');
		expect(names()).toEqual(['Người số 1', 'Người số 2']);
	});

	it('take a shared name with another title only once the organiser confirms it', async () => {
		const { db, sessionId, names } = await draft(1);
		const namesake = [{ fullName: 'Người số 1', jobTitle: 'Chuyên viên' }];
		expect(addSubjects(db, sessionId, namesake)).toBe('same_name');
		expect(names()).toEqual(['Người số 1']);
		expect(addSubjects(db, sessionId, namesake, { sameNameConfirmed: true })).toBe('ok');
		expect(names()).toEqual(['Người số 1', 'Người số 1']);
	});

	it('refuse an edit that makes a person identical to another, and allow keeping one as is', async () => {
		const { db, sessionId, idOf, names } = await draft(2);
		const identical = { fullName: 'Người số 1', jobTitle: 'Ủy viên' };
		expect(updateSubject(db, sessionId, idOf(1), identical)).toBe('duplicate');
		expect(updateSubject(db, sessionId, idOf(0), identical)).toBe('ok');
		expect(names()).toEqual(['Người số 1', 'Người số 2']);
	});

	describe('on an appraisal: duty group and self-assessment', () => {
		async function appraisal() {
			const db = createTestDatabase();
			const owner = await organiser(db);
			const sessionId = draftAppraisal(db, owner.id);
			const people = () =>
				listSubjects(db, sessionId).map(({ fullName, dutyGroup, selfScore, selfGrade }) => ({
					fullName,
					dutyGroup,
					selfScore,
					selfGrade
				}));
			return { db, sessionId, people };
		}

		it('stores them as given, and a group in the spelling already used for it', async () => {
			const { db, sessionId, people } = await appraisal();
			expect(
				addSubjects(db, sessionId, [
					{
						fullName: 'An',
						jobTitle: '',
						dutyGroup: 'Lãnh đạo',
						selfScore: 9250,
						selfGrade: 'excellent'
					},
					{
						fullName: 'Bình',
						jobTitle: '',
						dutyGroup: 'LÃNH  đạo',
						selfScore: null,
						selfGrade: 'good'
					},
					{ fullName: 'Cường', jobTitle: '' }
				])
			).toBe('ok');
			expect(
				addSubjects(db, sessionId, [{ fullName: 'Dung', jobTitle: '', dutyGroup: 'lãnh đạo' }])
			).toBe('ok');
			expect(people()).toEqual([
				{ fullName: 'An', dutyGroup: 'Lãnh đạo', selfScore: 9250, selfGrade: 'excellent' },
				{ fullName: 'Bình', dutyGroup: 'Lãnh đạo', selfScore: null, selfGrade: 'good' },
				{ fullName: 'Cường', dutyGroup: '', selfScore: null, selfGrade: null },
				{ fullName: 'Dung', dutyGroup: 'Lãnh đạo', selfScore: null, selfGrade: null }
			]);
		});

		it('changes them on edit, in draft only, and leaves them alone when an edit says nothing of them', async () => {
			const { db, sessionId, people } = await appraisal();
			addSubjects(db, sessionId, [
				{
					fullName: 'An',
					jobTitle: '',
					dutyGroup: 'Chuyên môn',
					selfScore: 8000,
					selfGrade: 'good'
				},
				{ fullName: 'Bình', jobTitle: '', dutyGroup: 'Lãnh đạo' }
			]);
			const [an, binh] = listSubjects(db, sessionId);
			expect(
				updateSubject(db, sessionId, an!.id, {
					fullName: 'An',
					jobTitle: 'Chuyên viên',
					dutyGroup: 'lãnh đạo',
					selfScore: 8725,
					selfGrade: null
				})
			).toBe('ok');
			expect(updateSubject(db, sessionId, binh!.id, { fullName: 'Bình Minh', jobTitle: '' })).toBe(
				'ok'
			);
			expect(people()).toEqual([
				{ fullName: 'An', dutyGroup: 'Lãnh đạo', selfScore: 8725, selfGrade: null },
				{ fullName: 'Bình Minh', dutyGroup: 'Lãnh đạo', selfScore: null, selfGrade: null }
			]);

			recordAttendance(db, sessionId, 10);
			openVoteSession(db, sessionId, null);
			expect(
				updateSubject(db, sessionId, an!.id, { fullName: 'An', jobTitle: '', selfScore: 9900 })
			).toBe('not_draft');
			expect(people()[0]?.selfScore).toBe(8725);
		});

		it('prints the self-assessment on the ballot only if chosen in draft, and only for an appraisal', async () => {
			const { db, sessionId } = await appraisal();
			const shown = () => sessionById(db, sessionId)?.selfAssessmentOnBallot;
			expect(shown()).toBe(false);
			expect(showSelfAssessmentOnBallot(db, sessionId, true)).toBe('ok');
			expect(shown()).toBe(true);
			addSubjects(db, sessionId, [{ fullName: 'An', jobTitle: '' }]);
			recordAttendance(db, sessionId, 10);
			openVoteSession(db, sessionId, null);
			expect(showSelfAssessmentOnBallot(db, sessionId, false)).toBe('not_draft');
			expect(shown()).toBe(true);

			const confidence = await draft(1);
			expect(showSelfAssessmentOnBallot(confidence.db, confidence.sessionId, true)).toBe(
				'not_found'
			);
		});
	});
});
