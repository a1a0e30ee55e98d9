import { describe, expect, it } from 'vitest';
import { ballotSpec } from '$lib/ballot-rules';
import { parseHalfPoints, readBallotForm } from './ballot-form';

const subjects = ['a', 'b', 'c'];
const marks = ballotSpec({ kind: 'confidence' });
const scores = ballotSpec({
	kind: 'appraisal',
	mode: 'scores',
	criteria: [
		{ id: 'g', name: 'Chung', group: 'general', maximum: 30 },
		{ id: 't', name: 'Nhiệm vụ', group: 'tasks', maximum: 70 }
	]
});
const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
};

describe('readBallotForm, choices', () => {
	it('reads marks, treats blank and missing rows alike, and keeps the submission nonce', () => {
		const reading = readBallotForm(
			form([
				['s.a', 'high'],
				['s.b', 'blank'],
				['submission', 'abcdefghijklmnopqrstuv']
			]),
			marks,
			subjects
		);
		expect(reading).toMatchObject({
			ok: true,
			answers: { kind: 'choices', choices: new Map([['a', 'high']]) },
			rows: [
				{ subjectId: 'a', choice: 'high' },
				{ subjectId: 'b', choice: null },
				{ subjectId: 'c', choice: null }
			],
			submission: 'abcdefghijklmnopqrstuv'
		});
	});

	it('reads the phone’s one-character codes, blank rows included', () => {
		const reading = readBallotForm(
			form([
				['s.a', '3'],
				['s.b', '0'],
				['s.c', '1']
			]),
			marks,
			subjects
		);
		expect(reading).toMatchObject({
			ok: true,
			answers: {
				choices: new Map([
					['a', 'low'],
					['c', 'high']
				])
			}
		});
	});

	it.each([
		[
			'a row sent twice',
			[
				['s.a', 'high'],
				['s.a', 'low']
			]
		],
		['an unknown mark', [['s.a', 'excellent']]],
		['a code beyond the options', [['s.a', '4']]],
		['an empty mark', [['s.a', '']]],
		['a person not on this ballot', [['s.z', 'low']]],
		[
			'a stray field',
			[
				['s.a', 'low'],
				['voter', 'me']
			]
		],
		['a score field on a ballot of marks', [['s.a.g', '10']]],
		['a malformed nonce', [['submission', 'short']]],
		[
			'two nonces',
			[
				['submission', 'abcdefghijklmnopqrstuv'],
				['submission', 'abcdefghijklmnopqrstuv']
			]
		]
	] as [string, [string, string][]][])('refuses %s', (_, entries) => {
		expect(readBallotForm(form(entries), marks, subjects)).toEqual({ ok: false });
	});
});

describe('readBallotForm, score sheets', () => {
	it('reads whole and half points, with a comma or a point, and totals them', () => {
		const reading = readBallotForm(
			form([
				['s.a.g', '27,5'],
				['s.a.t', '62.5'],
				['s.b.g', ''],
				['s.b.t', '']
			]),
			scores,
			subjects
		);
		expect(reading).toMatchObject({
			ok: true,
			complete: true,
			answers: {
				kind: 'scores',
				sheets: new Map([
					[
						'a',
						new Map([
							['g', 55],
							['t', 125]
						])
					]
				])
			}
		});
		if (!reading.ok) return;
		expect(reading.rows[0]).toMatchObject({ totalHalfPoints: 180, problem: null });
		expect(reading.rows[1]).toMatchObject({ totalHalfPoints: null, problem: null });
	});

	it('reads the phone’s five-character codes, an empty criterion included', () => {
		const reading = readBallotForm(
			form([
				['s.a.g', '027.5'],
				['s.a.t', '062.5'],
				['s.b.g', '-----'],
				['s.b.t', '-----'],
				['s.c.g', '030.0'],
				['s.c.t', '-----']
			]),
			scores,
			subjects
		);
		expect(reading.ok && reading.complete).toBe(false);
		if (!reading.ok) return;
		expect(reading.rows).toMatchObject([
			{ scores: { g: 55, t: 125 }, totalHalfPoints: 180, problem: null },
			{ scores: { g: null, t: null }, totalHalfPoints: null, problem: null },
			{ scores: { g: 60, t: null }, problem: { kind: 'partial' } }
		]);
	});

	it('returns a voter’s slips as problems to correct, keeping what was typed', () => {
		const reading = readBallotForm(
			form([
				['s.a.g', '31'],
				['s.a.t', 'sáu mươi'],
				['s.b.g', '20'],
				['s.c.g', '10.25'],
				['s.c.t', '50']
			]),
			scores,
			subjects
		);
		expect(reading.ok && reading.complete).toBe(false);
		if (!reading.ok) return;
		expect(reading.rows.map((row) => ('problem' in row ? row.problem : null))).toEqual([
			{ kind: 'bounds', criterionIds: ['g', 't'] },
			{ kind: 'partial' },
			{ kind: 'bounds', criterionIds: ['g'] }
		]);
		expect(reading.rows[0]).toMatchObject({ scores: { g: '31', t: 'sáu mươi' } });
		expect(reading.answers).toEqual({ kind: 'scores', sheets: new Map() });
	});

	it('refuses a criterion that is not on the sheet', () => {
		expect(readBallotForm(form([['s.a.x', '10']]), scores, subjects)).toEqual({ ok: false });
		expect(readBallotForm(form([['s.a', 'high']]), scores, subjects)).toEqual({ ok: false });
	});
});

describe('parseHalfPoints', () => {
	it('accepts whole and half points only', () => {
		expect(parseHalfPoints('0')).toBe(0);
		expect(parseHalfPoints('4,5')).toBe(9);
		expect(parseHalfPoints(' 70 ')).toBe(140);
		expect(parseHalfPoints('4.50')).toBe(9);
		expect(parseHalfPoints('4.25')).toBeNull();
		expect(parseHalfPoints('-1')).toBeNull();
		expect(parseHalfPoints('1e2')).toBeNull();
		expect(parseHalfPoints('')).toBeNull();
	});
});
