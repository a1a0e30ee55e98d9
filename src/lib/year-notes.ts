/**
 * Words for a year graded from its quarters, shared by the year page and its exports so that a
 * reason reads the same everywhere. Conditions are worded by wording.ts, never here.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { romanQuarter } from '$lib/periods';
import type { AppraisalPreset } from '$lib/tally/appraisal-presets';
import type { CapMove, RecordedCapRate } from '$lib/tally/cap';
import type { ConditionFacts, ConditionalGrade } from '$lib/tally/conditions';
import type { DisplayLocale } from '$lib/format';
import { conditionCapReason, gradeNameIn } from '$lib/wording';

export interface YearGrading {
	conditional: ConditionalGrade | null;
	facts: ConditionFacts | null;
	move: CapMove | null;
	grade: ConditionalGrade['grade'] | null;
}

/**
 * Why the year grade is what it is: the score's band when the grade differs from it, each
 * condition that capped it with its reason, the cap's move, or that it is provisional.
 */
export function yearGradeNotes(row: YearGrading, locale: DisplayLocale = getLocale()): string[] {
	const options = { locale };
	const { conditional, facts, move } = row;
	if (!conditional) return [];
	return [
		...(row.grade && row.grade !== conditional.band
			? [m.year_band({ grade: gradeNameIn(conditional.band, locale) }, options)]
			: []),
		...(facts
			? conditional.caps.map((condition) => conditionCapReason(condition, facts, locale))
			: []),
		...(move ? [move.tied ? m.cap_moved_tie({}, options) : m.cap_moved_down({}, options)] : []),
		...(conditional.pending ? [m.year_pending({}, options)] : [])
	];
}

/** "Quý II, Quý IV". */
export function quartersText(quarters: readonly number[], locale: DisplayLocale = getLocale()) {
	return quarters
		.map((quarter) =>
			m.chart_quarter({ quarter: romanQuarter(quarter as 1 | 2 | 3 | 4) }, { locale })
		)
		.join(', ');
}

export interface YearRulesInForce {
	rules: {
		quarter: 1 | 2 | 3 | 4;
		preset: Pick<AppraisalPreset, 'name' | 'source' | 'cap'>;
		recordedRate: RecordedCapRate | null;
	} | null;
	sessions: { quarter: 1 | 2 | 3 | 4; counted: boolean; presetName: AppraisalPreset['name'] }[];
}

/**
 * What the year is graded by, first line first: the latest quarter's rules and their source, the
 * cap and any higher rate recorded, quarters appraised under other rules, and how the year score
 * is made. Empty while no quarter has a result.
 */
export function yearBasis(view: YearRulesInForce, locale: DisplayLocale = getLocale()): string[] {
	const options = { locale };
	const { rules } = view;
	if (!rules) return [];
	const { preset, recordedRate } = rules;
	return [
		m.year_rules({ quarter: romanQuarter(rules.quarter), name: preset.name[locale] }, options),
		m.results_source({ source: preset.source[locale] }, options),
		...(preset.cap ? [preset.cap.source[locale]] : []),
		...(recordedRate ? [m.year_cap_rate(recordedRate, options)] : []),
		...view.sessions
			.filter((session) => session.counted && session.presetName.vi !== preset.name.vi)
			.map((session) =>
				m.year_rules_other(
					{ quarter: romanQuarter(session.quarter), name: session.presetName[locale] },
					options
				)
			),
		m.year_mean_basis({}, options)
	];
}
