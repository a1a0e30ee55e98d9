import { describe, expect, it } from 'vitest';
import { CUSTOM_APPRAISAL_PRESET_ID, ND_335_2025, QD_366_2025 } from '$lib/tally/appraisal-presets';
import { QD_96_2023 } from '$lib/tally/presets';
import { confidenceRulesValues } from './confidence-rules';
import { DEFAULT_CRITERIA } from '$lib/tally/score-template';
import { parseForm } from '$lib/server/http/forms';
import { sessionFormSchema, sessionFormValues } from './session-form';

const base = {
	title: 'Lấy phiếu tín nhiệm',
	organisation: 'Chi bộ 3',
	meetingDate: '2026-11-22',
	meetingTime: '',
	place: 'Phòng họp',
	convened: '15'
};

function submit(fields: Record<string, string>) {
	const data = new FormData();
	for (const [key, value] of Object.entries({ ...base, ...fields })) data.append(key, value);
	return parseForm(sessionFormSchema('confidence'), data);
}

describe('the session form', () => {
	it('takes a shipped preset as it is', () => {
		const result = submit({ presetId: QD_96_2023.id });
		expect(result).toMatchObject({
			ok: true,
			data: {
				details: {
					convened: 15,
					meetingTime: null,
					rules: { kind: 'confidence', preset: QD_96_2023 }
				},
				templateId: null
			}
		});
	});

	it('builds a custom preset from fractions and percentages', () => {
		const result = submit({
			presetId: 'custom',
			customName: 'Quy chế của Chi bộ',
			customQuorum: 'none',
			band1Lower: '1/2',
			band1LowerOp: 'gte',
			band1Upper: '60%',
			band1UpperOp: 'lt',
			band1Consequence: 'Nhắc nhở',
			band2Lower: '3 / 5',
			band2LowerOp: 'gte',
			band2Consequence: 'Đề nghị từ chức'
		});
		expect(result.ok).toBe(true);
		if (!result.ok || result.data.details.rules.kind !== 'confidence') return;
		expect(result.data.details.rules.preset).toMatchObject({
			id: 'custom',
			name: { vi: 'Quy chế của Chi bộ', en: 'Quy chế của Chi bộ' },
			source: { vi: 'Quy định do người tổ chức đặt', en: 'Rule set by the organiser' },
			quorum: null,
			// By default on the ballots returned, as the rules in force.
			base: 'returned',
			issuer: 'party',
			bands: [
				{
					lower: { numerator: 1, denominator: 2, inclusive: true },
					upper: { numerator: 60, denominator: 100, inclusive: false },
					consequence: { vi: 'Nhắc nhở' }
				},
				{ lower: { numerator: 3, denominator: 5, inclusive: true }, upper: undefined }
			]
		});
	});

	it('lets a custom preset take its base, an advisory quorum, its issuer and each band’s article', () => {
		const result = submit({
			presetId: 'custom',
			customName: 'Quy chế lấy phiếu của HĐND xã',
			customBase: 'members',
			customQuorum: 'two-thirds-advisory',
			customIssuer: 'state',
			band1Lower: '1/2',
			band1Consequence: 'Có thể xin từ chức',
			band1Article: 'Điều 5 khoản 2'
		});
		expect(result.ok).toBe(true);
		if (!result.ok || result.data.details.rules.kind !== 'confidence') return;
		const preset = result.data.details.rules.preset;
		expect(preset).toMatchObject({
			base: 'members',
			issuer: 'state',
			quorum: { numerator: 2, denominator: 3, inclusive: true, binding: false },
			bands: [{ article: { vi: 'Điều 5 khoản 2' } }]
		});
		// And back into the form to edit it.
		expect(confidenceRulesValues(preset)).toMatchObject({
			presetId: 'custom',
			customBase: 'members',
			customQuorum: 'two-thirds-advisory',
			customIssuer: 'state',
			band1Article: 'Điều 5 khoản 2'
		});
		const binding = submit({
			presetId: 'custom',
			customName: 'X',
			band1Lower: '1/2',
			band1Consequence: 'A'
		});
		if (!binding.ok || binding.data.details.rules.kind !== 'confidence') throw new Error('ok');
		expect(binding.data.details.rules.preset.quorum?.binding).toBe(true);
	});

	it('names the band that overlaps another, and refuses shares that are not fractions of one', () => {
		const overlap = submit({
			presetId: 'custom',
			customName: 'X',
			band1Lower: '1/2',
			band1Consequence: 'A',
			band2Lower: '3/5',
			band2Consequence: 'B'
		});
		expect(overlap).toMatchObject({
			ok: false,
			errors: { band2Lower: ['Mức này trùng với mức 1.'] }
		});
		const nonsense = submit({
			presetId: 'custom',
			customName: 'X',
			band1Lower: 'half',
			band1Consequence: 'A'
		});
		expect(nonsense.ok).toBe(false);
		if (!nonsense.ok) expect(nonsense.errors.band1Lower?.[0]).toContain('phân số');
	});

	it('asks for a name and at least one band', () => {
		const result = submit({ presetId: 'custom' });
		expect(result).toMatchObject({
			ok: false,
			errors: {
				customName: ['Vui lòng điền mục này.'],
				band1Lower: ['Quy định tùy chỉnh cần ít nhất một mức.']
			}
		});
	});

	it('refuses an impossible date and a convened count of zero', () => {
		const result = submit({ presetId: QD_96_2023.id, meetingDate: '2026-02-30', convened: '0' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['convened', 'meetingDate']);
	});

	it('says a convened count that is not a whole number is one, in the app’s words', () => {
		for (const convened of ['mười', '12,5']) {
			const result = submit({ presetId: QD_96_2023.id, convened });
			if (result.ok) throw new Error(`expected a refusal of ${convened}`);
			expect(result.errors.convened, convened).toEqual(['Hãy nhập một số nguyên, ví dụ 12.']);
		}
	});

	it('reads the meeting date as day/month/year, whatever order a browser would use', () => {
		for (const meetingDate of ['2/12/2026', '02-12-2026', '02.12.2026', '02122026']) {
			const result = submit({ presetId: QD_96_2023.id, meetingDate });
			expect(result.ok && result.data.details.meetingDate, meetingDate).toBe('2026-12-02');
		}
	});

	it('says in words what is wrong with a date', () => {
		const errors = (meetingDate: string) => {
			const result = submit({ presetId: QD_96_2023.id, meetingDate });
			return result.ok ? null : result.errors.meetingDate;
		};
		expect(errors('31/02/2026')).toEqual([
			'Tháng 2 năm 2026 không có ngày 31 (tháng này có 28 ngày).'
		]);
		expect(errors('12/31/2026')).toEqual(['Không có tháng 31: tháng chỉ từ 1 đến 12.']);
		expect(errors('2/12/26')).toEqual(['Năm cần viết đủ bốn chữ số, ví dụ 02/12/2026.']);
		expect(errors('mùng 2 tháng 12')).toEqual([
			'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 02/12/2026.'
		]);
		expect(errors('')).toEqual(['Vui lòng điền mục này.']);
	});

	it('reads the meeting time on the 24-hour clock, whatever the browser shows', () => {
		const time = (meetingTime: string) => {
			const result = submit({ presetId: QD_96_2023.id, meetingTime });
			return result.ok ? result.data.details.meetingTime : result.errors.meetingTime;
		};
		expect(time('8h30')).toBe('08:30');
		expect(time('14:00')).toBe('14:00');
		expect(time('')).toBeNull();
		expect(time('8:30 PM')).toEqual([
			'Nhập giờ theo dạng giờ:phút trên đồng hồ 24 giờ, ví dụ 08:30 hoặc 14:00.'
		]);
	});

	it('answers every meeting field left empty in its own words (the form has no browser checks)', () => {
		const result = submit({
			title: '',
			organisation: '',
			meetingDate: '',
			place: '',
			convened: '',
			presetId: QD_96_2023.id
		});
		if (result.ok) throw new Error('expected a refusal');
		for (const field of ['title', 'organisation', 'meetingDate', 'place', 'convened']) {
			expect(result.errors[field], field).toEqual(['Vui lòng điền mục này.']);
		}
	});

	it('gives back the stored date as day/month/year to edit it', () => {
		const first = submit({ presetId: QD_96_2023.id, meetingDate: '2026-12-02' });
		if (!first.ok) throw new Error('expected a valid form');
		expect(sessionFormValues(first.data.details).meetingDate).toBe('02/12/2026');
	});

	it('gives back the values of a custom preset to edit it', () => {
		const first = submit({
			presetId: 'custom',
			customName: 'Y',
			band1Lower: '2/3',
			band1LowerOp: 'gte',
			band1Consequence: 'Miễn nhiệm'
		});
		if (!first.ok) throw new Error('expected a valid form');
		const again = submit(sessionFormValues(first.data.details));
		expect(again).toMatchObject({
			ok: true,
			data: { details: { rules: first.data.details.rules } }
		});
	});
});

describe('the appraisal session form', () => {
	function appraisal(fields: Record<string, string>) {
		const data = new FormData();
		for (const [key, value] of Object.entries({ ...base, kind: 'appraisal', ...fields })) {
			data.append(key, value);
		}
		return parseForm(sessionFormSchema('appraisal'), data);
	}

	it('reads a quarterly score-sheet appraisal with the default criteria', () => {
		const result = appraisal({
			periodKind: 'quarter',
			periodYear: '2026',
			periodQuarter: '3',
			mode: 'scores',
			appraisalPresetId: ND_335_2025.id,
			templateId: 'default'
		});
		expect(result).toMatchObject({
			ok: true,
			data: {
				details: {
					rules: {
						kind: 'appraisal',
						mode: 'scores',
						period: { kind: 'quarter', year: 2026, quarter: 3 },
						preset: ND_335_2025,
						criteria: DEFAULT_CRITERIA
					}
				},
				templateId: 'default'
			}
		});
	});

	it('asks for the quarter and year of a quarter, and the label of a term', () => {
		const quarter = appraisal({
			periodKind: 'quarter',
			periodYear: '26',
			periodQuarter: '5',
			mode: 'grades',
			appraisalPresetId: ND_335_2025.id
		});
		expect(quarter.ok).toBe(false);
		if (!quarter.ok)
			expect(Object.keys(quarter.errors).sort()).toEqual(['periodQuarter', 'periodYear']);
		const term = appraisal({
			periodKind: 'term',
			mode: 'grades',
			appraisalPresetId: ND_335_2025.id
		});
		expect(term).toMatchObject({ ok: false, errors: { periodLabel: ['Vui lòng điền mục này.'] } });
		const named = appraisal({
			periodKind: 'term',
			periodLabel: '2025–2030',
			mode: 'grades',
			appraisalPresetId: ND_335_2025.id
		});
		expect(named).toMatchObject({
			ok: true,
			data: { details: { rules: { period: { kind: 'term', label: '2025–2030' }, criteria: null } } }
		});
	});

	it('gives back its own values to edit it', () => {
		const first = appraisal({
			periodKind: 'year',
			periodYear: '2026',
			mode: 'grades',
			appraisalPresetId: ND_335_2025.id
		});
		if (!first.ok) throw new Error('expected a valid form');
		const again = appraisal(sessionFormValues(first.data.details));
		expect(again).toMatchObject({ ok: true, data: { details: first.data.details } });
	});

	/** A grade vote of 2026 under the unit's own rules: 85 / 65 / 45, two conditions, 25 % per group. */
	const custom = {
		periodKind: 'year',
		periodYear: '2026',
		mode: 'grades',
		appraisalPresetId: CUSTOM_APPRAISAL_PRESET_ID,
		appraisalSource: 'Quy chế đánh giá viên chức của Trường THCS Hòa Bình',
		appraisalMinExcellent: '85',
		appraisalMinGood: '65',
		appraisalMinCompleted: '45',
		'appraisalCondition.excellent:share_at_least:exceeded:30': 'on',
		'appraisalCondition.completed:no_finding:discipline': 'on',
		appraisalCap: 'percent',
		appraisalCapPercent: '25',
		appraisalCapScope: 'duty_group',
		appraisalIssuer: 'state'
	};

	it('builds the unit’s own rules: its document, bands, the conditions ticked and its cap', () => {
		const result = appraisal(custom);
		if (!result.ok || result.data.details.rules.kind !== 'appraisal') throw new Error('refused');
		const source = custom.appraisalSource;
		const article = { vi: source, en: source };
		expect(result.data.details.rules.preset).toEqual({
			id: CUSTOM_APPRAISAL_PRESET_ID,
			name: { vi: `Quy tắc riêng: ${source}`, en: `Own rules: ${source}` },
			source: article,
			issuer: 'state',
			quorum: QD_366_2025.quorum,
			bands: [
				{ grade: 'excellent', minimum: 85 },
				{ grade: 'good', minimum: 65 },
				{ grade: 'completed', minimum: 45 },
				{ grade: 'not_completed', minimum: 0 }
			],
			bandsArticle: article,
			note: null,
			conditions: [
				{ keeps: 'excellent', kind: 'share_at_least', share: 'exceeded', percent: 30, article },
				{ keeps: 'completed', kind: 'no_finding', finding: 'discipline', article }
			],
			cap: {
				ratio: { numerator: 25, denominator: 100 },
				rounding: 'floor',
				scope: 'duty_group',
				source: article
			}
		});
	});

	it('takes no condition unless one is ticked, and no cap when none is chosen', () => {
		const plain = Object.fromEntries(
			Object.entries(custom).filter(([field]) => !field.startsWith('appraisalCondition.'))
		);
		const result = appraisal({ ...plain, appraisalCap: 'none', appraisalIssuer: 'party' });
		if (!result.ok || result.data.details.rules.kind !== 'appraisal') throw new Error('refused');
		expect(result.data.details.rules.preset).toMatchObject({
			conditions: [],
			cap: null,
			issuer: 'party'
		});
	});

	it('says at each field what is wrong with the unit’s own rules', () => {
		const errors = (fields: Record<string, string>) => {
			const result = appraisal({ ...custom, ...fields });
			if (result.ok) throw new Error(`expected a refusal of ${JSON.stringify(fields)}`);
			return result.errors;
		};
		expect(errors({ appraisalSource: '  ' })).toEqual({
			appraisalSource: ['Vui lòng điền mục này.']
		});
		// Bands that do not rise: each told which band it must clear.
		expect(
			errors({ appraisalMinExcellent: '60', appraisalMinGood: '60', appraisalMinCompleted: '70' })
		).toEqual({
			appraisalMinGood: [
				'Phải cao hơn điểm tối thiểu của mức Hoàn thành nhiệm vụ (HTNV): 70 điểm.'
			],
			appraisalMinExcellent: [
				'Phải cao hơn điểm tối thiểu của mức Hoàn thành tốt nhiệm vụ (HTTNV): 60 điểm.'
			]
		});
		expect(errors({ appraisalMinExcellent: '', appraisalMinCompleted: 'năm mươi' })).toEqual({
			appraisalMinExcellent: ['Vui lòng điền mục này.'],
			appraisalMinCompleted: ['Hãy nhập một số nguyên, ví dụ 12.']
		});
		expect(Object.keys(errors({ appraisalMinExcellent: '101', appraisalCapPercent: '0' }))).toEqual(
			['appraisalMinExcellent', 'appraisalCapPercent']
		);
		expect(errors({ appraisalCapPercent: '12,5' })).toEqual({
			appraisalCapPercent: ['Hãy nhập một số nguyên, ví dụ 12.']
		});
	});

	it('ignores the custom fields under a shipped preset, whatever they hold', () => {
		const result = appraisal({
			...custom,
			appraisalPresetId: ND_335_2025.id,
			appraisalSource: '',
			appraisalMinGood: 'x'
		});
		expect(result).toMatchObject({
			ok: true,
			data: { details: { rules: { preset: ND_335_2025 } } }
		});
	});

	it('gives back the unit’s own rules to edit them, and reads them back the same', () => {
		for (const fields of [custom, { ...custom, appraisalCap: 'none', appraisalCapScope: 'unit' }]) {
			const first = appraisal(fields);
			if (!first.ok) throw new Error('expected a valid form');
			const values = sessionFormValues(first.data.details);
			expect(values).toMatchObject({
				appraisalPresetId: CUSTOM_APPRAISAL_PRESET_ID,
				appraisalSource: custom.appraisalSource,
				appraisalMinExcellent: '85',
				'appraisalCondition.excellent:share_at_least:exceeded:30': 'on'
			});
			expect(appraisal(values)).toMatchObject({ ok: true, data: { details: first.data.details } });
		}
	});
});
