import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { recordProblems, type ConditionRecord, type RecordProblem } from '$lib/tally/conditions';

export type ConditionFact = keyof ConditionRecord;

/** The shares a form may ask, in the order it asks them. */
export const SHARE_FACTS = ['completed', 'onTime', 'exceeded'] as const;
/** The ticks a form may ask, in the order it asks them. */
export const TICK_FACTS = ['shortcomingsFixed', 'discipline', 'degradation', 'corruption'] as const;

/** A share typed in whole percent, "30", "30%" or "30 %"; `undefined` when the form did not ask. */
const share = z
	.string()
	.trim()
	.transform((text, context) => {
		const digits = text.replace(/\s*%$/, '');
		const value = /^\d{1,3}$/.test(digits) ? Number(digits) : NaN;
		if (digits === '') context.addIssue({ code: 'custom', message: m.condition_share_required() });
		else if (!(value <= 100))
			context.addIssue({ code: 'custom', message: m.condition_share_range() });
		return value;
	})
	.optional();

/** A ticked box posts "yes"; an unticked one posts nothing. */
const tick = z
	.literal('yes')
	.optional()
	.transform((value) => value === 'yes');

/** Where each problem of a record is shown, and in which words. */
function problemAt(problem: RecordProblem, completed: number): [ConditionFact, string] {
	switch (problem) {
		case 'on_time_above_completed':
			return ['onTime', m.condition_on_time_above_completed({ completed })];
		case 'exceeded_above_completed':
			return ['exceeded', m.condition_exceeded_above_completed({ completed })];
		case 'range':
			return ['completed', m.condition_share_range()];
	}
}

/**
 * One person's conditions as the form posts them, read into a whole `ConditionRecord`. Only the
 * facts in `needed` (the preset's `factsNeeded`) are asked and read. The others are filled so
 * that they can never cap a grade: all tasks completed and on time, none beyond, shortcomings
 * put right, no finding. The preset does not read them, and a record is refused in the words of
 * the field it concerns.
 */
export function conditionsSchema(needed: ReadonlySet<ConditionFact>) {
	return z
		.object({
			subjectId: z.string().min(1).max(64),
			completed: share,
			onTime: share,
			exceeded: share,
			shortcomingsFixed: tick,
			discipline: tick,
			degradation: tick,
			corruption: tick
		})
		.transform(({ subjectId, ...posted }, context) => {
			for (const fact of SHARE_FACTS) {
				if (needed.has(fact) && posted[fact] === undefined) {
					context.addIssue({ code: 'custom', path: [fact], message: m.condition_share_required() });
				}
			}
			const asked = <T>(fact: ConditionFact, value: T, otherwise: T): T =>
				needed.has(fact) ? value : otherwise;
			const completed = asked('completed', posted.completed ?? 0, 100);
			const record: ConditionRecord = {
				completed,
				onTime: asked('onTime', posted.onTime ?? 0, completed),
				exceeded: asked('exceeded', posted.exceeded ?? 0, 0),
				shortcomingsFixed: asked('shortcomingsFixed', posted.shortcomingsFixed, true),
				discipline: asked('discipline', posted.discipline, false),
				degradation: asked('degradation', posted.degradation, false),
				corruption: asked('corruption', posted.corruption, false)
			};
			for (const problem of recordProblems(record)) {
				const [field, message] = problemAt(problem, completed);
				context.addIssue({ code: 'custom', path: [field], message });
			}
			return { subjectId, record };
		});
}
