/**
 * Score-sheet templates: criteria with whole-point maxima adding up to 100, in two groups as the
 * regulations describe them (general criteria and task results). Scores are kept in half points.
 */
export const CRITERION_GROUPS = ['general', 'tasks'] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];

export interface Criterion {
	id: string;
	name: string;
	group: CriterionGroup;
	/** Whole points; a voter gives 0 to this in steps of ½. */
	maximum: number;
}

export const TEMPLATE_TOTAL = 100;
export const MAX_CRITERIA = 15;

/** The regulation's shape: 30 points of general criteria, 70 of task results. */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
	{ id: 'chinh-tri', name: 'Phẩm chất chính trị, tư tưởng', group: 'general', maximum: 5 },
	{ id: 'dao-duc', name: 'Đạo đức, lối sống', group: 'general', maximum: 5 },
	{
		id: 'ky-luat',
		name: 'Ý thức tổ chức kỷ luật, tác phong, lề lối làm việc',
		group: 'general',
		maximum: 5
	},
	{ id: 'neu-guong', name: 'Tinh thần trách nhiệm, nêu gương', group: 'general', maximum: 5 },
	{ id: 'doi-moi', name: 'Đổi mới, sáng tạo, dám nghĩ, dám làm', group: 'general', maximum: 5 },
	{ id: 'tu-phe-binh', name: 'Tự phê bình và phê bình, đoàn kết', group: 'general', maximum: 5 },
	{ id: 'khoi-luong', name: 'Khối lượng công việc được giao', group: 'tasks', maximum: 25 },
	{ id: 'chat-luong', name: 'Chất lượng, hiệu quả công việc', group: 'tasks', maximum: 30 },
	{ id: 'tien-do', name: 'Tiến độ thực hiện nhiệm vụ', group: 'tasks', maximum: 15 }
];

export type TemplateProblem =
	| { problem: 'empty' | 'too_many' }
	| { problem: 'total'; total: number }
	| { problem: 'maximum' | 'name'; index: number };

export function templateProblems(criteria: readonly Criterion[]): TemplateProblem[] {
	if (criteria.length === 0) return [{ problem: 'empty' }];
	if (criteria.length > MAX_CRITERIA) return [{ problem: 'too_many' }];
	const problems: TemplateProblem[] = [];
	criteria.forEach((criterion, index) => {
		if (!criterion.name.trim()) problems.push({ problem: 'name', index });
		if (!Number.isInteger(criterion.maximum) || criterion.maximum < 1 || criterion.maximum > 100) {
			problems.push({ problem: 'maximum', index });
		}
	});
	// Maxima that are not whole numbers have no total worth stating: each is refused on its own.
	if (criteria.every((criterion) => Number.isInteger(criterion.maximum))) {
		const total = criteria.reduce((sum, criterion) => sum + criterion.maximum, 0);
		if (total !== TEMPLATE_TOTAL) problems.push({ problem: 'total', total });
	}
	return problems;
}

export function groupTotal(criteria: readonly Criterion[], group: CriterionGroup): number {
	return criteria
		.filter((criterion) => criterion.group === group)
		.reduce((sum, c) => sum + c.maximum, 0);
}
