import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ND_335_2025, QD_366_2025 } from '$lib/tally/appraisal-presets';
import { conditionCapReason, conditionRule } from '$lib/wording';
import { factsOf } from '$lib/tally/conditions';
import { eq } from 'drizzle-orm';
import { subject } from '../db/schema';
import { sessionById } from '../sessions/lifecycle';
import {
	ALL_MET,
	HIGHER_RATE,
	TWO_DUTY_GROUPS,
	closedAppraisal,
	storeContradictoryFigures,
	type ClosedAppraisal
} from '../testing/appraisal-session';
import { pdfPages, pdfText } from '../testing/pdf-text';
import { anonymousBallots } from './ballots';
import { resultsCsv } from './csv';
import { exportData } from './index';
import { minutesPdf } from './minutes';
import { resultsExportSchema, resultsJson, type ResultsExport } from './model';
import { resultsWorkbook } from './xlsx';

const twoGroups = () =>
	closedAppraisal({ preset: ND_335_2025, people: TWO_DUTY_GROUPS, capRate: HIGHER_RATE });

const exported = ({ db, sessionId }: ClosedAppraisal) =>
	exportData(db, sessionById(db, sessionId)!);

const person = (model: ResultsExport, fullName: string) =>
	model.appraisal!.subjects.find((subject) => subject.fullName === fullName)!;

const csvRows = (model: ResultsExport) =>
	parse(resultsCsv(model).slice(1), { columns: true }) as Record<string, string>[];

/**
 * The minutes' text without what a line break may add or take away: spaces, and the hyphen
 * pdftotext drops where a line ends on one ("366-" + "QĐ/TW" reads "366QĐ/TW").
 */
const unbroken = (text: string) => text.replace(/[\s-]/g, '');
const minutesText = async (model: ResultsExport) =>
	unbroken(pdfText(await minutesPdf(model, 'vi')));

function expectStated(text: string, sentences: string[]) {
	for (const sentence of sentences) expect(text).toContain(unbroken(sentence));
}

describe('an appraisal’s export model', () => {
	it('carries each person’s grade in the making and the cap per duty group', async () => {
		const { model } = exported(await twoGroups());
		const json = JSON.parse(JSON.stringify(resultsJson(model)));
		expect(resultsExportSchema.parse(json)).toEqual(model);
		expect(json.version).toBe(4);
		// Self-scores are hundredths in the model and points in JSON, like every point figure.
		expect(person(model, 'Nguyễn Văn An')).toMatchObject({
			dutyGroup: 'Chuyên viên',
			selfScore: 9000,
			selfGrade: 'excellent',
			score: { total: 9500 },
			conditions: ALL_MET,
			band: 'excellent',
			conditionsPending: false,
			conditionCaps: [],
			afterConditions: 'excellent',
			capMove: null,
			collectiveResult: 'excellent',
			departsFromSelfScore: true,
			finalGrade: 'excellent'
		});
		expect(json.appraisal.subjects[0]).toMatchObject({ selfScore: 90, score: { total: 95 } });
		expect(person(model, 'Trần Thị Bình')).toMatchObject({
			afterConditions: 'excellent',
			capMove: 'cap',
			collectiveResult: 'good',
			departsFromSelfScore: false
		});
		// A discipline finding sends Em to "không hoàn thành" whatever the score (NĐ 335 k.4 c).
		const discipline = ND_335_2025.conditions[1]!;
		expect(person(model, 'Hoàng Văn Em')).toMatchObject({
			band: 'good',
			afterConditions: 'not_completed',
			collectiveResult: 'not_completed',
			conditionCaps: [
				{
					rule: {
						kind: 'no_finding',
						finding: 'discipline',
						keeps: 'completed',
						article:
							'Nghị định 335/2025/NĐ-CP, điều quy định các mức xếp loại chất lượng công chức, khoản 4 điểm c'
					},
					reason: conditionCapReason(discipline, factsOf({ ...ALL_MET, discipline: true }), 'vi')
				}
			]
		});
		expect(person(model, 'Bùi Thị Khánh')).toMatchObject({
			conditions: null,
			conditionsPending: true,
			band: 'completed',
			afterConditions: 'completed'
		});
		expect(model.appraisal).toMatchObject({
			gradesWithheld: null,
			bands: [
				{ grade: 'excellent', minimum: 90 },
				{ grade: 'good', minimum: 70 },
				{ grade: 'completed', minimum: 50 },
				{ grade: 'not_completed', minimum: 0 }
			],
			conditions: ND_335_2025.conditions.map((condition) => ({
				rule: { kind: condition.kind, article: condition.article.vi },
				text: conditionRule(condition, 'vi')
			})),
			cap: {
				ratio: { numerator: 30, denominator: 100 },
				scope: 'duty_group',
				recordedRate: HIGHER_RATE,
				// 30 % keeps one of the two excellent beside three good: Bình, the lower, moves.
				groups: [
					{
						group: 'Chuyên viên',
						allowed: 1,
						candidates: 2,
						goodBefore: 3,
						moved: ['Trần Thị Bình'],
						tie: null
					},
					{ group: 'Lãnh đạo', allowed: 0, candidates: 0, goodBefore: 2, moved: [], tie: null }
				],
				breaches: []
			}
		});
	});

	it('states where the grades as they stand break the cap, at the rate in force', async () => {
		const appraisal = await twoGroups();
		// Bình confirmed excellent beside An, as the app let through before the cap was checked on
		// final grades: two excellent beside four good (Phúc confirmed good among them), where
		// 30 % allows one.
		appraisal.db
			.update(subject)
			.set({ finalGrade: 'excellent' })
			.where(eq(subject.fullName, 'Trần Thị Bình'))
			.run();
		const { model } = exported(appraisal);
		expect(model.appraisal?.cap).toMatchObject({
			ratio: { numerator: 30, denominator: 100 },
			breaches: [{ group: 'Chuyên viên', excellent: 2, good: 4, allowed: 1 }]
		});
		expect(await minutesText(model)).toContain(
			unbroken(
				'Xếp loại hiện có (mức đã xác nhận, nếu chưa có thì kết quả của tập thể) vượt giới hạn tỷ lệ. Nhóm “Chuyên viên”: 2 người Hoàn thành xuất sắc nhiệm vụ so với 4 người Hoàn thành tốt nhiệm vụ, vượt giới hạn: tối đa 1 người được xếp loại Hoàn thành xuất sắc nhiệm vụ.'
			)
		);
	});

	it('withholds every grade resting on figures that contradict each other', async () => {
		const appraisal = await twoGroups();
		storeContradictoryFigures(appraisal.db, appraisal.sessionId);
		const { model } = exported(appraisal);
		expect(model.appraisal?.gradesWithheld).toBe('figures');
		for (const subject of model.appraisal!.subjects) {
			expect(subject).toMatchObject({
				band: null,
				conditionCaps: [],
				afterConditions: null,
				capMove: null,
				collectiveResult: null
			});
		}
		// The counts and the organiser's records stay; the cap is checked on the confirmed grades.
		expect(person(model, 'Nguyễn Văn An')).toMatchObject({
			score: { total: 9500 },
			finalGrade: 'excellent'
		});
		expect(model.appraisal?.cap?.groups).toEqual([]);
		const withheld =
			'Không xác định kết quả xếp loại: các số liệu kiểm phiếu không khớp nhau (xem phần Tổng hợp).';
		const text = await minutesText(model);
		expectStated(text, [
			'Số phiếu phát ra (5) vượt số người được triệu tập (3): các số liệu không khớp nhau, cần kiểm tra lại.',
			withheld,
			'Nguyễn Văn An Công chức 90,00 điểm (*) HTXSNV 95,00 điểm — — — HTXSNV'
		]);
		for (const stated of ['95,00 điểm: HTXSNV', 'Chuyển 1 người xuống HTTNV', 'Điều kiện xếp loại'])
			expect(text).not.toContain(unbroken(stated));
		expect(csvRows(model).map((row) => row['Kết quả của tập thể'])).toEqual(
			TWO_DUTY_GROUPS.map(() => withheld)
		);
	});
});

describe('an appraisal’s CSV and workbook', () => {
	it('show the grade’s making column by column, and read back', async () => {
		const appraisal = await twoGroups();
		const { model, report } = exported(appraisal);
		const rows = csvRows(model);
		expect(rows[0]).toMatchObject({
			'Họ và tên': 'Nguyễn Văn An',
			'Nhóm có nhiệm vụ tương đồng': 'Chuyên viên',
			'Tự chấm (điểm)': '90.00',
			'Tự xếp loại': 'HTXSNV',
			'Tổng điểm': '95.00',
			'Mức theo kết quả bỏ phiếu': 'HTXSNV',
			'Điều kiện chưa đạt': '',
			'Sau khi xét điều kiện': 'HTXSNV',
			'Giới hạn tỷ lệ HTXSNV': '',
			'Kết quả của tập thể': 'HTXSNV',
			'Chênh lệch từ 5 điểm trở lên so với tự chấm': 'Có',
			'Xếp loại được xác nhận': 'HTXSNV'
		});
		expect(rows[1]).toMatchObject({
			'Giới hạn tỷ lệ HTXSNV': 'Chuyển xuống HTTNV do giới hạn tỷ lệ',
			'Kết quả của tập thể': 'HTTNV',
			'Chênh lệch từ 5 điểm trở lên so với tự chấm': ''
		});
		expect(rows[4]).toMatchObject({
			'Mức theo kết quả bỏ phiếu': 'HTTNV',
			'Điều kiện chưa đạt': person(model, 'Hoàng Văn Em').conditionCaps[0]!.reason,
			'Sau khi xét điều kiện': 'KHTNV'
		});
		// A reason with a comma, quotes and a line break comes back as typed.
		expect(rows[6]).toMatchObject({
			'Họ và tên': 'Trịnh Văn Phúc',
			'Kết quả của tập thể': 'HTNV',
			'Đề xuất của cấp ủy': 'HTTNV',
			'Xếp loại được xác nhận': 'HTTNV',
			'Lý do': TWO_DUTY_GROUPS[6]!.finalGrade!.reason
		});
		expect(rows[9]).toMatchObject({
			'Nhóm có nhiệm vụ tương đồng': 'Lãnh đạo',
			'Điều kiện chưa đạt': 'Chưa ghi nhận điều kiện xếp loại: mức xếp loại là tạm tính.',
			'Sau khi xét điều kiện': 'HTNV'
		});

		const book = new ExcelJS.Workbook();
		const ballots = anonymousBallots(appraisal.db, report);
		await book.xlsx.load((await resultsWorkbook(model, ballots)) as unknown as ExcelJS.Buffer);
		const results = book.worksheets[0]!;
		const header = (results.getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual(Object.keys(rows[0]!));
		const cell = (title: string) => results.getRow(2).getCell(header.indexOf(title) + 1);
		expect(cell('Tự chấm (điểm)').value).toBe(90);
		expect(cell('Tự chấm (điểm)').numFmt).toBe('0.00');
		expect(cell('Tổng điểm').value).toBe(95);
		expect(cell('Kết quả của tập thể').value).toBe('HTXSNV');
		const session = new Map(
			book.worksheets[1]!.getSheetValues().flatMap((row) =>
				Array.isArray(row) ? [[row[1], row[2]]] : []
			)
		);
		expect(session.get('Kỳ đánh giá')).toBe('Quý IV năm 2026');
		expect(session.get('Tỷ lệ HTXSNV tối đa so với số HTTNV')).toBeCloseTo(0.3, 10);
		expect(session.get('Văn bản của cấp có thẩm quyền quyết định tỷ lệ')).toBe(
			HIGHER_RATE.document
		);
	});
});

describe('the appraisal minutes', () => {
	it('follow the official form: basis, committee, counts, grades, the cap per group', async () => {
		const { model } = exported(await twoGroups());
		const text = await minutesText(model);
		expectStated(text, [
			'ỦY BAN NHÂN DÂN XÃ HÒA BÌNH',
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'Hòa Bình, ngày 18 tháng 12 năm 2026',
			'BIÊN BẢN KIỂM PHIẾU',
			'Kết quả đánh giá, xếp loại chất lượng',
			'Kỳ đánh giá: Quý IV năm 2026',
			// The legal basis: the decree, its bands, each condition and the cap, with articles.
			'Nghị định số 335/2025/NĐ-CP ngày 21/12/2025 của Chính phủ',
			'Các mức xếp loại theo tổng điểm: HTXSNV từ 90 điểm; HTTNV từ 70 đến dưới 90 điểm; HTNV từ 50 đến dưới 70 điểm; KHTNV dưới 50 điểm (Nghị định 335/2025/NĐ-CP, điều quy định các mức xếp loại chất lượng công chức).',
			...ND_335_2025.conditions.map((condition) => conditionRule(condition, 'vi')),
			'trong từng nhóm công chức có nhiệm vụ tương đồng (Nghị định 335/2025/NĐ-CP, khoản 5 điểm a)',
			'1. Đặng Thị Hồng: Trưởng ban',
			'Số người được triệu tập 10',
			'Số phiếu thu về (1) không vượt số phiếu phát ra (5).',
			// Per group, per person: self-assessment, score and band, conditions, result, final.
			'Số người được đánh giá: 10, trong 2 nhóm có nhiệm vụ tương đồng.',
			'Nhóm có nhiệm vụ tương đồng: Chuyên viên',
			'Nhóm có nhiệm vụ tương đồng: Lãnh đạo',
			'Nguyễn Văn An Công chức 90,00 điểm (*) HTXSNV 95,00 điểm: HTXSNV HTXSNV HTXSNV — HTXSNV',
			'Trần Thị Bình Công chức 92,00 điểm HTXSNV 92,00 điểm: HTXSNV HTXSNV HTTNV Chuyển xuống HTTNV do giới hạn tỷ lệ',
			'Bùi Thị Khánh Công chức — 60,00 điểm: HTNV HTNV (tạm tính) HTNV',
			'(*) Điểm của tập thể chênh lệch từ 5 điểm trở lên so với điểm tự chấm.',
			'Điều kiện xếp loại',
			`Hoàng Văn Em: HTTNV theo kết quả bỏ phiếu, KHTNV sau khi xét điều kiện. ${person(model, 'Hoàng Văn Em').conditionCaps[0]!.reason}`,
			'Chưa ghi nhận điều kiện xếp loại của: Bùi Thị Khánh; mức xếp loại của những người này là tạm tính.',
			// The cap: the rate in force, the document that set it, each group's count and moves.
			'Tỷ lệ áp dụng: số người xếp loại HTXSNV không vượt quá 30 % số người xếp loại HTTNV, tính trong từng nhóm có nhiệm vụ tương đồng.',
			'Tỷ lệ 30 % do cấp có thẩm quyền quyết định theo Công văn số 125/UBND-NV ngày 10/12/2026.',
			'Nhóm “Chuyên viên”: Kết quả của tập thể: 2 người đạt HTXSNV, 3 người HTTNV.',
			'Chuyển 1 người xuống HTTNV, người điểm thấp nhất trước: Trần Thị Bình.',
			'Nhóm “Lãnh đạo”: Kết quả của tập thể: 0 người đạt HTXSNV, 2 người HTTNV.',
			'Việc kiểm phiếu kết thúc lúc',
			'TRƯỞNG BAN',
			'(Ký, ghi rõ họ tên)'
		]);
		expect(text).not.toContain(unbroken('vượt giới hạn'));
	});

	it('give each reason a condition caps a grade, and a rate the cấp ủy applies (QĐ 366)', async () => {
		const rate = { percent: 20, document: 'Hướng dẫn số 05-HD/ĐU ngày 01/12/2026 của Đảng ủy xã' };
		const notOnTime = { ...ALL_MET, completed: 90, onTime: 70 };
		const { model } = exported(
			await closedAppraisal({
				preset: QD_366_2025,
				capRate: rate,
				people: [
					// 92 points but 20 % exceeded: no excellent (Điều 11 khoản 1).
					{
						fullName: 'Nguyễn Thị Mai',
						points: [28, 64],
						conditions: { ...ALL_MET, exceeded: 20 }
					},
					{ fullName: 'Trần Văn Nam', points: [27, 58], conditions: ALL_MET },
					// 90 % completed, 70 % on time: 30 % not on time, more than 20 % (khoản 3).
					{ fullName: 'Lê Thị Oanh', points: [20, 42], conditions: notOnTime }
				]
			})
		);
		const [exceeded, , , completed, late] = QD_366_2025.conditions;
		const reason = (condition: typeof exceeded, record: typeof ALL_MET) =>
			conditionCapReason(condition!, factsOf(record), 'vi');
		const text = await minutesText(model);
		expectStated(text, [
			'ĐẢNG CỘNG SẢN VIỆT NAM',
			`Nguyễn Thị Mai: HTXSNV theo kết quả bỏ phiếu, HTTNV sau khi xét điều kiện. ${reason(exceeded, { ...ALL_MET, exceeded: 20 })}`,
			`Lê Thị Oanh: HTNV theo kết quả bỏ phiếu, KHTNV sau khi xét điều kiện. ${reason(completed, notOnTime)} ${reason(late, notOnTime)}`,
			'Số người được đánh giá: 3.',
			// QĐ 366 sets no rate of its own: the one recorded for the session, with its document.
			'Tỷ lệ áp dụng: số người xếp loại HTXSNV không vượt quá 20 % số người xếp loại HTTNV',
			`Tỷ lệ 20 % do cấp có thẩm quyền quyết định theo ${rate.document}.`,
			'Kết quả của tập thể: 0 người đạt HTXSNV, 2 người HTTNV.'
		]);
		// The share not on time is what the rule reads: everything but the 70 % on time.
		expect(reason(late, notOnTime)).toContain('ghi nhận: 30%');
		expect(text).not.toContain(unbroken('Nhóm có nhiệm vụ tương đồng:'));
	});

	it('state what the rules leave open, and no cap where none is set or recorded', async () => {
		const { model } = exported(
			await closedAppraisal({
				preset: QD_366_2025,
				people: [{ fullName: 'Nguyễn Thị Mai', points: [28, 64], conditions: ALL_MET }]
			})
		);
		expect(model.appraisal?.cap).toBeNull();
		const text = await minutesText(model);
		expect(text).toContain(unbroken(QD_366_2025.note!.vi));
		expect(text).not.toContain(unbroken('Giới hạn tỷ lệ'));
	});

	it('never leave a heading alone at the foot of a page, however long the tables', async () => {
		const { model } = exported(await twoGroups());
		const headings = [
			/^Kết quả từng người$/,
			/^Nhóm có nhiệm vụ tương đồng: /,
			/^Điều kiện xếp loại$/,
			/^Giới hạn tỷ lệ /
		];
		const [first] = model.appraisal!.subjects;
		// More people in the first group move every heading down the pages in turn.
		for (let extra = 0; extra <= 24; extra += 3) {
			const subjects = [...model.appraisal!.subjects];
			subjects.splice(1, 0, ...Array.from({ length: extra }, () => first!));
			const longer = { ...model, appraisal: { ...model.appraisal!, subjects } };
			for (const page of pdfPages(await minutesPdf(longer, 'vi'))) {
				const lines = page.split('\n').filter((line) => line.trim() !== '');
				// The last line is the page number.
				const last = lines[lines.length - 2]?.trim() ?? '';
				expect(
					headings.some((heading) => heading.test(last)),
					`${extra}: ${last}`
				).toBe(false);
			}
		}
	}, 60_000);
});
